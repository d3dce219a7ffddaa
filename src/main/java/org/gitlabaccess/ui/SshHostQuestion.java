package org.gitlabaccess.ui;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.gitlab.ForeignSshHostException;

/**
 * GitLab named an SSH host outside the instance's domain: nothing goes there before the user's word.
 * The page that met it shows {@link SshHostDialog}; the answer is kept in the session for the rest of
 * the wizard (the command line's equivalent is {@code --ssh-host}).
 */
final class SshHostQuestion {
    private final WizardSession session;
    private final ObjectProperty<ForeignSshHostException> pending = new SimpleObjectProperty<>();

    SshHostQuestion(WizardSession session) {
        this.session = session;
    }

    /** The host waiting for the user's word, else null. */
    ObjectProperty<ForeignSshHostException> pendingProperty() {
        return pending;
    }

    void ask(ForeignSshHostException foreign) {
        pending.set(foreign);
    }

    /**
     * The user confirmed a host (the API's, or one their administrator gave): validated as any typed host.
     *
     * @return false, changing nothing, when nothing was asked or the text is no host name
     */
    boolean confirm(String text) {
        Optional<String> host = NetworkNames.host(text == null ? "" : text.strip());
        if (pending.get() == null || host.isEmpty()) {
            return false;
        }
        // No port: the API's goes with the host it named, and for another host the SSH configuration decides.
        session.sshHost = host.get();
        pending.set(null);
        return true;
    }

    /** The user declined: SSH cannot be set up. The sentence saying so in the wizard's terms, if anything was asked. */
    Optional<String> decline(Messages m) {
        ForeignSshHostException asked = pending.get();
        pending.set(null);
        return Optional.ofNullable(asked).map(a -> a.message(m.locale()) + " " + m.get("sshhost.declined"));
    }
}
