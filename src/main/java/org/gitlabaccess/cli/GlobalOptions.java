package org.gitlabaccess.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The contract's global options; accepted before or after the command. */
public final class GlobalOptions {
    @Option(names = "--host", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "GitLab instance (default: site config, else https://gitlab.com).")
    String host;

    @Option(names = "--ssh-host", paramLabel = "HOST", scope = ScopeType.INHERIT,
            description = "SSH host when it differs from the web host (default: from the API).")
    String sshHost;

    @Option(names = "--ssh-port", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "SSH port (default: from the API, else 22).")
    Integer sshPort;

    @Option(names = "--ca-file", paramLabel = "PEM", scope = ScopeType.INHERIT,
            description = "Trust this CA certificate in addition to the system's.")
    Path caFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout and nothing else there.")
    boolean json;

    @Option(names = "--yes", scope = ScopeType.INHERIT, description = "Never prompt; accept the defaults.")
    boolean yes;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show details on stderr.")
    boolean verbose;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the personal access token from this file (first line).")
    Path tokenFile;

    @Option(names = "--token-stdin", scope = ScopeType.INHERIT,
            description = "Read the personal access token from standard input.")
    boolean tokenStdin;

    public String host() {
        return host;
    }

    public String sshHost() {
        return sshHost;
    }

    public Integer sshPort() {
        return sshPort;
    }

    public Path caFile() {
        return caFile;
    }

    public boolean json() {
        return json;
    }

    public boolean yes() {
        return yes;
    }

    public boolean verbose() {
        return verbose;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    public boolean tokenStdin() {
        return tokenStdin;
    }
}
