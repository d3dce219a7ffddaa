package org.gitlabaccess.ui;

import java.time.Clock;
import java.util.Locale;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.gitlab.oauth.SystemBrowser;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The JavaFX application: one resizable window holding the wizard. */
public final class WizardApp extends Application {
    /** Set by {@link WizardLauncher} before launch; JavaFX creates this class itself. */
    static volatile String initialHost;
    static volatile java.nio.file.Path initialCaFile;

    @Override
    public void start(Stage stage) {
        // Logging starts here, not in the first background tasks (which would race to start it).
        org.slf4j.LoggerFactory.getILoggerFactory();
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
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            probeFirstFrame(stage, scene);
        }
        stage.show();
        window.focusFirst();
    }

    /**
     * Start-up benchmark hook (installers/linux/bench-startup.sh): with
     * {@code -Dgitlab-access.startup-probe=true} the wizard prints {@code first-frame <epoch ms>} on
     * stdout once its window is shown and its first frame laid out, then closes. Off by default;
     * it changes nothing else.
     */
    static final String STARTUP_PROBE = "gitlab-access.startup-probe";

    private static void probeFirstFrame(Stage stage, Scene scene) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println("first-frame " + System.currentTimeMillis());
                System.out.flush();
                Platform.runLater(Platform::exit);
            }
        }));
    }
}
