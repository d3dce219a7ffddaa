package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.Clones;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole SSH setup through the window, driven by keyboard and clicks, against the test server. */
@ExtendWith(ApplicationExtension.class)
class WizardSshFlowTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static Path home;
    WizardWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        server = GitLabTestServer.start(dir.resolve("server"));
        home = Files.createDirectories(dir.resolve("home"));
        Clones.withOrigin(home.resolve("src/app"), server.httpUrl(Seed.PROJECT_ONE));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ENGLISH);
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), props), SiteConfig.empty(), server.baseUrl(), server.caFile(), Clock.systemUTC());
        window = WizardWindow.create(messages, session, new FxBackgroundTasks(), url -> true, true);
        stage.setScene(new Scene(window.root(), 900, 640));
        stage.show();
    }

    /** Clicks Next once it is enabled: pages enable it when their background work is done. */
    private void next(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("_Next").queryButton().isDisabled());
        robot.clickOn("_Next");
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String currentStep(FxRobot robot) {
        return robot.lookup(".step-current").queryAs(Label.class).getText();
    }

    @Test
    void setsUpSshThroughTheWizard(FxRobot robot) throws Exception {
        server.state().clearRequests();
        // Welcome: the host is prefilled; Enter is Next.
        robot.type(KeyCode.ENTER);
        waitUntil(() -> currentStep(robot).endsWith("Diagnose"));
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream().filter(n -> ((javafx.scene.control.ListCell<?>) n)
                .getItem() != null).count() >= 11);
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Method"));
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Sign in"));
        PasswordField token = robot.lookup(".password-field").queryAs(PasswordField.class);
        robot.interact(() -> token.setText(Seed.API_TOKEN));
        waitUntil(() -> robot.lookup(".verdict").queryAs(Label.class).getText().contains("@alice"));
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Key or credential"));
        TextField file = robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                .filter(f -> !(f instanceof PasswordField)).findFirst().orElseThrow();
        assertThat(file.getText()).isEqualTo(home.resolve(".ssh/id_ed25519_127.0.0.1").toString());
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Repositories"));
        waitUntil(() -> !robot.lookup(".hint").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().contains("One repository found")).toList().isEmpty());
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Review"));
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream().anyMatch(n -> String.valueOf(
                ((javafx.scene.control.ListCell<?>) n).getItem()).contains("Register the key on GitLab")));
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Apply and verify"));
        // The host is new: the wizard shows its fingerprint and asks.
        waitUntil(() -> robot.lookup("_Trust this host").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains(server.hostKeyFingerprint());
        robot.clickOn("_Trust this host");
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream().anyMatch(n -> String.valueOf(
                ((javafx.scene.control.ListCell<?>) n).getItem()).contains("Welcome to GitLab")));
        // The run ends with more steps after that one: Next opens once all of them succeeded.
        next(robot);
        waitUntil(() -> currentStep(robot).endsWith("Done"));

        assertThat(server.state().keysOf(1)).isNotEmpty();
        assertThat(Files.readString(home.resolve(".ssh/config"))).contains("# BEGIN gitlab-access 127.0.0.1");
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).contains(server.knownHostsLine());
        assertThat(Files.readString(home.resolve("src/app/.git/config"))).contains("url = "
                + server.sshUrl(Seed.PROJECT_ONE));
        // One pass through the window signs in once: the core session keeps the sign-in.
        assertThat(server.state().requests().stream().filter(r -> r.path().endsWith("/personal_access_tokens/self")))
                .as("sign-ins").hasSize(1);
    }
}
