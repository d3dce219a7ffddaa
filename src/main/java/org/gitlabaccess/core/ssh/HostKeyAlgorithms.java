package org.gitlabaccess.core.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.signature.BuiltinSignatures;

/**
 * The host key algorithms the product offers, in the order OpenSSH offers them: the configured
 * {@code HostKeyAlgorithms}, and, where OpenSSH reorders (see {@link SshConfigLookup}), the
 * algorithms whose key type is already recorded
 * for the host first, each group in the configured order. Since the server takes the first of the
 * client's algorithms it supports, the key negotiated is the one OpenSSH would be shown.
 * Certificate algorithms are left out: the product checks plain host keys only.
 */
public final class HostKeyAlgorithms {
    private static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    private HostKeyAlgorithms() {
    }

    /**
     * The algorithms to offer, MINA-supported ones only, in OpenSSH's order for this host.
     *
     * @param reordered whether OpenSSH puts the recorded key types first for this configuration
     *     ({@link SshConfigLookup.Effective#reordersHostKeyAlgorithms})
     */
    public static List<String> offered(List<String> configured, boolean reordered, Set<String> recordedKeyTypes) {
        List<String> usable = configured.stream().filter(HostKeyAlgorithms::supported).toList();
        if (!reordered) {
            return usable;
        }
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String alg : usable) {
            (recordedKeyTypes.contains(keyType(alg)) ? first : last).add(alg);
        }
        first.addAll(last);
        return first;
    }

    /** The key type an algorithm signs with: RSA's three algorithms share {@code ssh-rsa}. */
    static String keyType(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-256", "rsa-sha2-512" -> "ssh-rsa";
            default -> algorithm;
        };
    }

    private static boolean supported(String algorithm) {
        if (algorithm.endsWith(CERT_SUFFIX)) {
            return false;
        }
        BuiltinSignatures s = BuiltinSignatures.fromFactoryName(algorithm);
        return s != null && s.isSupported();
    }
}
