import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The anchor of the wizard's start-up benchmark (installers/linux/bench-startup.sh): the least a
 * JavaFX window needs, printing {@code first-frame <epoch ms>} at the point the wizard's start-up
 * probe does (shown, first frame laid out), then closing.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("GitLab Access Wizard")), 880, 600);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println("first-frame " + System.currentTimeMillis());
                System.out.flush();
                Platform.runLater(Platform::exit);
            }
        }));
        stage.setScene(scene);
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
