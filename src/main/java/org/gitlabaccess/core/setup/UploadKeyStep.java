package org.gitlabaccess.core.setup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.gitlab.SshKeyUploader;

/** Registers the key on the account, unless it is there already. */
public final class UploadKeyStep implements SetupStep {
    @Override
    public String id() {
        return "upload-key";
    }

    @Override
    public String title() {
        return "Upload key";
    }

    @Override
    public List<Change> plan(SetupState state) {
        LocalDate today = LocalDate.now(state.request().clock().withZone(ZoneOffset.UTC));
        return List.of(new Change("gitlab-key-added", state.instance().root() + " (@" + state.verdict().username() + ")",
                null, "expires " + today.plusDays(state.request().site().keyExpiryDays()
                .orElse(SshKeyUploader.DEFAULT_EXPIRY_DAYS)) + ", unless already there"));
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SetupRequest r = state.request();
        LocalDate today = LocalDate.now(r.clock().withZone(ZoneOffset.UTC));
        LocalDate expiry = today.plusDays(r.site().keyExpiryDays().orElse(SshKeyUploader.DEFAULT_EXPIRY_DAYS));
        progress.update("Registering the key on GitLab", 0.5);
        var registered = new SshKeyUploader().upload(state.client(), state.key(),
                SshKeyUploader.defaultTitle(r.machineName(), today), expiry);
        Map<String, Object> details = Map.of("keyId", registered.id(), "title", registered.title(),
                "expiresAt", String.valueOf(registered.expiresAt()));
        if (registered.alreadyThere()) {
            return StepOutcome.unchanged(id(), "The key is already on @" + state.verdict().username() + "'s account.",
                    details);
        }
        return StepOutcome.changed(id(), "Uploaded the key to @" + state.verdict().username() + " (expires "
                + expiry + ").", List.of(new Change("gitlab-key-added", state.instance().root() + " key "
                + registered.id(), null, state.key().fingerprint())), details);
    }
}
