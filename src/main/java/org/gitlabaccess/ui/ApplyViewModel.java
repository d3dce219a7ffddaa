package org.gitlabaccess.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupReport;
import org.gitlabaccess.core.setup.SetupSession;
import org.gitlabaccess.core.setup.StepOutcome;

/** Step 8's state: the setup steps running one by one, their outcomes, progress and cancel. */
final class ApplyViewModel {
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final ObservableList<StepOutcome> outcomes = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty succeeded = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<SetupReport> report = new SimpleObjectProperty<>();
    private volatile boolean cancelled;

    ApplyViewModel(WizardSession session, BackgroundTasks tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    ObservableList<StepOutcome> outcomes() {
        return outcomes;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    BooleanProperty succeededProperty() {
        return succeeded;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty statusProperty() {
        return status;
    }

    ObjectProperty<SetupReport> reportProperty() {
        return report;
    }

    void start() {
        outcomes.clear();
        succeeded.set(false);
        cancelled = false;
        running.set(true);
        SetupSession setup = session.setup();
        Progress p = new Progress() {
            @Override
            public void update(String message, double fraction) {
                tasks.onUiThread(() -> {
                    status.set(message);
                    progress.set(fraction);
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
        tasks.run(() -> setup.apply(p, o -> tasks.onUiThread(() -> outcomes.add(o))),
                r -> {
                    running.set(false);
                    report.set(r);
                    succeeded.set(r.ok());
                    progress.set(1);
                    status.set("");
                }, e -> {
                    running.set(false);
                    status.set(ErrorText.full(e, session.locale()));
                });
    }

    void cancel() {
        cancelled = true;
    }
}
