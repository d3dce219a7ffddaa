package org.gitlabaccess.core.setup;

import org.gitlabaccess.core.WireId;

/** What kind of change a step made or plans: its JSON id and the wizard's text for it. */
public enum ChangeKind implements WireId {
    FILE_CREATED,
    KEY_REUSED,
    GITLAB_KEY_ADDED,
    SSH_CONFIG_BLOCK,
    KNOWN_HOST_ADDED,
    TOKEN_REVOKED,
    REMOTE_REWRITTEN,
    GIT_CONFIG,
    CREDENTIAL_STORED,
    PLAINTEXT_REMOVED;

    @Override
    public String id() {
        return WireId.of(this);
    }

    /** The key of the wizard's sentence for this kind ("Create", "Change the remote"). */
    public String messageKey() {
        return "change." + id();
    }

    @Override
    public String toString() {
        return id();
    }
}
