package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ssh-key create}: a new ed25519 key, never overwriting one. */
@Command(name = "create", sortOptions = false, header = "Create a new ed25519 key (never overwrites a file).",
        description = "Prints the key's path and SHA256 fingerprint. The private key is readable by you only.")
final class SshKeyCreateCommand extends BaseCommand {
    @Option(names = "--file", paramLabel = "P", description = "Private key path (default: ~/.ssh/id_ed25519_<host>).")
    Path file;

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
        Path target = file != null ? file.toAbsolutePath() : SshKeyFiles.defaultKeyFile(home(), sshEndpoint(null).alias());
        String text = comment != null ? comment : defaultComment();
        try (Secret passphrase = readPassphrase(passphraseFile)) {
            SshKey key = SshKeyFiles.create(target, text, passphrase);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("privateKey", key.privateKeyFile().toString());
            doc.put("publicKey", key.publicKeyFile().toString());
            doc.put("type", key.type());
            doc.put("fingerprint", key.fingerprint());
            doc.put("comment", key.comment());
            doc.put("passphrase", key.encrypted());
            if (json()) {
                printJson(doc);
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

    private String defaultComment() {
        String user = ctx.env().variable("USER").or(() -> ctx.env().variable("USERNAME"))
                .orElse(ctx.env().property("user.name").orElse("user"));
        return user + "@" + machineName() + " gitlab-access " + LocalDate.now(ZoneOffset.UTC);
    }
}
