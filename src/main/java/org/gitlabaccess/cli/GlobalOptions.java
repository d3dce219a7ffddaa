package org.gitlabaccess.cli;

import java.nio.file.Path;
import org.gitlabaccess.core.NetworkNames;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.ScopeType;

/** The contract's global options; accepted before or after the command. */
public final class GlobalOptions {
    @Option(names = "--host", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "GitLab instance (default: site config, else https://gitlab.com).")
    String host;

    @Option(names = "--ssh-host", paramLabel = "HOST", scope = ScopeType.INHERIT, converter = SshHostConverter.class,
            description = "SSH host when it differs from the web host (default: from the API).")
    String sshHost;

    @Option(names = "--ssh-port", paramLabel = "N", scope = ScopeType.INHERIT, converter = SshPortConverter.class,
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

    // Help and version, as picocli's mixinStandardHelpOptions words them. Declared here: that mixin,
    // inherited, has picocli read its own annotations again for every command (see CommandModels).
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean helpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, scope = ScopeType.INHERIT,
            description = "Print version information and exit.")
    boolean versionRequested;

    /** A host name or IP literal, checked before it can reach ~/.ssh/config, known_hosts or an argument. */
    static final class SshHostConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return NetworkNames.host(value).orElseThrow(() -> new TypeConversionException(
                    "'" + NetworkNames.printable(value) + "' is not a host name or IP address"));
        }
    }

    /** Decimal 1-65535 and nothing else. */
    static final class SshPortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return NetworkNames.port(value).orElseThrow(() -> new TypeConversionException(
                    "'" + NetworkNames.printable(value) + "' is not a port (1-65535)"));
        }
    }

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
