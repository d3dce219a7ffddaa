package org.gitlabaccess.core.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/** Reuses the host's key when it exists (proving its passphrase), else creates one. */
public final class SshKeyStep extends IdentifiedStep {
    public SshKeyStep() {
        super(StepId.SSH_KEY);
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SetupRequest r = state.request();
        Path file = r.keyFileFor(state.endpoint());
        if (Files.exists(file)) {
            progress.update(state.texts().get("setup.ssh-key.progress.open"), 0.3);
            state.key = SshKeyFiles.read(file, r.keyPassphrase());
            return StepOutcome.unchanged(id(), state.texts().get("setup.ssh-key.reused", file, state.key.fingerprint()),
                    new StepDetails.KeyReused(file.toString(), state.key.fingerprint()));
        }
        progress.update(state.texts().get("setup.ssh-key.progress.create"), 0.3);
        state.key = SshKeyFiles.create(file, r.keyComment(), r.keyPassphrase());
        return StepOutcome.changed(id(), state.texts().get("setup.ssh-key.created", file, state.key.fingerprint()),
                List.of(new Change(ChangeKind.FILE_CREATED, file.toString(), null, state.key.fingerprint()),
                        new Change(ChangeKind.FILE_CREATED, state.key.publicKeyFile().toString(), null, null)),
                new StepDetails.KeyCreated(file.toString(), state.key.fingerprint(), state.key.encrypted()));
    }

    @Override
    public List<Change> plan(SetupState state) {
        SetupRequest r = state.request();
        Path file = r.keyFileFor(state.endpoint());
        return Files.exists(file) ? List.of(new Change(ChangeKind.KEY_REUSED, file.toString(), null, null))
                : List.of(new Change(ChangeKind.FILE_CREATED, file.toString(), null,
                        r.keyPassphrase() != null && !r.keyPassphrase().isEmpty()
                                ? state.texts().get("setup.ssh-key.plan.new.passphrase")
                                : state.texts().get("setup.ssh-key.plan.new")));
    }
}
