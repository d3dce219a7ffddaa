package org.gitlabaccess.cli;

import java.nio.file.Path;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import picocli.CommandLine.Option;

/** What {@code login} may do to a personal access token once checked: rotate it into a file, or revoke it. */
final class TokenChangeOptions {
    @Option(names = "--rotate", description = "Rotate the token: GitLab revokes it and issues a new one.")
    boolean rotate;

    @Option(names = "--token-out", paramLabel = "FILE",
            description = "Where --rotate writes the new token (created owner-only); never the terminal.")
    Path tokenOut;

    @Option(names = "--revoke", description = "Revoke the token (for a setup token no longer needed).")
    boolean revoke;

    /** Refuses what cannot be done, before anything is asked of GitLab. */
    void check(boolean browserSignIn) {
        if (rotate && tokenOut == null) {
            throw new ProblemException(ProblemKind.USAGE, "token-out-missing",
                    "--rotate needs --token-out FILE: the new token is never printed.",
                    "Name a file for the new token, for example --token-out ~/.config/gitlab-token.");
        }
        if (rotate && revoke) {
            throw new ProblemException(ProblemKind.USAGE, "conflicting-options",
                    "--rotate and --revoke cannot be combined.", "Choose one.");
        }
        if (browserSignIn && (rotate || revoke)) {
            throw new ProblemException(ProblemKind.USAGE, "conflicting-options",
                    "--rotate and --revoke apply to personal access tokens, not to a browser sign-in.",
                    "Drop --web/--device, and give the token with --token-file.");
        }
    }
}
