package org.gitlabaccess.core.credentials;

import org.gitlabaccess.core.WireId;

/** How safely a credential helper keeps a token. */
public enum HelperKind implements WireId {
    /** The operating system's encrypted store: Git Credential Manager, Keychain, Windows Credential Manager, libsecret. */
    SECURE,
    /** In memory for a while ({@code cache}): safe, but gone after the timeout or a restart. */
    EPHEMERAL,
    /** A file anyone who can read the home can read ({@code store}). */
    PLAINTEXT,
    /** A script or program this product does not know: it may write the token anywhere. */
    UNKNOWN,
    /** An empty value: git forgets the helpers configured before it. */
    RESET;

    @Override
    public String id() {
        return WireId.of(this);
    }
}
