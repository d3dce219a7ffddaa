package org.gitlabaccess.core.setup;

import org.gitlabaccess.core.WireId;

/** The steps of both methods, by the ids the JSON document and the wizard's texts use. */
public enum StepId implements WireId {
    SIGN_IN,
    SSH_KEY,
    UPLOAD_KEY,
    SSH_CONFIG,
    CREDENTIAL_HELPER,
    STORE_TOKEN,
    CLEAN_STALE_COPIES,
    REWRITE_REMOTES,
    VERIFY_SSH,
    VERIFY_REPOSITORIES,
    VERIFY_HTTPS,
    REVOKE_TOKEN;

    @Override
    public String id() {
        return WireId.of(this);
    }

    /** A step that proves access rather than changing anything. */
    public boolean verifies() {
        return this == VERIFY_SSH || this == VERIFY_REPOSITORIES || this == VERIFY_HTTPS;
    }

    @Override
    public String toString() {
        return id();
    }
}
