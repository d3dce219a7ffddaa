package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import javafx.stage.Stage;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.Clones;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The whole HTTPS setup through the window, then "Undo the remote changes". */
@ExtendWith(ApplicationExtension.class)
class WizardHttpsFlowTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static Path home;
    static String embedded;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(Processes.available("git"));
        server = GitLabTestServer.start(dir.resolve("server"));
        home = Files.createDirectories(dir.resolve("home"));
        embedded = "https://alice:" + Seed.EXPIRED_TOKEN + "@" + server.baseUrl().substring(8) + "/group/project-one.git";
        Clones.withOrigin(home.resolve("src/app"), embedded);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            Processes.run(home, Map.of("HOME", home.toString()), "git", "credential-cache", "exit");
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), props), SiteConfig.empty(), server.baseUrl(), server.caFile(), Clock.systemUTC());
        WizardWindow window = WizardWindow.create(new Messages(Locale.ENGLISH), session, new FxBackgroundTasks(),
                url -> true, true);
        stage.setScene(new Scene(window.root(), 900, 640));
        stage.show();
    }

    /** Clicks Next once it is enabled: pages enable it when their background work is done. */
    private void next(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("_Next").queryButton().isDisabled());
        robot.clickOn("_Next");
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String step(FxRobot robot) {
        return robot.lookup(".step-current").queryAs(Label.class).getText();
    }

    @Test
    void setsUpHttpsThroughTheWizardAndUndoesTheRemoteChange(FxRobot robot) throws Exception {
        server.state().clearRequests();
        next(robot);
        waitUntil(() -> step(robot).endsWith("Diagnose"));
        next(robot);
        waitUntil(() -> step(robot).endsWith("Method"));
        robot.clickOn("_HTTPS with a token");
        next(robot);
        waitUntil(() -> step(robot).endsWith("Sign in"));
        PasswordField token = robot.lookup(".password-field").queryAs(PasswordField.class);
        robot.interact(() -> token.setText(Seed.WRITE_REPOSITORY_TOKEN));
        waitUntil(() -> robot.lookup(".verdict").queryAs(Label.class).getText().contains("@alice"));
        next(robot);
        waitUntil(() -> step(robot).endsWith("Key or credential"));
        assertThat(robot.lookup(".step-text").queryAllAs(Label.class)).anySatisfy(l ->
                assertThat(l.getText()).contains("credential store"));
        assertThat(robot.lookup(".step-title").queryAs(Label.class).getText()).isEqualTo("Where the token is kept");
        next(robot);
        waitUntil(() -> step(robot).endsWith("Repositories"));
        waitUntil(() -> robot.lookup(".hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("one remote URL to change")));
        next(robot);
        waitUntil(() -> step(robot).endsWith("Review"));
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream().anyMatch(n -> n instanceof
                javafx.scene.control.ListCell<?> c && String.valueOf(c.getItem()).contains("Store the token")));
        next(robot);
        waitUntil(() -> step(robot).endsWith("Apply and verify"));
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream().anyMatch(n -> n instanceof
                javafx.scene.control.ListCell<?> c && c.getItem() != null && String.valueOf(
                ((org.gitlabaccess.core.setup.StepOutcome) c.getItem()).summary()).contains("plain git finds the token")));
        // The run ends with more steps after that one: Next opens once all of them succeeded.
        next(robot);
        waitUntil(() -> step(robot).endsWith("Done"));
        String config = Files.readString(home.resolve("src/app/.git/config"));
        assertThat(config).contains("url = " + server.httpUrl(Seed.PROJECT_ONE)).doesNotContain(Seed.EXPIRED_TOKEN);

        robot.clickOn("_Undo the remote changes");
        waitUntil(() -> robot.lookup(".hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("remotes back as before")));
        Label undone = robot.lookup(".hint").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().contains("remotes back as before")).findFirst().orElseThrow();
        assertThat(undone.getGraphic().getStyleClass()).as("the result shows how it went").contains("icon-ok");
        assertThat(robot.lookup(".busy-spinner").match(NodeQueryUtils.isVisible()).tryQuery())
                .as("nothing works any more").isEmpty();
        assertThat(Files.readString(home.resolve("src/app/.git/config"))).contains("url = "
                + server.httpUrl(Seed.PROJECT_ONE)).doesNotContain(Seed.EXPIRED_TOKEN);
        // One pass through the window signs in once: the core session keeps the sign-in.
        assertThat(server.state().requests().stream().filter(r -> r.path().endsWith("/personal_access_tokens/self")))
                .as("sign-ins").hasSize(1);
    }
}
