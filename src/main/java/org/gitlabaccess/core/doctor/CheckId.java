package org.gitlabaccess.core.doctor;

/**
 * Every check's identity. The wire id is the contract: scripts read it in {@code doctor --json} and
 * the wizard names its texts after it. Add new ones, never rename a wire id.
 */
public enum CheckId {
    HOST_REACHABLE("host-reachable"),
    TLS_TRUST("tls-trust"),
    PROXY("proxy"),
    TOKEN_VALID("token-valid"),
    SSH_PORT("ssh-port"),
    SSH_HOST_KEY("ssh-host-key"),
    SSH_KEY_PRESENT("ssh-key-present"),
    SSH_KEY_REGISTERED("ssh-key-registered"),
    SSH_KEY_EXPIRY("ssh-key-expiry"),
    SSH_AUTH("ssh-auth"),
    SSH_AGENT("ssh-agent"),
    CREDENTIAL_HELPER("credential-helper"),
    GIT_CREDENTIALS_PLAINTEXT("git-credentials-plaintext"),
    NETRC_PLAINTEXT("netrc-plaintext"),
    REMOTE_EMBEDDED_CREDENTIALS("remote-embedded-credentials"),
    DOCKER_REGISTRY_CREDENTIALS("docker-registry-credentials"),
    HTTPS_GIT_ACCESS("https-git-access"),
    GIT_VERSION("git-version"),
    TOKENS_EXPIRING("tokens-expiring");

    private final String wire;

    CheckId(String wire) {
        this.wire = wire;
    }

    /** The id as {@code doctor --json} and the wizard's {@code check.<id>} texts spell it. */
    public String wire() {
        return wire;
    }
}
