package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.setup.KeyRenewal;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ssh-key rotate}: a new key in place of the old one, never leaving the user without a working key. */
@Command(name = SshKeyRotateCommand.NAME, sortOptions = false, header = "Replace the SSH key before it expires.",
        description = {"Creates a new ed25519 key beside the old one, registers it (usage auth, with",
            "an expiry) and checks that GitLab welcomes it over SSH; only then deletes the",
            "old key from the account and puts the new one in its place, where",
            "~/.ssh/config already points. A failure before that changes nothing: the old",
            "key stays registered, configured and working. Needs a token with api."})
final class SshKeyRotateCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "rotate";

    /** The JSON document's halves. */
    record Old(String fingerprint, boolean wasRegistered) {
    }

    record New(String fingerprint, String expiresAt, String path) {
    }

    @Mixin
    PrivateKeyOption key = new PrivateKeyOption();

    @Option(names = "--passphrase-file", paramLabel = "F", description = "Protect the new key with this passphrase (first line).")
    Path passphraseFile;

    @Option(names = "--expires-at", paramLabel = "YYYY-MM-DD",
            description = "The new key's expiry (default: site configuration's keyExpiryDays, else 365 days).")
    String expiresAt;

    SshKeyRotateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        // A bad date is a usage error before the token is asked for or the network touched.
        LocalDate expiry = requestedExpiry(expiresAt, LocalDate.now(ZoneOffset.UTC)).orElse(null);
        SetupRequest request = SetupRequest.builder(ctx.env(), site()).host(global().host()).caFile(global().caFile())
                .sshHost(global().sshHost()).sshPort(global().sshPort()).method(SetupMethod.SSH)
                .token(requireToken(SetupMethod.SSH)).keyFile(key.file).keyPassphrase(readPassphrase(passphraseFile))
                .hostKeyDecision(hostKeyDecision()).build();
        SetupSession session = new SetupSession(request);
        Path current = session.keyFile();
        if (!global().yes() && !json() && ctx.prompter().interactive()
                && !ctx.prompter().confirm("Replace " + current + " with a new key?")) {
            say("Nothing was changed.");
            return ExitCodes.OK;
        }
        KeyRenewal renewed = session.renewKey(expiry, Progress.NONE);
        renewed.warnings().forEach(this::warn);
        say("Renewed " + renewed.path() + ": " + renewed.newFingerprint() + " (expires " + renewed.expiresAt() + ").");
        say(renewed.oldWasRegistered() ? "The old key " + renewed.oldFingerprint() + " is deleted from your account."
                : "The old key " + renewed.oldFingerprint() + " was not on your account.");
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("old", new Old(renewed.oldFingerprint(), renewed.oldWasRegistered()));
            doc.put("new", new New(renewed.newFingerprint(), renewed.expiresAt(), renewed.path().toString()));
            printJson(doc);
        }
        return ExitCodes.OK;
    }
}
