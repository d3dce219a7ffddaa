import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.gitlabaccess.ui.StartupProbe;

/**
 * The anchor of the wizard's start-up benchmark (installers/linux/bench-startup.sh): the least a
 * JavaFX window of the wizard's size needs, reporting its first frame through the wizard's own probe.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("GitLab Access Wizard")), 880, 600);
        StartupProbe.printFirstFrame(stage, scene);
        stage.setScene(scene);
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
