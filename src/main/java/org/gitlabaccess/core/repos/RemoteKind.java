package org.gitlabaccess.core.repos;

/** What a remote URL is, for the GitLab instance in use (the contract's {@code kind}). */
public enum RemoteKind {
    HTTPS("https"),
    HTTPS_EMBEDDED_CREDENTIALS("https-embedded-credentials"),
    SSH("ssh"),
    OTHER_HOST("other-host");

    private final String id;

    RemoteKind(String id) {
        this.id = id;
    }

    /** The stable id used in JSON and tables. */
    public String id() {
        return id;
    }

    public boolean onInstance() {
        return this != OTHER_HOST;
    }
}
