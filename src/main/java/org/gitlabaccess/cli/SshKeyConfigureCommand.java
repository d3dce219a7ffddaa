package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.SshAgent;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshEndpointChooser;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.gitlabaccess.core.ssh.SshSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ssh-key configure}: the ~/.ssh/config block, the host key, and the agent. */
@Command(name = SshKeyConfigureCommand.NAME, sortOptions = false,
        header = "Point SSH at the key: ~/.ssh/config block, known_hosts, ssh-agent.",
        description = {"Writes one marked block for the GitLab host into ~/.ssh/config (replaced on re-runs),",
            "records the host key in ~/.ssh/known_hosts once accepted (--yes accepts a host not seen before;",
            "a changed key is always refused), and adds the key to a running ssh-agent.",
            "Where port 22 is blocked, gitlab.com's altssh.gitlab.com:443 is used instead; another port that",
            "does not answer is refused before anything is written."})
final class SshKeyConfigureCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "configure";

    @Mixin
    PrivateKeyOption key = new PrivateKeyOption();

    @Option(names = "--passphrase-file", paramLabel = "F", description = "The key's passphrase (first line), for the agent.")
    Path passphraseFile;

    SshKeyConfigureCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        AccessTarget access = access();
        SshEndpoint wanted = access.ssh(optionalClient()).endpoint();
        Path keyFile = key.or(access.defaultKeyFile(wanted));
        try (Secret passphrase = readPassphrase(passphraseFile)) {
            SshKey privateKey = SshKeyFiles.read(keyFile, passphrase);
            SshSetup.Result result = new SshSetup(ctx.env(), sshLookup(), hostKeyDecision(),
                    SshEndpointChooser.KNOWN_ALTERNATIVES, Locale.ENGLISH)
                    .configure(wanted, privateKey, passphrase, access.url().toString());
            result.notices().forEach(this::warn);
            SshEndpoint endpoint = result.endpoint();
            say((result.configChanged() ? "Updated " : "Already up to date: ") + result.configFile()
                    + " (block for " + endpoint.alias() + ").");
            say("Host key of " + endpoint.knownHostsName() + ": " + result.hostKeyFingerprint()
                    + " (in ~/.ssh/known_hosts).");
            if (result.agent() == SshAgent.Result.ADDED) {
                say("Added the key to your ssh-agent.");
            }
            if (json()) {
                printJson(new Document(new Endpoint(endpoint.alias(), endpoint.hostName(), endpoint.port()),
                        new SshConfig(result.configFile().toString(), result.configChanged(), result.configNotices()),
                        new HostKey(result.hostKeyFingerprint(), SshCheckResult.Outcome.OK), result.agent()));
            }
            return ExitCodes.OK;
        }
    }

    /** The JSON document: where SSH goes, the block, the host key, the agent. */
    private record Document(Endpoint endpoint, SshConfig sshConfig, HostKey hostKey, SshAgent.Result agent) {
    }

    private record Endpoint(String host, String hostName, int port) {
    }

    private record SshConfig(String file, boolean changed, List<String> notices) {
    }

    private record HostKey(String fingerprint, SshCheckResult.Outcome outcome) {
    }

    /** A client when a token was given (to discover the SSH endpoint); none otherwise. */
    private GitLabClient optionalClient() {
        if (!tokenGiven() || (global().sshHost() != null && global().sshPort() != null)) {
            return null;
        }
        try {
            return instance().client(requireToken(SetupMethod.SSH));
        } catch (ProblemException e) {
            if (e.kind() == ProblemKind.NETWORK) {
                throw e;
            }
            return null;
        }
    }
}
