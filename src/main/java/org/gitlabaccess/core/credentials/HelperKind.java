package org.gitlabaccess.core.credentials;

/** How safely a credential helper keeps a token. */
public enum HelperKind {
    /** The operating system's encrypted store: Git Credential Manager, Keychain, Windows Credential Manager, libsecret. */
    SECURE,
    /** In memory for a while ({@code cache}): safe, but gone after the timeout or a restart. */
    EPHEMERAL,
    /** A file anyone who can read the home can read ({@code store}). */
    PLAINTEXT,
    /** A script or program this product does not know: it may write the token anywhere. */
    UNKNOWN,
    /** An empty value: git forgets the helpers configured before it. */
    RESET
}
