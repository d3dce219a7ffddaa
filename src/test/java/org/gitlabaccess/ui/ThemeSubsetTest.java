package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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
import org.gitlabaccess.core.gitlab.ForeignSshHostException;
import org.gitlabaccess.core.gitlab.SshEndpointDiscovery;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

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

    /** The same for every dialog the wizard opens, each shown as the wizard shows it. */
    @Test
    void noDialogOfTheWizardCarriesAClassTheSubsetLeavesOut(FxRobot robot) throws Exception {
        Messages m = new Messages(Locale.ENGLISH);
        robot.interact(() -> {
            WizardStyle.useTheme(false);
            Scene scene = new Scene(new StackPane(), 400, 300);
            WizardStyle.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        ForeignSshHostException foreign = (ForeignSshHostException) SshEndpointDiscovery
                .judge("ssh://git@ssh.other.example.net:2222/g/p.git", "gitlab.example.com").refusal().orElseThrow();
        SshEndpoint endpoint = SshEndpoint.of("gitlab.example.com", 22);
        PublicKey key = SshKeyFiles.create(home.resolve("id_ed25519_theme"), "t", null).publicKey();
        FxHostKeyDecision hostKeys = new FxHostKeyDecision(m);
        Map<String, Runnable> dialogs = Map.of(
                "clone", () -> Platform.runLater(() -> new CloneDialog(m, new CloneViewModel(m, session(),
                        new SameThreadTasks())).show(stage)),
                "ssh host", () -> Platform.runLater(() -> new SshHostDialog(m).ask(foreign, stage)),
                "fix consent", () -> Platform.runLater(() -> new FixConsentDialog(m).ask("a check", "changes", stage)),
                "new host key", () -> daemon(() -> hostKeys.acceptNewHost(endpoint, key, "SHA256:x")),
                "changed host key", () -> daemon(() -> hostKeys.hostKeyRefused(endpoint, key, "SHA256:x",
                        new KnownHosts.Lookup(KnownHosts.Status.CHANGED, List.of()))));
        for (Map.Entry<String, Runnable> dialog : dialogs.entrySet()) {
            Set<String> classes = new TreeSet<>();
            dialog.getValue().run();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() > 1);
            robot.interact(() -> {
                for (Window window : List.copyOf(Window.getWindows())) {
                    if (window != stage) {
                        collect(window.getScene().getRoot(), classes);
                        window.hide();
                    }
                }
            });
            assertThat(classes).as(dialog.getKey()).contains("dialog-pane", "button")
                    .doesNotContainAnyElementsOf(ThemeSubset.UNUSED);
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
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
