package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.gitlabaccess.core.ssh.KeyFingerprint;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The host key dialogs: a new host may be trusted; a changed or revoked key is only shown, with nothing to accept. */
@ExtendWith(ApplicationExtension.class)
class FxHostKeyDecisionTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final SshEndpoint endpoint = SshEndpoint.of("gitlab.example.com", 22);

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane();
        root.getStyleClass().add("wizard");
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @Test
    void aChangedKeyShowsBothFingerprintsAndTheLineAndCannotBeAccepted(FxRobot robot) throws Exception {
        KeyPair presented = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        KeyPair recorded = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        KnownHosts.Lookup lookup = new KnownHosts.Lookup(KnownHosts.Status.CHANGED, List.of(
                new KnownHosts.Entry(Path.of("/home/u/.ssh/known_hosts"), 3, KnownHosts.Marker.NONE, recorded.getPublic())));
        CompletableFuture<Void> shown = CompletableFuture.runAsync(() -> new FxHostKeyDecision(messages)
                .hostKeyRefused(endpoint, presented.getPublic(), KeyFingerprint.sha256(presented.getPublic()), lookup));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, ".host-key-changed"));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".host-key-changed").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains(KeyFingerprint.sha256(presented.getPublic()))
                .contains(KeyFingerprint.sha256(recorded.getPublic())).contains("/home/u/.ssh/known_hosts:3");
        assertThat(pane.getHeaderText()).contains("has changed").contains("gitlab.example.com");
        assertThat(pane.getButtonTypes()).hasSize(1);
        assertThat(robot.lookup(messages.get("hostkey.trust")).tryQuery()).isEmpty();
        robot.clickOn(robot.lookup(".host-key-changed .button").queryAs(Button.class));
        shown.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aNewHostIsAskedAndCanBeTrusted(FxRobot robot) throws Exception {
        KeyPair presented = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> new FxHostKeyDecision(messages)
                .acceptNewHost(endpoint, presented.getPublic(), KeyFingerprint.sha256(presented.getPublic())));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, messages.get("hostkey.trust")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText())
                .contains(KeyFingerprint.sha256(presented.getPublic()));
        robot.clickOn(messages.get("hostkey.trust"));
        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Looked up on the FX thread: the scene graph is laid out there, and reading it elsewhere races. */
    private static boolean shown(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                .isPresent()).get();
    }
}
