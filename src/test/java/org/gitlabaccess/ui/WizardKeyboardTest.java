package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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

/**
 * Every step without a mouse, in German: the SSH setup from the first page to the last with Enter,
 * Tab, typing and mnemonics only; on each step the focus is inside the page and every control a
 * screen reader reaches has a name.
 */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static Path home;
    Scene scene;

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
        Messages messages = new Messages(Locale.GERMAN);
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), props), SiteConfig.empty(), server.baseUrl(), server.caFile(), Clock.systemUTC());
        WizardWindow window = WizardWindow.create(messages, session, new FxBackgroundTasks(), url -> true, true);
        scene = new Scene(window.root(), 900, 640);
        stage.setScene(scene);
        stage.show();
        window.focusFirst();
    }

    @Test
    void theWholeSshSetupWorksWithTheKeyboardAlone(FxRobot robot) throws Exception {
        arriveAt(robot, "Willkommen");
        robot.type(KeyCode.ENTER);
        arriveAt(robot, "Diagnose");
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null).count() >= 11);
        pressNext(robot);
        arriveAt(robot, "Methode");
        pressNext(robot);
        arriveAt(robot, "Anmelden");
        robot.write(Seed.API_TOKEN);
        waitUntil(() -> robot.lookup(".verdict").queryAs(Label.class).getText().contains("@alice"));
        pressNext(robot);
        arriveAt(robot, "Schlüssel oder Zugangsdaten");
        pressNext(robot);
        arriveAt(robot, "Repositories");
        waitUntil(() -> robot.lookup(".hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Ein Repository gefunden")));
        // Back and forth with the mnemonics: Alt+Z is "Zurück", Alt+W "Weiter".
        robot.press(KeyCode.ALT).type(KeyCode.Z).release(KeyCode.ALT);
        arriveAt(robot, "Schlüssel oder Zugangsdaten");
        robot.press(KeyCode.ALT).type(KeyCode.W).release(KeyCode.ALT);
        arriveAt(robot, "Repositories");
        // Tab to the table; Space unticks the row and ticks it again.
        for (int i = 0; i < 12 && !(scene.getFocusOwner() instanceof TableView); i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(scene.getFocusOwner()).isInstanceOf(TableView.class);
        TableView<?> table = (TableView<?>) scene.getFocusOwner();
        robot.type(KeyCode.SPACE);
        assertThat(((RepositoriesViewModel.Row) table.getItems().get(0)).selected.get()).isFalse();
        robot.type(KeyCode.SPACE);
        assertThat(((RepositoriesViewModel.Row) table.getItems().get(0)).selected.get()).isTrue();
        pressNext(robot);
        arriveAt(robot, "Prüfen");
        waitUntil(() -> !nextButton(robot).isDisabled());
        pressNext(robot);
        arriveAt(robot, "Anwenden und testen");
        // The new host's key: Enter would refuse it (the safe default); Alt+V trusts it.
        waitUntil(() -> robot.lookup("Diesem Host _vertrauen").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.press(KeyCode.ALT).type(KeyCode.V).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream().anyMatch(n -> String.valueOf(
                ((javafx.scene.control.ListCell<?>) n).getItem()).contains("Welcome to GitLab")));
        waitUntil(() -> !nextButton(robot).isDisabled());
        pressNext(robot);
        arriveAt(robot, "Fertig");

        assertThat(server.state().keysOf(1)).isNotEmpty();
        assertThat(Files.readString(home.resolve("src/app/.git/config"))).contains("url = "
                + server.sshUrl(Seed.PROJECT_ONE));
    }

    /** Waits for the step, then checks what a keyboard and a screen reader user meet on it. */
    private void arriveAt(FxRobot robot, String step) throws Exception {
        waitUntil(() -> robot.lookup(".step-current").queryAs(Label.class).getText().endsWith(step));
        Node content = ((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter();
        waitUntil(() -> scene.getFocusOwner() != null && isInside(scene.getFocusOwner(), content));
        List<String> unnamed = new ArrayList<>();
        for (Node n : focusable(content)) {
            if (!named(n)) {
                unnamed.add(n.getClass().getSimpleName() + n.getStyleClass());
            }
        }
        assertThat(unnamed).as("controls without an accessible name on step " + step).isEmpty();
    }

    private void pressNext(FxRobot robot) throws Exception {
        waitUntil(() -> !nextButton(robot).isDisabled());
        robot.type(KeyCode.ENTER);
    }

    private static Button nextButton(FxRobot robot) {
        return robot.lookup("_Weiter").queryButton();
    }

    private static boolean named(Node n) {
        String accessible = n.getAccessibleText();
        if (accessible != null && !accessible.isBlank()) {
            return true;
        }
        if (n instanceof Labeled l && !l.getText().isBlank()) {
            return true;
        }
        // A field named by a label's labelFor.
        return n.getScene().getRoot().lookupAll(".label").stream()
                .anyMatch(l -> l instanceof Label label && label.getLabelFor() == n);
    }

    private static List<Node> focusable(Node root) {
        List<Node> found = new ArrayList<>();
        if (root.isVisible() && !root.isDisabled()) {
            if (root instanceof Control && root.isFocusTraversable()) {
                found.add(root);
            }
            if (root instanceof Parent p && !(root instanceof Control c && c.getSkin() != null && isCompound(c))) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    found.addAll(focusable(child));
                }
            }
        }
        return found;
    }

    /** Controls whose insides (cells, scroll bars) are the control's own business. */
    private static boolean isCompound(Control c) {
        return c instanceof javafx.scene.control.ListView || c instanceof javafx.scene.control.TableView
                || c instanceof javafx.scene.control.ScrollPane || c instanceof javafx.scene.control.TextInputControl
                || c instanceof javafx.scene.control.ComboBoxBase;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
