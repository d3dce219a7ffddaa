package org.gitlabaccess.core.ssh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host-names field of a known_hosts line, matched as OpenSSH matches it: a comma-separated
 * list of patterns with {@code *} and {@code ?}, where a matching {@code !pattern} excludes the
 * line whatever else matches, and a list with only negated patterns matches nothing; or one hashed
 * name {@code |1|salt|hmac} (HMAC-SHA1 of the name keyed by the salt). Names are compared in lower case.
 */
final class KnownHostsNames {
    private static final String HASH_MAGIC = "|1|";
    private static final int SALT_LENGTH = 20;

    private KnownHostsNames() {
    }

    /** Whether the field names the host (its known_hosts name: {@code host} or {@code [host]:port}). */
    static boolean matches(String field, String name) {
        String host = name.toLowerCase(Locale.ROOT);
        if (field.startsWith("|")) {
            return matchesHashed(field, host);
        }
        boolean positive = false;
        for (String pattern : field.split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            String p = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
            if (wildcardMatch(p, host)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /** The hashed form OpenSSH writes with {@code HashKnownHosts yes}, with a fresh random salt. */
    static String hashed(String name) {
        byte[] salt = new byte[SALT_LENGTH];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return HASH_MAGIC + b64.encodeToString(salt) + "|" + b64.encodeToString(hmac(salt, name));
    }

    private static boolean matchesHashed(String field, String host) {
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
            return salt.length == SALT_LENGTH && MessageDigest.isEqual(expected, hmac(salt, host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /**
     * {@code *} any run of characters, {@code ?} any one character, everything else literally; the
     * classic single-backtrack walk, linear in practice whatever a hostile line holds.
     */
    private static boolean wildcardMatch(String p, String s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int resume = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || (p.charAt(pi) != '*' && p.charAt(pi) == s.charAt(si)))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
