package org.gitlabaccess.core.doctor;

import org.gitlabaccess.core.WireId;

/**
 * Every check, by the id scripts read in {@code doctor --json} and the wizard names its texts after.
 * Add new ones, never rename one: the wire id is spelled from the constant's name.
 */
public enum CheckId implements WireId {
    HOST_REACHABLE,
    TLS_TRUST,
    PROXY,
    TOKEN_VALID,
    SSH_PORT,
    SSH_HOST_KEY,
    SSH_KEY_PRESENT,
    SSH_KEY_REGISTERED,
    SSH_KEY_EXPIRY,
    SSH_AUTH,
    SSH_AGENT,
    CREDENTIAL_HELPER,
    GIT_CREDENTIALS_PLAINTEXT,
    NETRC_PLAINTEXT,
    REMOTE_EMBEDDED_CREDENTIALS,
    DOCKER_REGISTRY_CREDENTIALS,
    HTTPS_GIT_ACCESS,
    GIT_VERSION,
    TOKENS_EXPIRING,
    RUNNER_TOKENS,
    RUNNER_DOCKER_CREDENTIALS;

    @Override
    public String id() {
        return WireId.of(this);
    }

    /** The key of the wizard's name for this check ("Passwords in ~/.netrc"). */
    public String messageKey() {
        return "check." + id();
    }

    @Override
    public String toString() {
        return id();
    }
}
