package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Clone your projects" without a mouse, in English and German: search, Space to untick, the mnemonic to clone. */
@ExtendWith(ApplicationExtension.class)
class CloneDialogTest {
    @RegisterExtension
    static final RunningServer running = new RunningServer();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void searchUntickAndCloneByKeyboard(String language, FxRobot robot) throws Exception {
        assumeTrue(Processes.available("git") && Processes.available("ssh"));
        Path home = running.directory("home-" + language);
        var setup = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("setup", "--method", "ssh", "--yes",
                "--host", running.get().baseUrl(), "--ca-file", running.get().caFile().toString());
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), props), SiteConfig.empty(), running.get().baseUrl(), running.get().caFile(), Clock.systemUTC());
        session.token = Secret.of(Seed.API_TOKEN);
        Messages m = new Messages(Locale.forLanguageTag(language));
        CloneViewModel model = new CloneViewModel(m, session, new FxBackgroundTasks());
        // The dialog waits for its answer: opened from the FX thread, not from this one.
        Platform.runLater(() -> new CloneDialog(m, model).show(stage));
        waitUntil(() -> model.rows().size() == 2 && !model.busyProperty().get());

        javafx.stage.Window dialog = robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst()
                .orElseThrow();
        robot.targetWindow(dialog);
        robot.interact(dialog::requestFocus);
        javafx.scene.control.TextField search = robot.from(dialog.getScene().getRoot()).lookup(".text-field")
                .queryAllAs(javafx.scene.control.TextField.class).stream()
                .filter(t -> m.get("clone.search").equals(t.getPromptText())).findFirst().orElseThrow();
        waitUntil(search::isFocused); // the dialog gives the search field the focus
        robot.write("two");
        waitUntil(() -> model.visibleRows().size() == 1);
        robot.type(KeyCode.TAB).type(KeyCode.DOWN).type(KeyCode.SPACE);
        waitUntil(() -> model.selected().size() == 1);
        assertThat(model.selected()).extracting(p -> p.path()).containsExactly(Seed.PROJECT_ONE);

        robot.press(KeyCode.ALT).type(KeyCode.L).release(KeyCode.ALT);
        waitUntil(() -> model.reportProperty().get() != null);
        assertThat(model.reportProperty().get().cloned()).hasSize(1);
        assertThat(home.resolve("src/" + Seed.PROJECT_ONE + "/.git")).isDirectory();
        assertThat(home.resolve("src/" + Seed.PROJECT_TWO)).doesNotExist();
        assertThat(model.statusProperty().get()).isEqualTo(m.get("clone.done", 1, 0, 0));

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.listWindows().stream().filter(w -> w != stage).noneMatch(javafx.stage.Window::isShowing));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
