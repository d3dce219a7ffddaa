package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gitlabaccess.core.io.Redactor;

/** Tells what a configured helper value is, the way git runs it. */
public final class HelperClassifier {
    private static final Set<String> SECURE = Set.of("manager", "manager-core", "osxkeychain", "wincred",
            "libsecret", "gnome-keyring");

    private final Path home;

    /** @param home the user's home: {@code store} writes {@code ~/.git-credentials} by default */
    public HelperClassifier(Path home) {
        this.home = home;
    }

    public HelperEntry classify(String scope, String origin, String key, String value) {
        String v = value == null ? "" : value.strip();
        String shown = Redactor.redact(v);
        if (v.isEmpty()) {
            return new HelperEntry(scope, origin, key, HelperKind.RESET, "", "", Optional.empty());
        }
        if (v.startsWith("!")) {
            // A shell snippet: only recognisable when it runs the store helper itself.
            boolean store = v.contains("credential-store") || v.matches("(?s).*\\bgit\\s+credential\\s+store\\b.*");
            return new HelperEntry(scope, origin, key, store ? HelperKind.PLAINTEXT : HelperKind.UNKNOWN, "!shell",
                    shown, store ? Optional.of(home.resolve(".git-credentials")) : Optional.empty());
        }
        List<String> words = words(v);
        String name = programName(words.get(0));
        HelperKind kind;
        Optional<Path> file = Optional.empty();
        if (SECURE.contains(name)) {
            kind = HelperKind.SECURE;
        } else if (name.equals("cache")) {
            kind = HelperKind.EPHEMERAL;
        } else if (name.equals("store")) {
            kind = HelperKind.PLAINTEXT;
            file = Optional.of(storeFile(words));
        } else {
            kind = HelperKind.UNKNOWN;
        }
        return new HelperEntry(scope, origin, key, kind, name, shown, file);
    }

    /** {@code git credential-NAME}, {@code /path/to/git-credential-NAME(.exe)} or a plain program name → NAME. */
    static String programName(String first) {
        String n = first.replace('\\', '/');
        int slash = n.lastIndexOf('/');
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        n = n.toLowerCase(Locale.ROOT);
        if (n.endsWith(".exe")) {
            n = n.substring(0, n.length() - 4);
        }
        if (n.startsWith("git-credential-")) {
            n = n.substring("git-credential-".length());
        }
        return n;
    }

    private Path storeFile(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--file=")) {
                return expand(w.substring("--file=".length()));
            }
            if (w.equals("--file") && i + 1 < words.size()) {
                return expand(words.get(i + 1));
            }
        }
        return home.resolve(".git-credentials");
    }

    private Path expand(String p) {
        return p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
    }

    /** Splits as a POSIX shell would for simple words, single and double quotes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /** Quotes a word for the shell git runs helpers with, when it needs quoting. */
    static String shellQuote(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
