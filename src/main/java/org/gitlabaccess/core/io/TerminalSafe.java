package org.gitlabaccess.core.io;

/**
 * Neutralises control characters in text that came from outside (a server's answer, a file) before
 * it is printed: an escape sequence in a GitLab user name must not recolour, retitle or rewrite the
 * user's terminal. Each C0/C1 control character, DEL and the bidirectional overrides become a
 * visible {@code \\uXXXX}.
 */
public final class TerminalSafe {
    private TerminalSafe() {
    }

    /** One line: every control character escaped, line breaks included. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** Text of several lines: line feeds (and tabs) kept, every other control character escaped. */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineFeeds) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = keepLineFeeds && (c == '\n' || c == '\t');
            if (!kept && unsafe(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
