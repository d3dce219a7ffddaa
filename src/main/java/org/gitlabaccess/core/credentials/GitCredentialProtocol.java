package org.gitlabaccess.core.credentials;

import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.Secret;

/**
 * {@code git credential fill|approve|reject} through the real git, so every helper the user has
 * configured (and only those) sees the request, exactly as when git itself needs a password. The
 * password goes to git on stdin and comes back on stdout; it is never an argument or a variable.
 */
public final class GitCredentialProtocol {
    /** A credential git answered with. */
    public record Filled(String username, Secret password) {
    }

    private final GitCommand git;

    public GitCredentialProtocol(GitCommand git) {
        this.git = git;
    }

    /**
     * What the helpers return for the request; empty when none has a credential (git would have had
     * to prompt, which is switched off).
     */
    public Optional<Filled> fill(CredentialRequest request) {
        GitCommand.Result r = git.runSecretOutput(null, List.of("credential", "fill"), request.lines() + "\n");
        if (!r.ok()) {
            return Optional.empty();
        }
        String username = null;
        String password = null;
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("username=")) {
                username = line.substring("username=".length());
            } else if (line.startsWith("password=")) {
                password = line.substring("password=".length());
            }
        }
        if (password == null) {
            return Optional.empty();
        }
        return Optional.of(new Filled(username, Secret.exact(password)));
    }

    /** Hands the credential to every configured helper to keep. */
    public void approve(CredentialRequest request, String username, Secret password) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("approve needs a user name and a password");
        }
        String value = password.reveal();
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a newline");
        }
        GitCommand.Result r = git.run(null, List.of("credential", "approve"),
                request.withUsername(username).lines() + "password=" + value + "\n\n");
        if (!r.ok()) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "credential-store-failed",
                    Text.of("error.credential-store-failed", request.host(), r.stderr().strip()),
                    Text.of("error.credential-store-failed.hint"));
        }
    }

    /**
     * Tells every helper to forget the matching credentials: with no user name in the request,
     * every credential the helpers keep for the host.
     */
    public void reject(CredentialRequest request) {
        GitCommand.Result r = git.run(null, List.of("credential", "reject"), request.lines() + "\n");
        if (!r.ok()) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "credential-erase-failed",
                    Text.of("error.credential-erase-failed", request.host(), r.stderr().strip()),
                    Text.of("error.credential-erase-failed.hint"));
        }
    }
}
