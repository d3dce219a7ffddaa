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
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.ssh.SshKeyFiles;

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

    KeyViewModel(Messages m, WizardSession session) {
        this.m = m;
        this.session = session;
        valid = Bindings.createBooleanBinding(() -> https.get() || computeValid(), https, reuse, file, passphrase,
                confirmation);
        strength = Bindings.createStringBinding(this::computeStrength, passphrase, confirmation, reuse);
    }

    /** The default file for the host; an existing one means "reuse" is the sensible choice. */
    BooleanProperty httpsProperty() {
        return https;
    }

    void prepare() {
        https.set(session.method == org.gitlabaccess.core.gitlab.SetupMethod.HTTPS);
        String host;
        try {
            host = org.gitlabaccess.core.gitlab.InstanceUrl.parse(session.host).host();
        } catch (org.gitlabaccess.core.ProblemException e) {
            host = "gitlab";
        }
        Path def = SshKeyFiles.defaultKeyFile(UserHome.resolve(session.env()), host);
        if (file.get().isBlank()) {
            file.set(def.toString());
            reuse.set(Files.exists(def));
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
        session.keyFile = Path.of(file.get().strip());
        session.keyPassphrase = passphrase.get().isEmpty() ? null : Secret.exact(passphrase.get());
    }
}
