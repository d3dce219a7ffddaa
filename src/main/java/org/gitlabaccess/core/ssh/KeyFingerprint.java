package org.gitlabaccess.core.ssh;

import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/** SHA-256 fingerprints exactly as {@code ssh-keygen -l} prints them: {@code SHA256:<base64, no padding>}. */
public final class KeyFingerprint {
    private KeyFingerprint() {
    }

    public static String sha256(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** Without the {@code SHA256:} prefix, as GitLab's API stores it. */
    public static String sha256Bare(PublicKey key) {
        String fp = sha256(key);
        return fp.startsWith("SHA256:") ? fp.substring(7) : fp;
    }
}
