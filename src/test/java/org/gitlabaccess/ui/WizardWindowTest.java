package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {
    private final WelcomeViewModel model = new WelcomeViewModel("https://gitlab.example.com");

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ENGLISH);
        WizardWindow window = new WizardWindow(messages, model);
        stage.setScene(new Scene(window.root(), 880, 600));
        stage.setTitle(messages.get("app.title"));
        stage.show();
        window.focusFirst();
    }

    @Test
    void opensOnTheWelcomeStepWithTheHostPrefilledAndFocused(FxRobot robot) {
        TextField host = robot.lookup(".text-field").queryAs(TextField.class);
        assertThat(host.getText()).isEqualTo("https://gitlab.example.com");
        assertThat(host.isFocused()).isTrue();
        assertThat(robot.lookup(".step-current").queryAs(javafx.scene.control.Label.class).getText()).endsWith("Welcome");
        assertThat(robot.listWindows()).anySatisfy(w -> assertThat(((Stage) w).getTitle()).isEqualTo("GitLab Access Wizard"));
    }

    @Test
    void typingAnInvalidHostMarksItInvalid(FxRobot robot) {
        robot.interact(() -> model.hostProperty().set("ftp://nope"));
        assertThat(model.hostValidProperty().get()).isFalse();
        robot.interact(() -> model.hostProperty().set("gitlab.example.com"));
        assertThat(model.hostValidProperty().get()).isTrue();
        assertThat(robot.lookup(".button").queryAllAs(Button.class)).extracting(Button::getText)
                .contains("_Next", "_Cancel");
    }
}
