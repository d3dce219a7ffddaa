package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.doctor.checks.DoctorChecks;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Diagnose page fixes what the doctor can fix, with the user's consent given by keyboard: Escape
 * changes nothing, Enter (or the mnemonic) applies the fix and the check runs again. A manual fix leads to its step.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnoseFixTest {
    private static final String OTHER_LINE = "https://carol:unrelated-secret-1@git.example.org\n";

    @TempDir
    static Path dir;
    static SandboxWizard sandbox;
    static Path credentials;
    Scene scene;

    @BeforeAll
    static void startServer() throws Exception {
        sandbox = SandboxWizard.start(dir);
        credentials = sandbox.home.resolve(".git-credentials");
        Files.writeString(credentials, OTHER_LINE + "https://alice:" + Seed.EXPIRED_TOKEN + "@"
                + sandbox.server.baseUrl().substring("https://".length()) + "\n");
        // Where the test instance's SSH listens: its host key is checked, and unknown so far.
        Files.createDirectories(sandbox.home.resolve(".ssh"));
        Files.writeString(sandbox.home.resolve(".ssh/config"), "Host " + sandbox.server.sshHost() + "\n  Port "
                + sandbox.server.sshPort() + "\n");
    }

    @AfterAll
    static void stopServer() throws Exception {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        scene = sandbox.show(stage, Locale.ENGLISH);
    }

    @Test
    void escapeChangesNothingAndEnterRemovesTheEntryThenChecksAgain(FxRobot robot) throws Exception {
        ListView<CheckResult> list = arriveAtDiagnosis(robot);
        byte[] before = Files.readAllBytes(credentials);
        assertThat(result(list, CheckId.GIT_CREDENTIALS_PLAINTEXT).status()).isEqualTo(CheckStatus.FAIL);

        openFixDialog(robot, list, "Fix: Passwords in ~/.git-credentials");
        assertThat(robot.lookup(".fix-consent").queryAs(Label.class).getText()).startsWith("Removes 1 entry: ")
                .contains("~/.git-credentials (line 2)").doesNotContain(Seed.EXPIRED_TOKEN);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !dialogShown(robot));
        assertThat(Files.readAllBytes(credentials)).isEqualTo(before);
        assertThat(result(list, CheckId.GIT_CREDENTIALS_PLAINTEXT).status()).isEqualTo(CheckStatus.FAIL);

        openFixDialog(robot, list, "Fix: Passwords in ~/.git-credentials");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> result(list, CheckId.GIT_CREDENTIALS_PLAINTEXT).status() == CheckStatus.OK);
        assertThat(Files.readString(credentials)).isEqualTo(OTHER_LINE);
        waitUntil(() -> robot.lookup(".fix-status").queryAs(Label.class).getText().contains("Checked again: "));
        assertThat(robot.lookup(".fix-status").queryAs(Label.class).getText())
                .startsWith("Passwords in ~/.git-credentials: Removed 1 entry from ~/.git-credentials.");
    }

    @Test
    void theHostKeyShownInTheDialogIsRecordedWithTheMnemonic(FxRobot robot) throws Exception {
        ListView<CheckResult> list = arriveAtDiagnosis(robot);
        assertThat(result(list, CheckId.SSH_HOST_KEY).status()).isEqualTo(CheckStatus.WARN);
        Button fix = rowButton(robot, list, CheckId.SSH_HOST_KEY, "Fix: SSH host key");
        Platform.runLater(fix::fire); // the dialog waits for its answer: not from this thread
        waitUntil(() -> dialogShown(robot));
        assertThat(robot.lookup(".fix-consent").queryAs(Label.class).getText())
                .contains(sandbox.server.hostKeyFingerprint()).contains("in ~/.ssh/known_hosts");
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        waitUntil(() -> result(list, CheckId.SSH_HOST_KEY).status() == CheckStatus.OK);
        assertThat(Files.readString(sandbox.home.resolve(".ssh/known_hosts"))).contains(sandbox.server.knownHostsLine());
    }

    @Test
    void aMissingKeyLeadsToTheMethodStepWithSshChosen(FxRobot robot) throws Exception {
        ListView<CheckResult> list = arriveAtDiagnosis(robot);
        assertThat(result(list, CheckId.SSH_KEY_PRESENT).status()).isEqualTo(CheckStatus.WARN);
        Button setUp = rowButton(robot, list, CheckId.SSH_KEY_PRESENT, "Set up SSH… SSH key");
        robot.interact(setUp::fire);
        waitUntil(() -> robot.lookup(".step-current").queryAs(Label.class).getText().endsWith("Method"));
        assertThat(robot.lookup("_SSH with a key (recommended)").queryAs(RadioButton.class).isSelected()).isTrue();
    }

    /** Enter on the welcome page, then every check finished. */
    private ListView<CheckResult> arriveAtDiagnosis(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".step-current").queryAs(Label.class).getText().endsWith("Welcome"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".step-current").queryAs(Label.class).getText().endsWith("Diagnose"));
        @SuppressWarnings("unchecked")
        ListView<CheckResult> list = robot.lookup(".list-view").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == DoctorChecks.all().size()
                && !robot.lookup("_Run the checks again").queryButton().isDisabled());
        return list;
    }

    /** Tabs from the list to the row's Fix button and presses it with Space: no mouse. */
    private void openFixDialog(FxRobot robot, ListView<CheckResult> list, String accessible) throws Exception {
        Button fix = rowButton(robot, list, CheckId.GIT_CREDENTIALS_PLAINTEXT, accessible);
        robot.interact(list::requestFocus);
        for (int i = 0; i < 40 && scene.getFocusOwner() != fix; i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(scene.getFocusOwner()).as("the Fix button is reached with Tab").isSameAs(fix);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> dialogShown(robot));
    }

    /** The button in the check's row, scrolled into view. */
    private Button rowButton(FxRobot robot, ListView<CheckResult> list, CheckId id, String accessible)
            throws Exception {
        robot.interact(() -> list.scrollTo(result(list, id)));
        waitUntil(() -> find(robot, accessible).isPresent());
        return find(robot, accessible).orElseThrow();
    }

    private static Optional<Button> find(FxRobot robot, String accessible) {
        return robot.lookup(".list-view .button").queryAllAs(Button.class).stream()
                .filter(b -> accessible.equals(b.getAccessibleText()) && NodeQueryUtils.isVisible().test(b))
                .findFirst();
    }

    private static CheckResult result(ListView<CheckResult> list, CheckId id) {
        return list.getItems().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static boolean dialogShown(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".fix-consent").match(NodeQueryUtils.isVisible())
                .tryQuery().isPresent()).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
