package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemeSubsetTest {
    @TempDir
    static Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** What the subset leaves out matches no node: on any page, a text field's menu, a tooltip, a dialog. */
    @Test
    void noNodeOfTheWizardCarriesAClassTheSubsetLeavesOut(FxRobot robot) {
        Set<String> classes = new TreeSet<>();
        robot.interact(() -> {
            WizardStyle.useTheme(false);
            WizardWindow window = WizardWindow.create(new Messages(Locale.ENGLISH), session(), new SameThreadTasks(),
                    url -> true, false);
            Scene scene = new Scene(window.root(), 880, 600);
            WizardStyle.apply(scene);
            stage.setScene(scene);
            stage.show();
            for (WizardPage page : window.pages()) {
                Parent view = page.view();
                if (view.getScene() == null) {
                    styled(new StackPane(view));
                }
                collect(view, classes);
            }
            collect(scene.getRoot(), classes);
            TextField field = (TextField) scene.getRoot().lookup(".text-field");
            field.setTooltip(new Tooltip("a problem"));
            field.getTooltip().show(stage);
            field.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, 10, 10, false, null));
            for (Alert.AlertType type : List.of(Alert.AlertType.CONFIRMATION, Alert.AlertType.ERROR,
                    Alert.AlertType.WARNING, Alert.AlertType.INFORMATION)) {
                DialogPane pane = new Alert(type, "text").getDialogPane();
                WizardStyle.apply(pane);
                collect(pane.getScene() != null ? pane : styled(pane), classes);
            }
            for (Window popup : Window.getWindows()) {
                collect(popup.getScene().getRoot(), classes);
            }
            field.getTooltip().hide();
        });
        assertThat(classes).contains("root", "text-field", "context-menu", "menu-item", "tooltip", "dialog-pane")
                .doesNotContainAnyElementsOf(ThemeSubset.UNUSED);
    }

    /** {@code root} in a scene of its own with the wizard's styles, its skins made. */
    private static Parent styled(Parent root) {
        Scene scene = new Scene(root);
        WizardStyle.apply(scene);
        root.applyCss();
        return root;
    }

    private static void collect(Node node, Set<String> classes) {
        node.applyCss();
        classes.addAll(node.getStyleClass());
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, classes);
            }
        }
    }

    private static WizardSession session() {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        return new WizardSession(new Environment(Map.of("HOME", home.toString()), props),
                SiteConfig.empty(), "https://gitlab.example.com", null, Clock.systemUTC());
    }
}
