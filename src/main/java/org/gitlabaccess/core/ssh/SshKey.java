package org.gitlabaccess.core.ssh;

import java.nio.file.Path;
import java.security.PublicKey;

/**
 * A key pair on disk: its private key file, its public key line, type and fingerprint. The private
 * key itself is not held here; it is read only when a connection needs it.
 */
public record SshKey(Path privateKeyFile, Path publicKeyFile, PublicKey publicKey, String publicKeyLine,
                     String type, int bits, String fingerprint, String comment, boolean encrypted) {

    /** The public key line GitLab's API takes: type, base64 and comment. */
    public String authorizedKeyLine() {
        return publicKeyLine;
    }
}
