package org.gitlabaccess.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.Clones;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every step of the wizard and the new host dialog, light and dark, into PNGs for README:
 * {@code mvn -q test -Dtest=ScreenshotTour -Dscreenshots.dir=assets/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class ScreenshotTour {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyStep(boolean dark, FxRobot robot) throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("screenshots.dir")));
        try (GitLabTestServer server = GitLabTestServer.start(dir.resolve("server"))) {
            Path home = Files.createDirectories(dir.resolve("home"));
            Clones.withOrigin(home.resolve("src/website"), "https://oauth2:" + Seed.EXPIRED_TOKEN + "@"
                    + server.baseUrl().substring(8) + "/group/project-one.git");
            Properties props = new Properties();
            props.putAll(System.getProperties());
            WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                    System.getenv("PATH")), props), SiteConfig.empty(), server.baseUrl(), server.caFile(),
                    Clock.systemUTC());
            // -Dscreenshots.locale=de renders the German wizard (files end in -de).
            Locale locale = Locale.forLanguageTag(System.getProperty("screenshots.locale", "en"));
            Messages messages = new Messages(locale);
            Stage stage = FxToolkit.registerPrimaryStage();
            WizardWindow[] window = new WizardWindow[1];
            robot.interact(() -> {
                WizardStyle.useTheme(dark);
                window[0] = WizardWindow.create(messages, session, new FxBackgroundTasks(),
                        url -> true, true);
                Scene scene = new Scene(window[0].root(), 900, 620);
                WizardStyle.apply(scene);
                stage.setScene(scene);
                stage.setTitle("GitLab Access Wizard");
                stage.show();
            });
            String suffix = (dark ? "-dark" : "") + (locale.getLanguage().equals("en") ? "" : "-" + locale.getLanguage());
            String[] names = {"welcome", "diagnose", "method", "signin", "key", "repositories", "review", "apply", "done"};
            for (int i = 0; i < names.length; i++) {
                int index = i;
                if (names[i].equals("signin")) {
                    PasswordField token = robot.lookup(".password-field").queryAs(PasswordField.class);
                    robot.interact(() -> token.setText(Seed.API_TOKEN));
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window[0].currentPage().canGoNext().get());
                }
                if (names[i].equals("apply")) {
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(messages.get("hostkey.trust"))
                            .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
                    // The new host's dialog too: its icon and buttons are part of the look.
                    Scene dialog = robot.listWindows().stream().filter(w -> w != stage && w.isShowing())
                            .map(Window::getScene).findFirst().orElseThrow();
                    save(robot, dialog, out.resolve("hostkey" + suffix + ".png"));
                    robot.clickOn(messages.get("hostkey.trust"));
                }
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window[0].currentPage().busy().get()
                        && (index == names.length - 1 || window[0].currentPage().canGoNext().get()));
                Thread.sleep(names[i].equals("diagnose") ? 6000 : 400);
                WaitForAsyncUtils.waitForFxEvents();
                save(robot, stage.getScene(), out.resolve(names[i] + suffix + ".png"));
                if (names[i].equals("welcome")) {
                    // How a mistyped address is shown; then the real one again.
                    TextField host = robot.lookup(".text-field").queryAs(TextField.class);
                    robot.interact(() -> host.setText("gitlab example com"));
                    save(robot, stage.getScene(), out.resolve("welcome-invalid" + suffix + ".png"));
                    robot.interact(() -> host.setText(server.baseUrl()));
                }
                if (index < names.length - 1) {
                    robot.interact(() -> robot.lookup(messages.get("button.next")).queryButton().fire());
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
            Label step = robot.lookup(".step-current").queryAs(Label.class);
            assert step.getText().endsWith(messages.get("step.done"));
            // "Clone your projects", from the Done page: the dialog waits for its answer, so not from this thread.
            var clone = robot.lookup(messages.get("clone.open")).queryButton();
            javafx.application.Platform.runLater(clone::fire);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                    .anyMatch(w -> w != stage && w.isShowing()));
            Scene cloneDialog = robot.listWindows().stream().filter(w -> w != stage && w.isShowing())
                    .map(Window::getScene).findFirst().orElseThrow();
            Thread.sleep(1500);
            WaitForAsyncUtils.waitForFxEvents();
            save(robot, cloneDialog, out.resolve("clone" + suffix + ".png"));
            robot.interact(() -> cloneDialog.getWindow().hide());
        }
    }

    private static void save(FxRobot robot, Scene scene, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var reader = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }
}
