package org.gitlabaccess.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.Doctor;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.FixRunner;
import org.gitlabaccess.core.doctor.checks.DoctorChecks;
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.ssh.HostKeyDecision;

/**
 * The doctor's checks, appearing as they finish, and their automatic fixes applied one at a time on
 * request: the same check objects and the same {@link FixRunner} as {@code gitlab-access doctor --fix}.
 */
final class DiagnoseViewModel {
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final List<Check> checks = DoctorChecks.all();
    private final ObservableList<CheckResult> results = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty fixing = new SimpleBooleanProperty(false);
    private final ObjectProperty<FixRunner.Outcome> lastFix = new SimpleObjectProperty<>();
    private final StringProperty fixError = new SimpleStringProperty();
    private BackgroundTasks.Handle handle;

    DiagnoseViewModel(WizardSession session, BackgroundTasks tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    /** The user's home, which the page shows as ~. */
    Path home() {
        return UserHome.resolve(session.env());
    }

    ObservableList<CheckResult> results() {
        return results;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    /** True while a fix is applied and its check runs again. */
    BooleanProperty fixingProperty() {
        return fixing;
    }

    /** The fix applied last: what it changed, and the check before and after. */
    ObjectProperty<FixRunner.Outcome> lastFixProperty() {
        return lastFix;
    }

    /** Why the last fix could not be applied, or null. */
    StringProperty fixErrorProperty() {
        return fixError;
    }

    void run() {
        results.clear();
        lastFix.set(null);
        fixError.set(null);
        running.set(true);
        DoctorContext.Inputs inputs = session.doctorInputs();
        Doctor doctor = new Doctor(checks, Doctor.PER_CHECK_TIMEOUT);
        handle = tasks.run(() -> doctor.run(new DoctorContext(inputs),
                        r -> tasks.onUiThread(() -> results.add(r))),
                (List<CheckResult> all) -> running.set(false), error -> running.set(false));
    }

    /**
     * Applies one result's automatic fix, the user having agreed to what it changes, then shows its
     * check run again in place of the old result. The consent covers the host key it names, so that
     * key (and only that one: the fix pins its fingerprint) is trusted.
     */
    void fix(CheckResult result) {
        if (!FixRunner.fixable(result) || fixing.get() || running.get()) {
            return;
        }
        fixing.set(true);
        lastFix.set(null);
        fixError.set(null);
        // The host key fix records the key the user just agreed to (pinned by its fingerprint); any other fix that
        // meets a new host asks about it as setup does.
        HostKeyDecision hostKeys = result.id() == CheckId.SSH_HOST_KEY ? HostKeyDecision.ACCEPT : session.hostKeyDecision;
        DoctorContext.Inputs inputs = session.doctorInputs().withHostKeyDecision(hostKeys);
        FixRunner runner = new FixRunner(checks, Doctor.PER_CHECK_TIMEOUT);
        handle = tasks.run(() -> runner.apply(inputs, List.of(result), r -> true, (r, changed) -> { }),
                outcomes -> {
                    fixing.set(false);
                    // In place, row by row: the list keeps its selection and focus.
                    for (FixRunner.Outcome o : outcomes) {
                        int row = results.indexOf(o.before());
                        if (row >= 0) {
                            results.set(row, o.after());
                        }
                        if (o.applied()) {
                            lastFix.set(o);
                        } else {
                            fixError.set(ErrorText.full(o.failure(), session.locale()));
                        }
                    }
                },
                error -> {
                    fixing.set(false);
                    fixError.set(ErrorText.full(error, session.locale()));
                });
    }

    void cancel() {
        if (handle != null) {
            handle.cancel();
        }
        running.set(false);
        fixing.set(false);
    }
}
