package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshAgent;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigBlock;
import org.gitlabaccess.core.ssh.SshConfigProblems;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshEndpointChooser;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ssh-key configure}: the ~/.ssh/config block, the host key, and the agent. */
@Command(name = "configure", sortOptions = false,
        header = "Point SSH at the key: ~/.ssh/config block, known_hosts, ssh-agent.",
        description = {"Writes one marked block for the GitLab host into ~/.ssh/config (replaced on re-runs),",
            "records the host key in ~/.ssh/known_hosts once accepted (--yes accepts a host not seen before;",
            "a changed key is always refused), and adds the key to a running ssh-agent.",
            "Where port 22 is blocked, gitlab.com's altssh.gitlab.com:443 is used instead."})
final class SshKeyConfigureCommand extends BaseCommand {
    @Option(names = "--file", paramLabel = "P", description = "Private key (default: ~/.ssh/id_ed25519_<host>).")
    Path file;

    @Option(names = "--passphrase-file", paramLabel = "F", description = "The key's passphrase (first line), for the agent.")
    Path passphraseFile;

    SshKeyConfigureCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        var tokenClient = optionalClient();
        SshEndpoint wanted = sshEndpoint(tokenClient);
        Path keyFile = file != null ? file.toAbsolutePath() : SshKeyFiles.defaultKeyFile(home(), wanted.alias());
        try (Secret passphrase = readPassphrase(passphraseFile)) {
            SshKey key = SshKeyFiles.read(keyFile, passphrase);
            var choice = new SshEndpointChooser(SshEndpointChooser.KNOWN_ALTERNATIVES, Duration.ofSeconds(5)).choose(wanted);
            SshEndpoint endpoint = choice.endpoint();
            if (choice.usedAlternative()) {
                warn("Port " + wanted.port() + " of " + wanted.hostName() + " does not answer (a firewall blocks it); "
                        + "using " + endpoint.hostName() + ":" + endpoint.port() + " instead.");
            }
            var block = new SshConfigBlock.Settings(endpoint, key.privateKeyFile(), accountHome(), ctx.env().isMac(),
                    instanceUrl().toString());
            SshConfigBlock.render(block, "\n"); // refuses what cannot be written, before anything is touched
            // OpenSSH must accept the configuration and the host must answer with a key we trust
            // before ~/.ssh/config is touched: a failed check writes nothing.
            var effective = sshLookup().forEndpoint(endpoint);
            if (effective.refusedByOpenSsh()) {
                throw SshConfigProblems.refused(effective);
            }
            effective.notice().ifPresent(this::warn);
            SshCheckResult hostKey;
            try (SshAccessCheck check = new SshAccessCheck(hostKeyDecision(),
                    Duration.ofSeconds(15))) {
                hostKey = check.hostKey(effective);
            }
            if (!hostKey.ok()) {
                throw org.gitlabaccess.core.ssh.SshCheckProblems.of(hostKey);
            }
            var edit = SshConfigBlock.writeTo(home().resolve(".ssh").resolve("config"), block, new AtomicFile());
            edit.notices().forEach(this::warn);
            SshAgent.Result agent = new SshAgent(ctx.env()).add(key.privateKeyFile(), passphrase);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("endpoint", Map.of("host", endpoint.alias(), "hostName", endpoint.hostName(), "port", endpoint.port()));
            doc.put("sshConfig", Map.of("file", home().resolve(".ssh/config").toString(), "changed", edit.changed(),
                    "notices", edit.notices()));
            doc.put("hostKey", Map.of("fingerprint", String.valueOf(hostKey.hostKeyFingerprint()),
                    "outcome", hostKey.outcome().name().toLowerCase(java.util.Locale.ROOT)));
            doc.put("agent", agent.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            say((edit.changed() ? "Updated " : "Already up to date: ") + home().resolve(".ssh/config")
                    + " (block for " + endpoint.alias() + ").");
            say("Host key of " + endpoint.knownHostsName() + ": " + hostKey.hostKeyFingerprint() + " (in ~/.ssh/known_hosts).");
            switch (agent) {
                case ADDED -> say("Added the key to your ssh-agent.");
                case NO_AGENT -> warn("No ssh-agent is running: SSH will ask for the key's passphrase at each push. "
                        + "Start one (eval \"$(ssh-agent)\") or use your desktop's keyring.");
                default -> warn("The key could not be added to the ssh-agent; add it with: ssh-add " + key.privateKeyFile());
            }
            if (json()) {
                printJson(doc);
            }
            return ExitCodes.OK;
        }
    }

    /**
     * OpenSSH expands ~ from the password database, which the JVM reports as user.home; when HOME
     * points elsewhere (a sandbox, a helpdesk run for another home) the block uses full paths.
     */
    private Path accountHome() {
        return ctx.env().property("user.home").map(Path::of).orElse(home());
    }

    /** A client when a token was given (to discover the SSH endpoint); none otherwise. */
    private org.gitlabaccess.core.gitlab.GitLabClient optionalClient() {
        boolean tokenGiven = global().tokenFile() != null || global().tokenStdin()
                || ctx.env().variable(org.gitlabaccess.core.TokenInput.ENV_VARIABLE).isPresent();
        if (!tokenGiven || (global().sshHost() != null && global().sshPort() != null)) {
            return null;
        }
        try {
            return instance().client(requireToken(org.gitlabaccess.core.gitlab.SetupMethod.SSH));
        } catch (ProblemException e) {
            if (e.kind() == ProblemKind.NETWORK) {
                throw e;
            }
            return null;
        }
    }
}
