package org.gitlabaccess.core.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshEndpointChooser;
import org.gitlabaccess.core.ssh.SshSetup;

/** The ~/.ssh/config block, the host key in known_hosts, and the key in the agent ({@link SshSetup}). */
public final class ConfigureSshStep extends IdentifiedStep {
    private final Map<String, SshEndpoint> alternatives;

    public ConfigureSshStep(Map<String, SshEndpoint> alternatives) {
        super(StepId.SSH_CONFIG);
        this.alternatives = alternatives;
    }

    public ConfigureSshStep() {
        this(SshEndpointChooser.KNOWN_ALTERNATIVES);
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
        SshSetup.Result result = new SshSetup(r.env(), state.sshLookup(), r.hostKeyDecision(), alternatives, r.locale())
                .configure(state.endpoint(), state.key(), r.keyPassphrase(), state.instance().root());
        state.endpoint = result.endpoint(); // the alternative, when the port check took it
        state.warnings().addAll(result.notices());
        List<Change> changes = new ArrayList<>();
        if (result.knownHostAdded()) {
            changes.add(new Change(ChangeKind.KNOWN_HOST_ADDED, result.knownHostsFile().toString(), null,
                    result.endpoint().knownHostsName() + " " + result.hostKeyFingerprint()));
        }
        if (result.configChanged()) {
            changes.add(new Change(ChangeKind.SSH_CONFIG_BLOCK, result.configFile().toString(), null,
                    state.texts().get("setup.ssh-config.block", result.endpoint().alias())));
        }
        StepDetails.SshConfigured details = new StepDetails.SshConfigured(result.endpoint().alias(), result.endpoint().hostName(), result.endpoint().port(),
                result.hostKeyFingerprint(), result.agent().id());
        String summary = state.texts().get("setup.ssh-config.done", result.endpoint().alias(), result.endpoint(),
                state.key().privateKeyFile().getFileName());
        return changes.isEmpty() ? StepOutcome.unchanged(id(), summary, details)
                : StepOutcome.changed(id(), summary, changes, details);
    }
}
