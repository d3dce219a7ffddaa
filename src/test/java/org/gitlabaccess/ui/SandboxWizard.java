package org.gitlabaccess.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitLabTestServer;

/** The test GitLab and a sandbox home, and the real wizard over them in a window. */
final class SandboxWizard implements AutoCloseable {
    final GitLabTestServer server;
    final Path home;

    private SandboxWizard(GitLabTestServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    static SandboxWizard start(Path dir) throws IOException {
        return new SandboxWizard(GitLabTestServer.start(dir.resolve("server")),
                Files.createDirectories(dir.resolve("home")));
    }

    /** The wizard for the test instance, shown on the stage, its first page focused. */
    Scene show(Stage stage, Locale locale) {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), props), SiteConfig.empty(), server.baseUrl(), server.caFile(), Clock.systemUTC());
        WizardWindow window = WizardWindow.create(new Messages(locale), session, new FxBackgroundTasks(),
                url -> true, true);
        Scene scene = new Scene(window.root(), 900, 640);
        stage.setScene(scene);
        stage.show();
        window.focusFirst();
        return scene;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
