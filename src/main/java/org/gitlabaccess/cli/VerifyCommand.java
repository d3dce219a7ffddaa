package org.gitlabaccess.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitlab-access verify}: proves access as {@code ssh -T} would. */
@Command(name = "verify", sortOptions = false, header = "Check access as 'ssh -T git@host' would.",
        description = {"Resolves the host through ~/.ssh/config, checks its key against ~/.ssh/known_hosts",
            "(--yes records a host not seen before; a changed key is always refused), authenticates with the",
            "configured identity (or --identity) and reads GitLab's welcome line."})
final class VerifyCommand extends BaseCommand {
    @Option(names = "--ssh", description = "Check SSH access (the default).")
    boolean ssh;

    @Option(names = "--identity", paramLabel = "KEY", description = "Private key to use instead of ~/.ssh/config's.")
    Path identity;

    @Option(names = "--key-passphrase-file", paramLabel = "F", description = "The key's passphrase (first line).")
    Path passphraseFile;

    VerifyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        SshEndpoint wanted = sshEndpoint(null);
        var effective = SshConfigLookup.resolve(home(), wanted.alias(), wanted.port());
        SshEndpoint endpoint = effective.endpoint();
        Path key = identity != null ? identity.toAbsolutePath() : effective.identityFiles().stream()
                .filter(Files::isRegularFile).findFirst()
                .orElse(SshKeyFiles.defaultKeyFile(home(), wanted.alias()));
        SshCheckResult result;
        try (Secret passphrase = readPassphrase(passphraseFile);
             SshAccessCheck check = new SshAccessCheck(KnownHosts.inHome(home()), hostKeyDecision(),
                     Duration.ofSeconds(15))) {
            result = check.greet(endpoint, key, passphrase);
        }
        Map<String, Object> ssh = new LinkedHashMap<>();
        ssh.put("host", endpoint.alias());
        ssh.put("hostName", endpoint.hostName());
        ssh.put("port", endpoint.port());
        ssh.put("identity", key.toString());
        ssh.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ssh.put("username", result.username());
        ssh.put("hostKeyFingerprint", result.hostKeyFingerprint());
        ssh.put("detail", result.detail());
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", result.ok());
            doc.put("ssh", ssh);
            printJson(doc);
        }
        if (!result.ok()) {
            var problem = org.gitlabaccess.core.ssh.SshCheckProblems.of(result);
            if (json()) {
                // The document above already tells the outcome; the error goes to stderr.
                ctx.err().println("error: " + problem.getMessage());
                ctx.err().println("hint: " + problem.hint());
                return ExitCodes.of(problem.kind());
            }
            throw problem;
        }
        say("SSH to " + endpoint + " as git: " + result.detail() + " (key " + key.getFileName() + ", host key "
                + result.hostKeyFingerprint() + ")");
        return ExitCodes.OK;
    }
}
