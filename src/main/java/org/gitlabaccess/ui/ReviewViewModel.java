package org.gitlabaccess.ui;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gitlabaccess.core.gitlab.ForeignSshHostException;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.setup.Change;
import org.gitlabaccess.core.setup.SetupSession;

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
    private final SshHostQuestion sshHost;

    ReviewViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        this.sshHost = new SshHostQuestion(session);
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

    ObjectProperty<ForeignSshHostException> foreignSshHostProperty() {
        return sshHost.pendingProperty();
    }

    /**
     * The user confirmed an SSH host: kept for the rest of the wizard, and the plan is made again.
     *
     * @return false, changing nothing, when the text is no host name
     */
    boolean useSshHost(String text) {
        if (!sshHost.confirm(text)) {
            return false;
        }
        plan();
        return true;
    }

    /** The user did not confirm the SSH host: SSH cannot be set up; say what to do in the wizard's terms. */
    void declineSshHost() {
        sshHost.decline(m).ifPresent(error::set);
    }

    /** Asks the session what setup would change (signed in already); nothing is written. */
    void plan() {
        revokeOffered.set(session.method == SetupMethod.SSH);
        lines.clear();
        ready.set(false);
        loading.set(true);
        error.set("");
        SetupSession setup = session.setup();
        Path home = setup.request().target().home();
        tasks.run(setup::plan, planned -> {
            loading.set(false);
            lines.setAll(planned.stream().map(c -> line(c, home)).toList());
            ready.set(true);
        }, e -> {
            loading.set(false);
            if (e instanceof ForeignSshHostException foreign) {
                // The command line's hint names --ssh-host; the wizard asks instead.
                error.set(foreign.message(m.locale()));
                sshHost.ask(foreign);
            } else {
                error.set(ErrorText.full(e, m.locale()));
            }
        });
    }

    private String line(Change c, Path home) {
        return Ui.tilde(m.getOr(c.kind().messageKey(), c.kind().id()) + ": " + c.target()
                + (c.before() == null ? "" : " — " + c.before() + " →")
                + (c.after() == null ? "" : " " + c.after()), home);
    }

    void commit() {
        session.revokeTokenAfter = revokeOffered.get() && revoke.get();
    }
}
