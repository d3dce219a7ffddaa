package org.gitlabaccess.core.ssh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host-names field of a known_hosts line, matched as OpenSSH matches it: a comma-separated
 * list of patterns ({@link HostPatterns#matchesList}: a matching {@code !pattern} excludes the line
 * whatever else matches), or one hashed name {@code |1|salt|hmac} (HMAC-SHA1 of the lower-case
 * name keyed by the salt).
 */
final class KnownHostsNames {
    private static final String HASH_MAGIC = "|1|";
    private static final int SALT_LENGTH = 20;

    private KnownHostsNames() {
    }

    /** Whether the field names the host (its known_hosts name: {@code host} or {@code [host]:port}). */
    static boolean matches(String field, String name) {
        return matcher(name).test(field);
    }

    /** {@link #matches} for one name over many lines: one HMAC instance for all the hashed ones. */
    static Predicate<String> matcher(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        Mac[] mac = new Mac[1];
        return field -> {
            if (!field.startsWith("|")) {
                return HostPatterns.matchesList(field, host);
            }
            if (mac[0] == null) {
                mac[0] = hmacSha1();
            }
            return matchesHashed(mac[0], field, host);
        };
    }

    /** The hashed form OpenSSH writes with {@code HashKnownHosts yes}, with a fresh random salt. */
    static String hashed(String name) {
        byte[] salt = new byte[SALT_LENGTH];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        // Lower case, as OpenSSH writes and as matches() compares: else the line never matches again.
        return HASH_MAGIC + b64.encodeToString(salt) + "|"
                + b64.encodeToString(hmac(hmacSha1(), salt, name.toLowerCase(Locale.ROOT)));
    }

    private static boolean matchesHashed(Mac mac, String field, String host) {
        if (!field.startsWith(HASH_MAGIC)) {
            return false;
        }
        String[] parts = field.substring(HASH_MAGIC.length()).split("\\|", -1);
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            return salt.length == SALT_LENGTH && MessageDigest.isEqual(expected, hmac(mac, salt, host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(Mac mac, byte[] salt, String name) {
        try {
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HmacSHA1 key of any length is valid", e);
        }
    }

    private static Mac hmacSha1() {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
