package org.gitlabaccess.core.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenSSH's host patterns ({@code match.c}): {@code *} is any run of characters, {@code ?} one
 * character, a leading {@code !} negates. Nothing else is special: {@code [}, {@code {} and
 * {@code .} are plain characters, so a pattern copied from a user's file can never fail to compile
 * or take exponential time (no regular expression is ever built from it).
 */
public final class HostPatterns {
    private HostPatterns() {
    }

    /**
     * A {@code Host} line's arguments: whitespace-separated patterns (a comma is an ordinary
     * character there). Compared as written, case-sensitively, as OpenSSH compares them with the
     * host as typed. True when some pattern matches and no negated one does.
     */
    public static boolean matchesHostLine(String arguments, String host) {
        return matchesAny(words(arguments), host, false);
    }

    /**
     * A comma-separated pattern list ({@code Match host}, {@code known_hosts}); the patterns are
     * compared case-insensitively.
     */
    public static boolean matchesList(String commaList, String host) {
        return matchesAny(List.of(commaList.split(",", -1)), host, true);
    }

    private static boolean matchesAny(List<String> patterns, String host, boolean ignoreCase) {
        String h = ignoreCase ? host.toLowerCase(Locale.ROOT) : host;
        boolean positive = false;
        for (String raw : patterns) {
            if (raw.isEmpty()) {
                continue;
            }
            boolean negated = raw.charAt(0) == '!';
            String p = negated ? raw.substring(1) : raw;
            if (ignoreCase) {
                p = p.toLowerCase(Locale.ROOT);
            }
            if (glob(p, h)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /** {@code *} and {@code ?} only; the greedy two-pointer walk is linear in practice and never backtracks badly. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The arguments of a configuration line as OpenSSH splits them: whitespace, double quotes grouping. */
    public static List<String> words(String arguments) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
