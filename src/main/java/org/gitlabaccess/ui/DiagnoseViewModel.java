package org.gitlabaccess.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.Doctor;
import org.gitlabaccess.core.doctor.checks.DoctorChecks;
import org.gitlabaccess.core.doctor.DoctorContext;

/** The doctor's checks, appearing as they finish: the same check objects as {@code gitlab-access doctor}. */
final class DiagnoseViewModel {
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final ObservableList<CheckResult> results = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private BackgroundTasks.Handle handle;

    DiagnoseViewModel(WizardSession session, BackgroundTasks tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    ObservableList<CheckResult> results() {
        return results;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    void run() {
        results.clear();
        running.set(true);
        DoctorContext.Inputs inputs = session.doctorInputs();
        Doctor doctor = new Doctor(DoctorChecks.all(), Doctor.PER_CHECK_TIMEOUT);
        handle = tasks.run(() -> doctor.run(new DoctorContext(inputs),
                        r -> tasks.onUiThread(() -> results.add(r))),
                (List<CheckResult> all) -> running.set(false), error -> running.set(false));
    }

    void cancel() {
        if (handle != null) {
            handle.cancel();
        }
        running.set(false);
    }
}
