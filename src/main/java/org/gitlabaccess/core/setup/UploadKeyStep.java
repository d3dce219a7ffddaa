package org.gitlabaccess.core.setup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.gitlabaccess.core.gitlab.SshKeyUploader;

/** Registers the key on the account, unless it is there already. */
public final class UploadKeyStep extends IdentifiedStep {
    public UploadKeyStep() {
        super(StepId.UPLOAD_KEY);
    }

    @Override
    public List<Change> plan(SetupState state) {
        LocalDate today = LocalDate.now(state.request().clock().withZone(ZoneOffset.UTC));
        return List.of(new Change(ChangeKind.GITLAB_KEY_ADDED, state.instance().root() + " (@" + state.verdict().username() + ")",
                null, state.texts().get("setup.upload-key.plan", today.plusDays(state.request().site().keyExpiryDays()
                .orElse(SshKeyUploader.DEFAULT_EXPIRY_DAYS)))));
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SetupRequest r = state.request();
        LocalDate today = LocalDate.now(r.clock().withZone(ZoneOffset.UTC));
        LocalDate expiry = today.plusDays(r.site().keyExpiryDays().orElse(SshKeyUploader.DEFAULT_EXPIRY_DAYS));
        progress.update(state.texts().get("setup.upload-key.progress"), 0.5);
        var registered = new SshKeyUploader().upload(state.client(), state.key(),
                SshKeyUploader.defaultTitle(r.machineName(), today), expiry);
        StepDetails.KeyUploaded details = new StepDetails.KeyUploaded(registered.id(), registered.title(), String.valueOf(registered.expiresAt()));
        if (registered.alreadyThere()) {
            return StepOutcome.unchanged(id(), state.texts().get("setup.upload-key.already", state.verdict().username()),
                    details);
        }
        return StepOutcome.changed(id(), state.texts().get("setup.upload-key.uploaded", state.verdict().username(),
                expiry), List.of(new Change(ChangeKind.GITLAB_KEY_ADDED, state.instance().root() + " key "
                + registered.id(), null, state.key().fingerprint())), details);
    }
}
