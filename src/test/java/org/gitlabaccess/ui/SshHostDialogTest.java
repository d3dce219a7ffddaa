package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gitlabaccess.core.gitlab.ForeignSshHostException;
import org.gitlabaccess.core.gitlab.SshEndpointDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The question about an SSH host the API named outside the instance: keyboard only, a host name or nothing. */
@ExtendWith(ApplicationExtension.class)
class SshHostDialogTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final ForeignSshHostException foreign = (ForeignSshHostException) SshEndpointDiscovery
            .judge("ssh://git@ssh.other.example.net:2222/group/project.git", "gitlab.example.com").refusal()
            .orElseThrow();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private CompletableFuture<Optional<String>> open() {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new SshHostDialog(messages).ask(foreign, null)));
        return answer;
    }

    private static void waitShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, ".dialog-pane .text-field"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void namesBothHostsAndTakesOnlyAValidHostName(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = open();
        waitShown(robot);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        TextField field = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        Node use = pane.lookupButton(pane.getButtonTypes().get(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, field::isFocused);
        assertThat(field.getText()).isEqualTo("ssh.other.example.net");
        assertThat(robot.lookup(".dialog-pane .label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("gitlab.example.com").contains("ssh.other.example.net"));

        robot.interact(() -> field.setText("evil host -oProxyCommand=x"));
        assertThat(use.isDisabled()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(answer).isNotDone();

        robot.interact(() -> field.setText("ssh.gitlab.example.com"));
        assertThat(use.isDisabled()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).contains("ssh.gitlab.example.com");
    }

    @Test
    void escapeUsesNothing(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = open();
        waitShown(robot);
        robot.type(KeyCode.ESCAPE);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    /** Looked up on the FX thread: the scene graph is laid out there, and reading it elsewhere races. */
    private static boolean shown(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                .isPresent()).get();
    }
}
