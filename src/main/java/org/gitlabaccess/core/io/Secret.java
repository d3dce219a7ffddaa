package org.gitlabaccess.core.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A token, password or passphrase. Its {@code toString()} never shows the value. A value that cannot
 * be an ordinary word (see {@link KnownSecrets}) is known to {@link Redactor} from then on and masked
 * in any message or log line it reaches; a short passphrase is not, and is masked only by position.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
        KnownSecrets.remember(new String(value));
    }

    /** Wraps a copy of the characters, trimmed of surrounding white space (a pasted newline, say). */
    public static Secret of(char[] chars) {
        int start = 0;
        int end = chars.length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return new Secret(Arrays.copyOfRange(chars, start, end));
    }

    /** Wraps the value as it is, white space included: for passphrases, where every character counts. */
    public static Secret exact(String value) {
        return new Secret(value.toCharArray());
    }

    public static Secret of(String value) {
        return of(value.toCharArray());
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public int length() {
        return value.length;
    }

    /** The value, for the one place that must send it (an HTTP header, a credential helper's stdin). */
    public String reveal() {
        return new String(value);
    }

    public char[] revealChars() {
        return value.clone();
    }

    /** The token's kind from its prefix ({@code glpat}, {@code gloas}, ...), for messages. */
    public String kind() {
        String s = new String(value, 0, Math.min(value.length, 8));
        int dash = s.indexOf('-');
        return dash > 0 && s.startsWith("gl") ? s.substring(0, dash) : "token";
    }

    public boolean sameValueAs(Secret other) {
        return other != null && MessageDigest.isEqual(
                new String(value).getBytes(StandardCharsets.UTF_8),
                new String(other.value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "Secret[" + Redactor.MASK + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && sameValueAs(s);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
