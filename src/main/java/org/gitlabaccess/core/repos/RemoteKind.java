package org.gitlabaccess.core.repos;

import org.gitlabaccess.core.WireId;

/** What a remote URL is, for the GitLab instance in use (the contract's {@code kind}). */
public enum RemoteKind implements WireId {
    HTTPS,
    HTTPS_EMBEDDED_CREDENTIALS,
    SSH,
    OTHER_HOST;

    /** The stable id used in JSON and tables. */
    @Override
    public String id() {
        return WireId.of(this);
    }

    public boolean onInstance() {
        return this != OTHER_HOST;
    }
}
