package org.gitlabaccess.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --file}: the private key {@code ssh-key create} and {@code configure} work on. */
final class PrivateKeyOption {
    @Option(names = "--file", paramLabel = "P", description = "Private key (default: ~/.ssh/id_ed25519_<host>).")
    Path file;

    /** The key named, else the product's key for the SSH host in use. */
    Path or(Path defaultKey) {
        return file != null ? file.toAbsolutePath() : defaultKey;
    }
}
