package org.gitlabaccess.core.io;

/**
 * Tells a token from a word by its shape. A token is long and random: letters of both cases and
 * digits interleaved. A word, a name or a passphrase of words is not, and must never be masked
 * wherever it appears (a passphrase {@code gitlab} would otherwise eat {@code gitlab.com}).
 */
final class TokenShape {
    /** Shorter values are never taken for tokens nor remembered by value. */
    static final int MIN_LENGTH = 20;

    private TokenShape() {
    }

    /** A random-looking string of token characters, such as an OAuth token, a hex or base64 secret. */
    static boolean looksRandom(String s) {
        if (s.length() < MIN_LENGTH || !s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || "_-.~+/=".indexOf(c) >= 0))) {
            return false;
        }
        int transitions = 0;
        int previous = -1;
        for (int i = 0; i < s.length(); i++) {
            int kind = kind(s.charAt(i));
            if (kind < 0) {
                continue;
            }
            if (previous >= 0 && kind != previous) {
                transitions++;
            }
            previous = kind;
        }
        return classes(s) >= 2 && distinct(s) >= 10 && transitions >= Math.max(5, s.length() / 4);
    }

    /**
     * Whether a secret may be remembered and masked by its value wherever it appears: long, without
     * white space, of at least two kinds of characters and eight different ones. A passphrase that
     * could be a word or a phrase is not, and is masked only where it stands (a URL, a header, a field).
     */
    static boolean rememberable(String s) {
        return s != null && s.length() >= MIN_LENGTH && s.chars().noneMatch(Character::isWhitespace)
                && (classes(s) + (s.chars().anyMatch(c -> kind((char) c) < 0) ? 1 : 0)) >= 2 && distinct(s) >= 8;
    }

    /** The tail of a prefixed token ({@code glpat-...}): random ones have a digit or a capital. */
    static boolean hasMixedClasses(String tail) {
        return tail.chars().anyMatch(c -> Character.isDigit(c) || Character.isUpperCase(c));
    }

    private static int kind(char c) {
        if (c >= 'a' && c <= 'z') {
            return 0;
        }
        if (c >= 'A' && c <= 'Z') {
            return 1;
        }
        return c >= '0' && c <= '9' ? 2 : -1;
    }

    private static int classes(String s) {
        boolean[] seen = new boolean[3];
        s.chars().forEach(c -> {
            int k = kind((char) c);
            if (k >= 0) {
                seen[k] = true;
            }
        });
        return (seen[0] ? 1 : 0) + (seen[1] ? 1 : 0) + (seen[2] ? 1 : 0);
    }

    private static int distinct(String s) {
        return (int) s.chars().distinct().count();
    }
}
