package org.gitlabaccess.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The moment a window's first frame is laid out: the pulse after the window is shown. */
final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code action} once, at the end of that pulse's layout (before the frame is drawn). */
    static void whenLaidOut(Stage stage, Scene scene, Runnable action) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        }));
    }
}
