package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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

    private static WizardSession session() {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        return new WizardSession(new Environment(Map.of("HOME", home.toString()), props),
                SiteConfig.empty(), "https://gitlab.example.com", null, Clock.systemUTC());
    }

    @Start
    void start(Stage stage) {
        Messages messages = new Messages(Locale.ENGLISH);
        WizardWindow window = WizardWindow.create(messages, session(), new SameThreadTasks(), url -> true, false);
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

    @Test
    void anAddressThatIsNoneIsMarkedOnTheField(FxRobot robot) {
        TextField host = robot.lookup(".text-field").queryAs(TextField.class);
        robot.interact(() -> host.setText("ftp://nope"));
        assertThat(host.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("danger"));
        assertThat(host.getTooltip().getText()).startsWith("Not a GitLab address");
        Label problem = robot.lookup(".error-text").queryAs(Label.class);
        assertThat(problem.getText()).as("said beside the field too").startsWith("Not a GitLab address");
        assertThat(problem.getGraphic()).as("with the failure's icon").isNotNull();
        assertThat(problem.getGraphic().getStyleClass()).contains("icon-fail");
        robot.interact(() -> host.setText(""));
        assertThat(problem.getGraphic()).as("no icon while nothing is wrong").isNull();
        assertThat(host.getPseudoClassStates()).as("an empty field is not yet wrong")
                .doesNotContain(PseudoClass.getPseudoClass("danger"));
        robot.interact(() -> host.setText("gitlab.example.com"));
        assertThat(host.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("danger"));
        assertThat(host.getTooltip()).isNull();
    }

    /** Alt and a letter reach one control only: on every page, with Back / Next (or Close) / Cancel, in both languages. */
    @Test
    void everyPagesMnemonicsAreUnique(FxRobot robot) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            Messages m = new Messages(locale);
            robot.interact(() -> {
                WizardWindow window = WizardWindow.create(m, session(), new SameThreadTasks(), url -> true, false);
                List<WizardPage> pages = window.pages();
                for (int i = 0; i < pages.size(); i++) {
                    List<String> letters = new ArrayList<>();
                    mnemonics(pages.get(i).view(), letters);
                    for (String key : List.of("button.back", i == pages.size() - 1 ? "button.close" : "button.next",
                            "button.cancel")) {
                        letters.add(mnemonic(m.get(key)));
                    }
                    assertThat(letters).as(locale + " " + pages.get(i).titleKey()).doesNotHaveDuplicates()
                            .doesNotContainNull();
                }
            });
        }
    }

    private static void mnemonics(Node node, List<String> letters) {
        if (node instanceof Labeled l && l.isMnemonicParsing() && l.getText().contains("_")) {
            letters.add(mnemonic(l.getText()));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> mnemonics(child, letters));
        }
    }

    private static String mnemonic(String text) {
        int at = text.indexOf('_');
        return at < 0 ? null : text.substring(at + 1, at + 2).toLowerCase(Locale.ROOT);
    }
}
