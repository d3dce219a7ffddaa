package org.gitlabaccess.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Future;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.gitlabaccess.core.gitlab.oauth.SystemBrowser;

/** The JavaFX application: one resizable window holding the wizard. */
public final class WizardApp extends Application {
    /** Set by {@link WizardLauncher} before launch; JavaFX creates this class itself. */
    static volatile String initialHost;
    static volatile Path initialCaFile;
    /** Started by {@link WizardLauncher} beside the toolkit's start; null when JavaFX was started otherwise. */
    static volatile Future<WizardInputs> inputsRead;

    @Override
    public void start(Stage stage) {
        Future<WizardInputs> reading = inputsRead;
        WizardInputs inputs = reading != null ? WizardInputs.await(reading) : WizardInputs.read();
        WizardStyle.useTheme(inputs.dark());
        Messages messages = inputs.messages();
        String host = initialHost != null ? initialHost : inputs.site().host().orElse(null);
        AfterFirstFrame.await();
        WizardSession session = new WizardSession(inputs.env(), inputs.site(), host, initialCaFile, Clock.systemUTC());
        WizardWindow window = WizardWindow.create(messages, session, new FxBackgroundTasks(),
                new SystemBrowser(inputs.env()), true);
        // The product's styles join the scene before the wizard does: added later, they would have
        // every node of the wizard styled a second time.
        Scene scene = new Scene(new Region(), 880, 600);
        WizardStyle.apply(scene);
        scene.setRoot(window.root());
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(460);
        stage.setScene(scene);
        // What the first frame does not show waits for it. The focus does not: the first frame already
        // has it on the page's first field (otherwise JavaFX gives it to the first button, Cancel). The
        // start-up probe closes the window only once every page is made, so the installers' start-up
        // training sees every page's classes.
        boolean probe = Boolean.getBoolean(StartupProbe.PROPERTY);
        FirstFrame.whenLaidOut(stage, scene, () -> {
            if (probe) {
                StartupProbe.print();
            }
            Platform.runLater(() -> {
                AfterFirstFrame.runKept();
                addIcons(stage);
                window.makeRemainingPages(probe ? Platform::exit : () -> { });
            });
        });
        stage.show();
    }

    /** Several sizes: the window manager picks the sharpest for its scale (HiDPI). */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            var icon = WizardApp.class.getResourceAsStream("icons/gitlab-access-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
    }
}
