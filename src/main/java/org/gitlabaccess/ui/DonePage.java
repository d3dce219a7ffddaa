package org.gitlabaccess.ui;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.TokenRotation;
import org.gitlabaccess.core.setup.StepStatus;

/** Step 9: the summary, and revoking the setup token. */
final class DonePage implements WizardPage {
    private final ApplyViewModel apply;
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Label summary = Ui.text("");
    private final Label revokeResult = Ui.hint("");
    private final Button revoke;
    private final VBox view;

    DonePage(Messages m, ApplyViewModel apply, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.apply = apply;
        this.session = session;
        this.tasks = tasks;
        revoke = new Button(m.get("done.revoke"));
        revoke.setMnemonicParsing(true);
        revoke.setOnAction(e -> revokeToken());
        Button report = new Button(m.get("done.report"));
        report.setMnemonicParsing(true);
        report.setOnAction(e -> saveReport(report));
        Button undo = new Button(m.get("done.undo"));
        undo.setMnemonicParsing(true);
        undo.setOnAction(e -> undo(undo));
        view = Ui.page(Ui.title(m.get("done.title")), summary,
                new VBox(6, new HBox(10, report, undo, revoke), revokeResult), Ui.hint(m.get("done.cli")));
    }

    /** The doctor's redacted report, for a helpdesk ticket. */
    private void saveReport(Button button) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(m.get("done.report"));
        chooser.setInitialFileName("gitlab-access-report.md");
        java.io.File file = chooser.showSaveDialog(button.getScene().getWindow());
        if (file == null) {
            return;
        }
        button.setDisable(true);
        tasks.run(() -> {
            var inputs = new org.gitlabaccess.core.doctor.DoctorContext.Inputs(session.env(), session.site(), session.host,
                    session.caFile(), null, null, session.token, session.scanRoots(), null,
                    org.gitlabaccess.core.ssh.HostKeyDecision.REFUSE,
                    org.gitlabaccess.core.io.MachineName.of(session.env()), session.clock());
            var results = new org.gitlabaccess.core.doctor.Doctor(org.gitlabaccess.core.doctor.DoctorChecks.all(),
                    org.gitlabaccess.core.doctor.Doctor.PER_CHECK_TIMEOUT)
                    .run(new org.gitlabaccess.core.doctor.DoctorContext(inputs), r -> { });
            var doctorReport = new org.gitlabaccess.core.doctor.DoctorReport(session.env(), session.clock());
            doctorReport.write(file.toPath(), doctorReport.render(session.host, results,
                    org.gitlabaccess.core.repos.ChangeHistory.lines(
                            org.gitlabaccess.core.io.AppDirectories.of(session.env()).stateDir())));
            return file;
        }, f -> {
            button.setDisable(false);
            revokeResult.setText(m.get("done.report.saved", f));
        }, e -> {
            button.setDisable(false);
            revokeResult.setText(String.valueOf(e.getMessage()));
        });
    }

    /** Puts the remotes back as they were before this setup (from its journal). */
    private void undo(Button button) {
        button.setDisable(true);
        tasks.run(() -> {
            var stateDir = org.gitlabaccess.core.io.AppDirectories.of(session.env()).stateDir();
            var journal = org.gitlabaccess.core.repos.RewriteJournal.latestRewrite(stateDir);
            if (journal.isEmpty()) {
                return 0;
            }
            org.gitlabaccess.core.io.JGitHome.apply(session.env());
            var plan = new org.gitlabaccess.core.repos.RewriteUndo().plan(journal.get());
            try (var undoJournal = org.gitlabaccess.core.repos.RewriteJournal.create(stateDir,
                    org.gitlabaccess.core.repos.RewriteJournal.UNDO, session.clock())) {
                return new org.gitlabaccess.core.repos.RewriteApplier(new org.gitlabaccess.core.repos.ConfigEditor())
                        .apply(plan.edits(), undoJournal).changed().size();
            }
        }, n -> revokeResult.setText(m.get("done.undone", n)), e -> {
            button.setDisable(false);
            revokeResult.setText(String.valueOf(e.getMessage()));
        });
    }

    private void revokeToken() {
        revoke.setDisable(true);
        tasks.run(() -> {
            Instance instance = Instance.resolve(session.env(), session.site(), session.host, session.caFile());
            new TokenRotation().revoke(instance.client(session.token));
            return true;
        }, ok -> revokeResult.setText(m.get("done.revoked")), e -> {
            revoke.setDisable(false);
            revokeResult.setText(e instanceof ProblemException p ? p.getMessage() : String.valueOf(e));
        });
    }

    @Override
    public String titleKey() {
        return "step.done";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public ObservableBooleanValue canGoNext() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public ObservableBooleanValue busy() {
        return new SimpleBooleanProperty(false);
    }

    @Override
    public void entered() {
        var report = apply.reportProperty().get();
        if (report == null) {
            return;
        }
        long changed = report.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).count();
        String verified = report.steps().stream().filter(s -> s.stepId().startsWith("verify")).map(s -> s.summary())
                .findFirst().orElse("");
        summary.setText(report.alreadySetUp() ? m.get("done.already", verified)
                : m.get("done.summary", changed, verified));
        boolean revoked = report.steps().stream().anyMatch(s -> s.stepId().equals("revoke-token")
                && s.status() == StepStatus.CHANGED);
        revoke.setVisible(!revoked && session.token != null);
    }

    @Override
    public Node firstFocus() {
        return revoke;
    }
}
