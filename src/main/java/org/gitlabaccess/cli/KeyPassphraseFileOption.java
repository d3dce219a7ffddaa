package org.gitlabaccess.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key-passphrase-file}: the SSH key's passphrase for {@code setup} and {@code verify}. */
final class KeyPassphraseFileOption {
    @Option(names = "--key-passphrase-file", paramLabel = "F",
            description = "The SSH key's passphrase, from the first line of this file (setup also protects a new key with it).")
    Path file;
}
