package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {
    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ENGLISH);
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString()), props),
                SiteConfig.empty(), "https://gitlab.example.com", null, Clock.systemUTC());
        WizardWindow window = WizardWindow.create(messages, session, new SameThreadTasks(), url -> true, false);
        stage.setScene(new Scene(window.root(), 880, 600));
        stage.setTitle(messages.get("app.title"));
        stage.show();
        window.focusFirst();
    }

    @Test
    void opensOnTheWelcomeStepWithTheHostPrefilledAndFocused(FxRobot robot) {
        TextField host = robot.lookup(".text-field").queryAs(TextField.class);
        assertThat(host.getText()).isEqualTo("https://gitlab.example.com");
        robot.sleep(100);
        assertThat(host.isFocused()).isTrue();
        assertThat(robot.lookup(".step-current").queryAs(Label.class).getText()).endsWith("Welcome");
        assertThat(robot.listWindows()).anySatisfy(w -> assertThat(((Stage) w).getTitle()).isEqualTo("GitLab Access Wizard"));
    }

    @Test
    void anInvalidHostDisablesNext(FxRobot robot) {
        TextField host = robot.lookup(".text-field").queryAs(TextField.class);
        robot.interact(() -> host.setText("ftp://nope"));
        Button next = robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("_Next")).findFirst().orElseThrow();
        assertThat(next.isDisabled()).isTrue();
        robot.interact(() -> host.setText("gitlab.example.com"));
        assertThat(next.isDisabled()).isFalse();
    }

    @Test
    void theStepListMarksEachStepWithANamedIcon(FxRobot robot) {
        Label current = robot.lookup(".step-current").queryAs(Label.class);
        assertThat(current.getGraphic().getAccessibleText()).isEqualTo("Current step");
        assertThat(current.getAccessibleText()).isEqualTo("Current step: Welcome");
        assertThat(robot.lookup(".step-todo").queryAllAs(Label.class)).hasSize(8)
                .allSatisfy(l -> assertThat(l.getGraphic().getAccessibleText()).isEqualTo("Step to do"));
        assertThat(robot.lookup(".step-done").queryAll()).isEmpty();
    }
}
