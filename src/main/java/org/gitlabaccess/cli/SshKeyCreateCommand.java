package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.UserName;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ssh-key create}: a new ed25519 key, never overwriting one. */
@Command(name = SshKeyCreateCommand.NAME, sortOptions = false, header = "Create a new ed25519 key (never overwrites a file).",
        description = "Prints the key's path and SHA256 fingerprint. The private key is readable by you only.")
final class SshKeyCreateCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "create";

    @Mixin
    PrivateKeyOption file = new PrivateKeyOption();

    @Option(names = "--passphrase-file", paramLabel = "F",
            description = "Protect the key with the passphrase in this file (first line).")
    Path passphraseFile;

    @Option(names = "--comment", paramLabel = "C",
            description = "Key comment (default: user@computer gitlab-access DATE).")
    String comment;

    SshKeyCreateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Path target = file.or(defaultKeyFile());
        String text = comment != null ? comment : defaultComment();
        try (Secret passphrase = readPassphrase(passphraseFile)) {
            SshKey key = SshKeyFiles.create(target, text, passphrase);
            if (json()) {
                printJson(new Document(key.privateKeyFile().toString(), key.publicKeyFile().toString(), key.type(),
                        key.fingerprint(), key.comment(), key.encrypted()));
            } else {
                say("Created an ed25519 key" + (key.encrypted() ? ", protected by your passphrase:" : ":"));
                say("  Private key: " + key.privateKeyFile() + " (readable by you only)");
                say("  Public key:  " + key.publicKeyFile());
                say("  Fingerprint: " + key.fingerprint());
                say("Next: gitlab-access ssh-key upload --file " + key.publicKeyFile());
            }
            return ExitCodes.OK;
        }
    }

    /** The JSON document: the key's files and what it is. */
    private record Document(String privateKey, String publicKey, String type, String fingerprint, String comment,
                            boolean passphrase) {
    }

    private String defaultComment() {
        return UserName.of(ctx.env()) + "@" + machineName() + " gitlab-access " + LocalDate.now(ZoneOffset.UTC);
    }
}
