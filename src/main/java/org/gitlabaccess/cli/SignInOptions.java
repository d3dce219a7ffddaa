package org.gitlabaccess.cli;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import picocli.CommandLine.Option;

/** Browser or device sign-in (OAuth) instead of a personal access token: the options login and setup share. */
final class SignInOptions {
    @Option(names = "--web", description = "Sign in in the browser (OAuth, with PKCE) instead of with a token.")
    boolean web;

    @Option(names = "--device", description = "Sign in on another device with a code (OAuth device flow).")
    boolean device;

    @Option(names = "--oauth-client-id", paramLabel = "ID",
            description = "The OAuth application id for --web/--device (default: site configuration).")
    String oauthClientId;

    /** Whether one of the two sign-ins was asked for; both at once is a usage error. */
    boolean chosen() {
        if (web && device) {
            throw new ProblemException(ProblemKind.USAGE, "conflicting-options",
                    "--web and --device cannot be combined.", "Choose one.");
        }
        return web || device;
    }
}
