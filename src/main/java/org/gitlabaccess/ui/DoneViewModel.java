package org.gitlabaccess.ui;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gitlabaccess.core.doctor.checks.DoctorChecks;
import org.gitlabaccess.core.setup.SetupReport;
import org.gitlabaccess.core.setup.SetupSession;
import org.gitlabaccess.core.setup.StepOutcome;
import org.gitlabaccess.core.setup.StepStatus;

/** Step 9's state: the summary, and what can follow a setup: a report, undoing the remotes, revoking the token. */
final class DoneViewModel {
    private final WizardSession session;
    private final ApplyViewModel apply;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty revokeOffered = new SimpleBooleanProperty(false);
    private final BooleanProperty reportAvailable = new SimpleBooleanProperty(true);
    private final BooleanProperty undoAvailable = new SimpleBooleanProperty(true);
    private final BooleanProperty revokeAvailable = new SimpleBooleanProperty(true);

    DoneViewModel(Messages m, ApplyViewModel apply, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.apply = apply;
        this.session = session;
        this.tasks = tasks;
    }

    StringProperty summaryProperty() {
        return summary;
    }

    /** The outcome of the last action (report, undo, revoke). */
    StringProperty resultProperty() {
        return result;
    }

    /** Offered while the token is still valid: not where setup already revoked it. */
    BooleanProperty revokeOfferedProperty() {
        return revokeOffered;
    }

    BooleanProperty reportAvailableProperty() {
        return reportAvailable;
    }

    /** False while undoing and once done: a second undo would find nothing of this setup to put back. */
    BooleanProperty undoAvailableProperty() {
        return undoAvailable;
    }

    /** False while revoking and once revoked. */
    BooleanProperty revokeAvailableProperty() {
        return revokeAvailable;
    }

    /** Reads the apply step's report. */
    void prepare() {
        SetupReport report = apply.reportProperty().get();
        if (report == null) {
            return;
        }
        long changed = report.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).count();
        String verified = report.steps().stream().filter(s -> s.stepId().verifies()).map(StepOutcome::summary)
                .findFirst().orElse("");
        summary.set(report.alreadySetUp() ? m.get("done.already", verified) : m.get("done.summary", changed, verified));
        revokeOffered.set(session.setup().tokenRevocableAfter(report));
    }

    /** The doctor's redacted report, for a helpdesk ticket. */
    void saveReport(Path file) {
        reportAvailable.set(false);
        var inputs = session.doctorInputs();
        tasks.run(() -> {
            DoctorChecks.writeReport(inputs, file);
            return file;
        }, f -> {
            reportAvailable.set(true);
            result.set(m.get("done.report.saved", f));
        }, e -> {
            reportAvailable.set(true);
            result.set(ErrorText.full(e, m.locale()));
        });
    }

    /** Puts the remotes back as they were before this setup (from its journal). */
    void undo() {
        undoAvailable.set(false);
        tasks.run(session.setup()::undoLatestRewrite, n -> result.set(m.get("done.undone", n)), e -> {
            undoAvailable.set(true);
            result.set(ErrorText.full(e, m.locale()));
        });
    }

    /** Revokes the setup token on GitLab: SSH no longer needs it. */
    void revoke() {
        revokeAvailable.set(false);
        SetupSession setup = session.setup();
        tasks.run(() -> {
            setup.revokeToken();
            return true;
        }, ok -> result.set(m.get("done.revoked")), e -> {
            revokeAvailable.set(true);
            result.set(ErrorText.full(e, m.locale()));
        });
    }
}
