package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/** A credential helper to configure, as the value of {@code credential.<url>.helper}. */
public sealed interface HelperSpec {
    String configValue();

    HelperKind kind();

    /** The system's encrypted store: {@code manager}, {@code osxkeychain}, {@code wincred}, {@code libsecret}. */
    record Secure(String name, String command) implements HelperSpec {
        static final Set<String> NAMES = Set.of("manager", "manager-core", "osxkeychain", "wincred", "libsecret");

        public Secure {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("not a secure helper: " + name);
            }
        }

        /** A helper git finds as {@code git credential-NAME}. */
        public static Secure named(String name) {
            return new Secure(name, name);
        }

        @Override
        public String configValue() {
            return command;
        }

        @Override
        public HelperKind kind() {
            return HelperKind.SECURE;
        }
    }

    /**
     * Git's in-memory cache: what machines without a keyring (servers, containers, CI) can use safely.
     *
     * @param socket the daemon's socket, or null for git's default
     * @param timeout how long the token stays, or null for git's default (15 minutes)
     */
    record Cache(Path socket, Duration timeout) implements HelperSpec {
        @Override
        public String configValue() {
            StringBuilder sb = new StringBuilder("cache");
            if (timeout != null) {
                sb.append(" --timeout ").append(timeout.toSeconds());
            }
            if (socket != null) {
                sb.append(" --socket ").append(HelperClassifier.shellQuote(socket.toString()));
            }
            return sb.toString();
        }

        @Override
        public HelperKind kind() {
            return HelperKind.EPHEMERAL;
        }
    }

    /** Git's plain-text file store: only with the user's approval for exactly this file. */
    record Store(Path file, PlaintextApproval approval) implements HelperSpec {
        public Store {
            if (approval == null || !approval.covers(file)) {
                throw ProblemException.of(ProblemKind.USAGE, "plaintext-not-approved",
                        Text.of("error.plaintext-not-approved", file), Text.of("error.plaintext-not-approved.hint"));
            }
            file = file.toAbsolutePath().normalize();
        }

        @Override
        public String configValue() {
            return "store --file " + HelperClassifier.shellQuote(file.toString());
        }

        @Override
        public HelperKind kind() {
            return HelperKind.PLAINTEXT;
        }
    }
}
