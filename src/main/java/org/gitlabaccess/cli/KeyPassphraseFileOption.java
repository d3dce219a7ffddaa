package org.gitlabaccess.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key-passphrase-file}: the SSH key's passphrase for {@code setup} and {@code verify}. */
final class KeyPassphraseFileOption {
    @Option(names = "--key-passphrase-file", paramLabel = "F",
            description = "The key's passphrase (first line): opens a protected key, and protects a new one.")
    Path file;
}
