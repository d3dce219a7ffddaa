package org.gitlabaccess.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.setup.SetupSession;

/** Step 5's state: a new key (with an optional passphrase) or an existing one. */
final class KeyViewModel {
    static final int GOOD_PASSPHRASE = 12;

    private final WizardSession session;
    private final BooleanProperty reuse = new SimpleBooleanProperty(false);
    private final BooleanProperty https = new SimpleBooleanProperty(false);
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanBinding valid;
    private final StringBinding strength;
    private final Messages m;
    private final BackgroundTasks tasks;
    /** The file the core proposed, or null before it answered. */
    private String defaultFile;

    KeyViewModel(Messages m, WizardSession session, BackgroundTasks tasks) {
        this.m = m;
        this.session = session;
        this.tasks = tasks;
        valid = Bindings.createBooleanBinding(() -> https.get() || computeValid(), https, reuse, file, passphrase,
                confirmation);
        strength = Bindings.createStringBinding(this::computeStrength, passphrase, confirmation, reuse);
    }

    /** The default file for the host; an existing one means "reuse" is the sensible choice. */
    BooleanProperty httpsProperty() {
        return https;
    }

    void prepare() {
        https.set(session.method == SetupMethod.HTTPS);
        if (https.get() || !file.get().isBlank()) {
            return;
        }
        // The core names the key after the SSH host (asking GitLab where SSH goes), as setup does.
        SetupSession setup = session.setup();
        tasks.run(() -> {
            try {
                return new Offer(setup.keyFile(), true);
            } catch (ProblemException e) {
                // GitLab cannot say where SSH goes now: the key goes by the host SSH would use without GitLab's
                // word, and that file, shown here, is the one setup uses.
                AccessTarget target = setup.request().target();
                return new Offer(target.defaultKeyFile(target.ssh(null).endpoint()), false);
            }
        }, this::offer, e -> {
            // Sign-in worked a page ago; if GitLab fails now the field stays empty for the user to name a file.
        });
    }

    /** A file to show; the core's own default is left to the core to name again at apply time. */
    private record Offer(Path file, boolean coreDefault) {
    }

    private void offer(Offer o) {
        if (file.get().isBlank()) {
            defaultFile = o.coreDefault() ? o.file().toString() : null;
            file.set(o.file().toString());
            reuse.set(Files.exists(o.file()));
        }
    }

    BooleanProperty reuseProperty() {
        return reuse;
    }

    StringProperty fileProperty() {
        return file;
    }

    StringProperty passphraseProperty() {
        return passphrase;
    }

    StringProperty confirmationProperty() {
        return confirmation;
    }

    BooleanBinding validProperty() {
        return valid;
    }

    StringBinding strengthProperty() {
        return strength;
    }

    private boolean computeValid() {
        if (file.get().isBlank()) {
            return false;
        }
        Path p = Path.of(file.get().strip());
        if (reuse.get()) {
            return Files.isRegularFile(p);
        }
        return !Files.exists(p) && passphrase.get().equals(confirmation.get());
    }

    private String computeStrength() {
        if (reuse.get()) {
            return m.get("key.reuse.hint");
        }
        String p = passphrase.get();
        if (p.isEmpty()) {
            return m.get("key.passphrase.none");
        }
        if (!p.equals(confirmation.get())) {
            return m.get("key.passphrase.mismatch");
        }
        return p.length() >= GOOD_PASSPHRASE ? m.get("key.passphrase.good") : m.get("key.passphrase.short");
    }

    void commit() {
        if (https.get()) {
            return;
        }
        // The default stays the core's to name: setup may learn the SSH host only later.
        String chosen = file.get().strip();
        session.keyFile = chosen.equals(defaultFile) ? null : Path.of(chosen);
        session.keyPassphrase = passphrase.get().isEmpty() ? null : Secret.exact(passphrase.get());
    }
}
