package org.gitlabaccess.hostile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.testkit.GitLabTestServer;

/** What the hostile cases against the test server share: the CLI in a sandbox home, aimed at the server. */
final class ServerRuns {
    /** The run's own log and state: the only things a read-only command may write in the home. */
    static final String STATE = ".local/state";

    private ServerRuns() {
    }

    /** The CLI for this home, with {@code GITLAB_TOKEN} when a token is given. */
    static CliRunner cli(Path home, String token) {
        CliRunner c = new CliRunner(home);
        if (token != null) {
            c.env("GITLAB_TOKEN", token);
        }
        return c;
    }

    /** The words, then {@code --host} and {@code --ca-file} of the server. */
    static String[] args(GitLabTestServer server, String... words) {
        List<String> l = new ArrayList<>(List.of(words));
        l.addAll(List.of("--host", server.baseUrl(), "--ca-file", server.caFile().toString()));
        return l.toArray(String[]::new);
    }
}
