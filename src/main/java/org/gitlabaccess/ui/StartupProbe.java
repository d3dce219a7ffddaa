package org.gitlabaccess.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Start-up benchmark hook (installers/linux/bench-startup.sh, and the start-up training of the
 * installers): with {@code -Dgitlab-access.startup-probe=true} the wizard prints
 * {@code first-frame <epoch ms>} on stdout once its window is shown and its first frame laid out,
 * then closes. Off by default; it changes nothing else. Public for the benchmark's bare JavaFX
 * window, which reports the same moment.
 */
public final class StartupProbe {
    public static final String PROPERTY = "gitlab-access.startup-probe";

    private StartupProbe() {
    }

    /** Prints the first frame's moment and then closes the window (the benchmark's bare window). */
    public static void printFirstFrame(Stage stage, Scene scene) {
        FirstFrame.whenLaidOut(stage, scene, () -> {
            print();
            Platform.runLater(Platform::exit);
        });
    }

    /** Prints the moment, for a caller that reports it from its own first-frame hook and closes later. */
    static void print() {
        System.out.println("first-frame " + System.currentTimeMillis());
        System.out.flush();
    }
}
