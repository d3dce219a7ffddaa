package org.gitlabaccess.ui;

import java.time.Clock;
import java.util.Locale;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.gitlab.oauth.SystemBrowser;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one resizable window holding the wizard. */
public final class WizardApp extends Application {
    /** Set by {@link WizardLauncher} before launch; JavaFX creates this class itself. */
    static volatile String initialHost;
    static volatile java.nio.file.Path initialCaFile;
    /** Started by {@link WizardLauncher} beside the toolkit's start; null when JavaFX was started otherwise. */
    static volatile Thread loggingStarted;

    @Override
    public void start(Stage stage) {
        // Logging is started before the first background task logs (two threads racing to start it would
        // have SLF4J queue and replay their lines): by now the launcher's thread has done it.
        awaitLogging();
        Messages messages = new Messages(Locale.getDefault());
        Environment env = Environment.system();
        SiteConfig site = SiteConfig.load(SiteConfig.layers(env, AppDirectories.of(env)));
        String host = initialHost != null ? initialHost : site.host().orElse(null);
        WizardSession session = new WizardSession(env, site, host, initialCaFile, Clock.systemUTC());
        WizardWindow window = WizardWindow.create(messages, session, new FxBackgroundTasks(), new SystemBrowser(env), true);
        Scene scene = new Scene(window.root(), 880, 600);
        WizardStyle.apply(scene, Appearance.dark(env));
        stage.setTitle(messages.get("app.title"));
        // Several sizes: the window manager picks the sharpest for its scale (HiDPI).
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            var icon = WizardApp.class.getResourceAsStream("icons/gitlab-access-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        }
        stage.setMinWidth(640);
        stage.setMinHeight(460);
        stage.setScene(scene);
        if (Boolean.getBoolean(StartupProbe.PROPERTY)) {
            StartupProbe.printFirstFrame(stage, scene);
        }
        stage.show();
        window.focusFirst();
    }

    private static void awaitLogging() {
        Thread started = loggingStarted;
        if (started == null) {
            LoggerFactory.getILoggerFactory();
            return;
        }
        try {
            started.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
