package org.gitlabaccess.ui;

import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one resizable window holding the wizard. */
public final class WizardApp extends Application {
    /** Set by {@link WizardLauncher} before launch; JavaFX creates this class itself. */
    static volatile String initialHost;

    @Override
    public void start(Stage stage) {
        Messages messages = new Messages(Locale.getDefault());
        WizardWindow window = new WizardWindow(messages, new WelcomeViewModel(initialHost));
        Scene scene = new Scene(window.root(), 880, 600);
        scene.getStylesheets().add(WizardApp.class.getResource("wizard.css").toExternalForm());
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(460);
        stage.setScene(scene);
        stage.show();
        window.focusFirst();
    }
}
