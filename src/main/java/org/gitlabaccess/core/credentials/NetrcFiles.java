package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * {@code ~/.netrc} and {@code ~/_netrc}, which curl (and so git over HTTPS) reads: finds and removes
 * the {@code machine <host>} entries. Tokens are separated by any white space, so an entry may span
 * lines or share one; {@code default}, other machines, comments and {@code macdef} blocks (a macro
 * body runs to the next empty line) are kept byte for byte. No backup is made: it would be one more
 * copy of the secrets.
 */
public final class NetrcFiles implements PlaintextStore {
    private final Path home;
    private final AtomicFile files;

    public NetrcFiles(Path home, AtomicFile files) {
        this.home = home;
        this.files = files;
    }

    @Override
    public List<Path> files() {
        return List.of(home.resolve(".netrc"), home.resolve("_netrc"));
    }

    @Override
    public List<PlaintextFinding> find(GitHost host) {
        List<PlaintextFinding> out = new ArrayList<>();
        for (Path file : files()) {
            String text = read(file);
            if (text != null) {
                for (Entry e : entries(text, host)) {
                    out.add(e.finding(file, host));
                }
            }
        }
        return out;
    }

    @Override
    public List<PlaintextFinding> remove(GitHost host) {
        List<PlaintextFinding> removed = new ArrayList<>();
        for (Path file : files()) {
            String text = read(file);
            if (text == null || entries(text, host).isEmpty()) {
                continue; // nothing to remove: the file is not even locked
            }
            List<Entry> found = new ArrayList<>();
            try {
                // Parsed again under the lock: an entry another program added meanwhile is kept.
                files.update(file, current -> {
                    found.clear();
                    if (current.isEmpty()) {
                        return null;
                    }
                    // Latin-1: one char per byte, so what is kept is written back byte for byte.
                    String locked = new String(current.get(), StandardCharsets.ISO_8859_1);
                    found.addAll(entries(locked, host));
                    return found.isEmpty() ? null : without(locked, found).getBytes(StandardCharsets.ISO_8859_1);
                }, AtomicFile.Options.ownerOnly());
            } catch (IOException ex) {
                throw GitCredentialsFiles.unwritable(file, ex);
            }
            found.forEach(e -> removed.add(e.finding(file, host)));
        }
        return removed;
    }

    private static String without(String text, List<Entry> found) {
        StringBuilder kept = new StringBuilder();
        int pos = 0;
        for (Entry e : found) {
            kept.append(text, pos, e.removeFrom);
            pos = e.removeTo;
        }
        return kept.append(text.substring(pos)).toString();
    }

    private static String read(Path file) {
        try {
            // Latin-1: one char per byte, so what is kept is written back byte for byte.
            return BoundedFiles.readIfPresent(file, BoundedFiles.CONFIG_LIMIT)
                    .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).orElse(null);
        } catch (BoundedFiles.RefusedFileException e) {
            return null; // not opened; reported by refused()
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "unreadable",
                    Text.of("error.unreadable", file, e.getMessage()), Text.of("error.unreadable.hint"), e);
        }
    }

    /** A token with its place in the text. */
    record Token(String text, int start, int end, int line) {
    }

    /** A machine entry for the host, with the range of text to cut. */
    record Entry(int line, Optional<String> login, int removeFrom, int removeTo) {
        PlaintextFinding finding(Path file, GitHost host) {
            return new PlaintextFinding(PlaintextFinding.Source.NETRC, file, line, host.host(), login);
        }
    }

    static List<Entry> entries(String text, GitHost host) {
        List<Token> tokens = tokens(text);
        List<Entry> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.text().equals("machine")) {
                i++;
                continue;
            }
            String name = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
            int j = i + 2;
            Optional<String> login = Optional.empty();
            Token last = i + 1 < tokens.size() ? tokens.get(i + 1) : t;
            while (j < tokens.size() && !isEntryStart(tokens.get(j).text())) {
                if (tokens.get(j).text().equals("login") && j + 1 < tokens.size()) {
                    login = Optional.of(new String(tokens.get(j + 1).text().getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
                }
                last = tokens.get(Math.min(j + 1, tokens.size() - 1));
                j += 2; // keyword and value
            }
            if (name.equalsIgnoreCase(host.host())) {
                int from = t.start();
                int lineStart = text.lastIndexOf('\n', from - 1) + 1;
                boolean ownsLineStart = text.substring(lineStart, from).isBlank();
                int to = last.end();
                int lineEnd = text.indexOf('\n', to);
                String restOfLine = lineEnd < 0 ? text.substring(to) : text.substring(to, lineEnd);
                if (restOfLine.isBlank()) {
                    if (ownsLineStart) {
                        from = lineStart;
                        to = lineEnd < 0 ? text.length() : lineEnd + 1;
                    }
                } else {
                    // Another entry goes on on the same line: cut up to it.
                    to = j < tokens.size() ? tokens.get(j).start() : to;
                }
                out.add(new Entry(t.line(), login, from, to));
            }
            i = j;
        }
        return out;
    }

    private static boolean isEntryStart(String token) {
        return token.equals("machine") || token.equals("default") || token.equals("macdef");
    }

    /** Splits into tokens; skips {@code #} comments and the bodies of {@code macdef} blocks. */
    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < n && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                int start = pos;
                StringBuilder value = new StringBuilder();
                if (c == '"') {
                    pos++;
                    while (pos < n && text.charAt(pos) != '"') {
                        if (text.charAt(pos) == '\\' && pos + 1 < n) {
                            pos++;
                        }
                        if (text.charAt(pos) == '\n') {
                            line++;
                        }
                        value.append(text.charAt(pos++));
                    }
                    pos = Math.min(n, pos + 1);
                } else {
                    while (pos < n && !Character.isWhitespace(text.charAt(pos))) {
                        value.append(text.charAt(pos++));
                    }
                }
                Token token = new Token(value.toString(), start, pos, line);
                out.add(token);
                if (out.size() >= 2 && out.get(out.size() - 2).text().equals("macdef")
                        && out.get(out.size() - 2) != token) {
                    // The macro body runs from the next line to the first empty line.
                    int bodyEnd = text.indexOf("\n\n", pos);
                    int bodyEndCr = text.indexOf("\n\r\n", pos);
                    if (bodyEndCr >= 0 && (bodyEnd < 0 || bodyEndCr < bodyEnd)) {
                        bodyEnd = bodyEndCr + 1;
                    }
                    int stop = bodyEnd < 0 ? n : bodyEnd + 1;
                    for (int k = pos; k < stop; k++) {
                        if (text.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    pos = stop;
                }
            }
        }
        return out;
    }
}
