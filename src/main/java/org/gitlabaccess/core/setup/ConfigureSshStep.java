package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshAgent;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigBlock;
import org.gitlabaccess.core.ssh.SshConfigProblems;
import org.gitlabaccess.core.ssh.SshEndpointChooser;

/** The ~/.ssh/config block, the host key in known_hosts, and the key in the agent. */
public final class ConfigureSshStep implements SetupStep {
    private final java.util.Map<String, org.gitlabaccess.core.ssh.SshEndpoint> alternatives;

    public ConfigureSshStep(java.util.Map<String, org.gitlabaccess.core.ssh.SshEndpoint> alternatives) {
        this.alternatives = alternatives;
    }

    public ConfigureSshStep() {
        this(SshEndpointChooser.KNOWN_ALTERNATIVES);
    }

    @Override
    public StepId id() {
        return StepId.SSH_CONFIG;
    }

    @Override
    public List<Change> plan(SetupState state) {
        return List.of(new Change(ChangeKind.SSH_CONFIG_BLOCK, state.home().resolve(".ssh").resolve("config").toString(), null,
                        state.texts().get("setup.ssh-config.plan.block", state.endpoint().alias(), state.endpoint())),
                new Change(ChangeKind.KNOWN_HOST_ADDED, state.home().resolve(".ssh").resolve("known_hosts").toString(), null,
                        state.texts().get("setup.ssh-config.plan.host-key", state.endpoint().knownHostsName())));
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SetupRequest r = state.request();
        progress.update(state.texts().get("setup.ssh-config.progress.port"), 0.6);
        var choice = new SshEndpointChooser(alternatives, Duration.ofSeconds(5)).choose(state.endpoint());
        if (!choice.reachable()) {
            throw ProblemException.of(ProblemKind.NETWORK, "ssh-port-blocked",
                    Text.of("error.ssh-port-blocked.now", state.endpoint()), Text.of("error.ssh-port-blocked.hint"));
        }
        if (choice.usedAlternative()) {
            state.warnings.add("Port " + state.endpoint().port() + " of " + state.endpoint().hostName()
                    + " is blocked; SSH goes through " + choice.endpoint().hostName() + ":" + choice.endpoint().port()
                    + " instead.");
        }
        state.endpoint = choice.endpoint();
        Path config = state.home().resolve(".ssh").resolve("config");
        Path accountHome = r.env().property("user.home").map(Path::of).orElse(state.home());
        var block = new SshConfigBlock.Settings(state.endpoint, state.key().privateKeyFile(), accountHome,
                r.env().isMac(), state.instance().root());
        SshConfigBlock.render(block, "\n"); // refuses what cannot be written, before anything is touched
        progress.update(state.texts().get("setup.ssh-config.progress.host-key"), 0.7);
        SshConfigLookup.Effective effective = state.sshLookup().forEndpoint(state.endpoint);
        if (effective.refusedByOpenSsh()) {
            throw SshConfigProblems.refused(effective);
        }
        KnownHosts knownHosts = KnownHosts.of(effective);
        boolean knownBefore;
        SshCheckResult hostKey;
        try (SshAccessCheck check = new SshAccessCheck(r.hostKeyDecision(), Duration.ofSeconds(15))) {
            String before = read(knownHosts.file());
            hostKey = check.hostKey(effective);
            knownBefore = before.equals(read(knownHosts.file()));
        }
        if (!hostKey.ok()) {
            throw org.gitlabaccess.core.ssh.SshCheckProblems.of(hostKey);
        }
        // The host is checked before ~/.ssh/config is touched: a failed check writes nothing.
        List<Change> changes = new ArrayList<>();
        if (!knownBefore) {
            changes.add(new Change(ChangeKind.KNOWN_HOST_ADDED, knownHosts.file().toString(), null,
                    state.endpoint.knownHostsName() + " " + hostKey.hostKeyFingerprint()));
        }
        var edit = SshConfigBlock.writeTo(config, block, new AtomicFile());
        state.warnings.addAll(edit.notices());
        if (edit.changed()) {
            changes.add(new Change(ChangeKind.SSH_CONFIG_BLOCK, config.toString(), null,
                    state.texts().get("setup.ssh-config.block", state.endpoint.alias())));
        }
        SshAgent.Result agent = new SshAgent(r.env()).add(state.key().privateKeyFile(), r.keyPassphrase());
        if (agent == SshAgent.Result.NO_AGENT && state.key().encrypted()) {
            state.warnings.add("No ssh-agent is running: SSH will ask for the key's passphrase at each push.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", state.endpoint.alias());
        details.put("hostName", state.endpoint.hostName());
        details.put("port", state.endpoint.port());
        details.put("hostKeyFingerprint", hostKey.hostKeyFingerprint());
        details.put("agent", agent.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        String summary = state.texts().get("setup.ssh-config.done", state.endpoint.alias(), state.endpoint,
                state.key().privateKeyFile().getFileName());
        return changes.isEmpty() ? StepOutcome.unchanged(id(), summary, details)
                : StepOutcome.changed(id(), summary, changes, details);
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
