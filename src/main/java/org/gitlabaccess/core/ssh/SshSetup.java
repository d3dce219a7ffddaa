package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.UserHome;

/**
 * Points SSH at a key, in the one order the wizard and the command line share: a reachable port
 * (gitlab.com's alternative where 22 is blocked), a block that can be written, OpenSSH's view of it,
 * a trusted host key, and only then the ~/.ssh/config block and the agent. Whatever fails first
 * leaves ~/.ssh/config and known_hosts as they were.
 */
public final class SshSetup {
    private static final Duration PORT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(15);

    private final Environment env;
    private final SshConfigLookup lookup;
    private final HostKeyDecision decision;
    private final Map<String, SshEndpoint> alternatives;
    private final Locale locale;

    public SshSetup(Environment env, SshConfigLookup lookup, HostKeyDecision decision,
                    Map<String, SshEndpoint> alternatives, Locale locale) {
        this.env = env;
        this.lookup = lookup;
        this.decision = decision;
        this.alternatives = alternatives;
        this.locale = locale;
    }

    /**
     * What was done.
     *
     * @param endpoint where SSH goes now (the alternative when {@code usedAlternative})
     * @param configNotices what writing the block noticed in ~/.ssh/config (also in {@code notices})
     * @param notices every warning for the user, in the caller's language, in the order they arose
     */
    public record Result(SshEndpoint wanted, SshEndpoint endpoint, boolean usedAlternative, String hostKeyFingerprint,
                         Path knownHostsFile, boolean knownHostAdded, Path configFile, boolean configChanged,
                         List<String> configNotices, SshAgent.Result agent, List<String> notices) {
        public Result {
            configNotices = List.copyOf(configNotices);
            notices = List.copyOf(notices);
        }
    }

    /** The configure sequence for {@code key} towards {@code wanted}, the block marked as {@code instanceRoot}'s. */
    public Result configure(SshEndpoint wanted, SshKey key, Secret passphrase, String instanceRoot) {
        List<String> notices = new ArrayList<>();
        var choice = new SshEndpointChooser(alternatives, PORT_TIMEOUT).choose(wanted);
        if (!choice.reachable()) {
            throw ProblemException.of(ProblemKind.NETWORK, "ssh-port-blocked",
                    Text.of("error.ssh-port-blocked.now", wanted), Text.of("error.ssh-port-blocked.hint"));
        }
        SshEndpoint endpoint = choice.endpoint();
        if (choice.usedAlternative()) {
            notices.add(Text.of("ssh.setup.alternative", String.valueOf(wanted.port()), wanted.hostName(),
                    endpoint.hostName() + ":" + endpoint.port()).in(locale));
        }
        Path home = UserHome.resolve(env);
        // OpenSSH expands ~ from the password database, which the JVM reports as user.home; when HOME
        // points elsewhere (a sandbox, a helpdesk run for another home) the block uses full paths.
        Path accountHome = env.property("user.home").map(Path::of).orElse(home);
        var block = new SshConfigBlock.Settings(endpoint, key.privateKeyFile(), accountHome, env.isMac(), instanceRoot);
        SshConfigBlock.render(block, "\n"); // refuses what cannot be written, before anything is touched
        SshConfigLookup.Effective effective = lookup.forEndpoint(endpoint);
        if (effective.refusedByOpenSsh()) {
            throw SshConfigProblems.refused(effective);
        }
        effective.notice().ifPresent(notices::add);
        Path knownHosts = KnownHosts.of(effective).file();
        String knownBefore = readOrEmpty(knownHosts);
        SshCheckResult hostKey;
        try (SshAccessCheck check = new SshAccessCheck(decision, SSH_TIMEOUT)) {
            hostKey = check.hostKey(effective);
        }
        if (!hostKey.ok()) {
            throw SshCheckProblems.of(hostKey);
        }
        boolean knownHostAdded = !knownBefore.equals(readOrEmpty(knownHosts));
        Path config = home.resolve(".ssh").resolve("config");
        var edit = SshConfigBlock.writeTo(config, block, new AtomicFile());
        notices.addAll(edit.notices());
        SshAgent.Result agent = new SshAgent(env).add(key.privateKeyFile(), passphrase);
        if (agent == SshAgent.Result.NO_AGENT && key.encrypted()) {
            notices.add(Text.of("ssh.setup.agent.none").in(locale));
        } else if (agent == SshAgent.Result.NO_SSH_ADD || agent == SshAgent.Result.FAILED) {
            notices.add(Text.of("ssh.setup.agent.failed", key.privateKeyFile()).in(locale));
        }
        return new Result(wanted, endpoint, choice.usedAlternative(), hostKey.hostKeyFingerprint(), knownHosts,
                knownHostAdded, config, edit.changed(), edit.notices(), agent, notices);
    }

    /** The file's text, to tell whether the host key check recorded a key in it. */
    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
