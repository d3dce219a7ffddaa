package org.gitlabaccess.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Browser or device sign-in (OAuth) instead of a personal access token: the options login and setup share. */
final class SignInOptions {
    /** One of the two, or neither: picocli refuses both at once as a usage error. */
    @ArgGroup(exclusive = true)
    Flow flow;

    static final class Flow {
        @Option(names = "--web", description = "Sign in in the browser (OAuth, with PKCE) instead of with a token.")
        boolean web;

        @Option(names = "--device", description = "Sign in on another device with a code (OAuth device flow).")
        boolean device;
    }

    @Option(names = "--oauth-client-id", paramLabel = "ID",
            description = "The OAuth application id for --web/--device (default: site configuration).")
    String oauthClientId;

    /** Whether a sign-in was asked for instead of a token. */
    boolean chosen() {
        return flow != null;
    }

    /** The browser rather than a code on another device. */
    boolean web() {
        return flow != null && flow.web;
    }
}
