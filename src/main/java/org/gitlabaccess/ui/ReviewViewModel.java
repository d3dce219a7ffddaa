package org.gitlabaccess.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.setup.Change;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupFlows;
import org.gitlabaccess.core.setup.SetupState;
import org.gitlabaccess.core.setup.SetupStep;
import org.gitlabaccess.core.setup.SignInStep;

/** Step 7's state: every planned change as a line, worked out in the background before anything is written. */
final class ReviewViewModel {
    private final WizardSession session;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty revokeOffered = new SimpleBooleanProperty(false);
    private final BooleanProperty revoke = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");

    ReviewViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
    }

    ObservableList<String> lines() {
        return lines;
    }

    BooleanProperty loadingProperty() {
        return loading;
    }

    BooleanProperty readyProperty() {
        return ready;
    }

    /** Only SSH leaves the setup token unneeded; HTTPS stores it for Git. */
    BooleanProperty revokeOfferedProperty() {
        return revokeOffered;
    }

    BooleanProperty revokeProperty() {
        return revoke;
    }

    StringProperty errorProperty() {
        return error;
    }

    /** Signs in and asks each step of the chosen method what it would change. */
    void plan() {
        revokeOffered.set(session.method == SetupMethod.SSH);
        lines.clear();
        ready.set(false);
        loading.set(true);
        error.set("");
        SetupState state = new SetupState(session.request());
        tasks.run(() -> {
            new SignInStep().run(state, Progress.NONE);
            List<String> planned = new ArrayList<>();
            for (SetupStep step : SetupFlows.forMethod(session.method)) {
                for (Change c : step.plan(state)) {
                    planned.add(line(c, state));
                }
            }
            return planned;
        }, planned -> {
            loading.set(false);
            lines.setAll(planned);
            ready.set(true);
        }, e -> {
            loading.set(false);
            error.set(ErrorText.full(e, m.locale()));
        });
    }

    private String line(Change c, SetupState state) {
        return Ui.tilde(m.getOr("change." + c.kind(), c.kind()) + ": " + c.target()
                + (c.before() == null ? "" : " — " + c.before() + " →")
                + (c.after() == null ? "" : " " + c.after()), state.home());
    }

    void commit() {
        session.revokeTokenAfter = revokeOffered.get() && revoke.get();
    }
}
