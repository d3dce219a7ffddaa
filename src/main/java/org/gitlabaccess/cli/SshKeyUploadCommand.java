package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.gitlab.TokenInspector;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ssh-key upload}: registers the public key on the GitLab account. */
@Command(name = SshKeyUploadCommand.NAME, sortOptions = false, header = "Register the public key on your GitLab account.",
        description = {"Needs a token with the api scope. A key already on the account is success (nothing uploaded);",
            "a key registered to another account is an error."})
final class SshKeyUploadCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "upload";

    @Option(names = "--file", paramLabel = "P.pub", description = "Public key (default: ~/.ssh/id_ed25519_<host>.pub).")
    Path file;

    @Option(names = "--title", paramLabel = "T", description = "Title in GitLab (default: computer and date).")
    String title;

    @Option(names = "--expires-at", paramLabel = "YYYY-MM-DD",
            description = "Expiry (default: in 365 days, or the site's keyExpiryDays).")
    String expiresAt;

    SshKeyUploadCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expiry = expiry(today);
        Path pub = file != null ? file.toAbsolutePath() : SshKeyFiles.publicFileOf(defaultKeyFile());
        SshKey key = SshKeyUploader.publicKeyOf(pub);
        var token = requireToken(SetupMethod.SSH);
        GitLabClient client = instance().client(token);
        TokenInspector inspector = new TokenInspector(Clock.systemUTC(), machineName());
        var verdict = inspector.inspect(client, SetupMethod.SSH);
        inspector.requireFit(verdict, SetupMethod.SSH);
        String keyTitle = title != null ? title : SshKeyUploader.defaultTitle(machineName(), today);
        var registered = new SshKeyUploader().upload(client, key, keyTitle, expiry);
        if (json()) {
            printJson(new Document(verdict.username(), key.fingerprint(), registered.id(), registered.title(),
                    registered.expiresAt(), registered.alreadyThere()));
        } else if (registered.alreadyThere()) {
            say("The key " + key.fingerprint() + " is already on @" + verdict.username() + "'s account (\""
                    + registered.title() + "\"); nothing was uploaded.");
        } else {
            say("Uploaded the key " + key.fingerprint() + " to @" + verdict.username() + " as \"" + registered.title()
                    + "\"" + (registered.expiresAt() == null ? "." : ", expiring " + registered.expiresAt().substring(0, 10)
                    + "."));
        }
        return ExitCodes.OK;
    }

    /** The JSON document: whose account holds which key, under which title, until when. */
    private record Document(String username, String fingerprint, long keyId, String title, String expiresAt,
                            boolean alreadyRegistered) {
    }

    private LocalDate expiry(LocalDate today) {
        return requestedExpiry(expiresAt, today).orElseGet(() ->
                today.plusDays(site().keyExpiryDays().orElse(SshKeyUploader.DEFAULT_EXPIRY_DAYS)));
    }
}
