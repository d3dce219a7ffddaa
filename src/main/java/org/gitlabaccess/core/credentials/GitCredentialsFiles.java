package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.FileWriteProblems;

/**
 * The files git's {@code store} helper writes: {@code ~/.git-credentials} and
 * {@code $XDG_CONFIG_HOME/git/credentials}, one {@code https://user:secret@host[:port][/path]} URL
 * per line. Finding and removing are separate, so a check can report what removing would do.
 * Removal rewrites the file atomically, every other line byte for byte, the permissions kept, and
 * without a backup (a backup would be one more copy of the secrets).
 */
public record GitCredentialsFiles(Path home, Path xdgConfigHome, AtomicFile writer) implements PlaintextStore {

    @Override
    public List<Path> files() {
        return List.of(home.resolve(".git-credentials"), xdgConfigHome.resolve("git").resolve("credentials"));
    }

    @Override
    public List<PlaintextFinding> find(GitHost host) {
        List<PlaintextFinding> out = new ArrayList<>();
        for (Path file : files()) {
            out.addAll(scan(file, host, null));
        }
        return out;
    }

    /** Removes the host's entries from both files; returns what was removed. */
    @Override
    public List<PlaintextFinding> remove(GitHost host) {
        List<PlaintextFinding> removed = new ArrayList<>();
        for (Path file : files()) {
            if (scan(file, host, null).isEmpty()) {
                continue; // nothing to remove: the file is not even locked
            }
            List<PlaintextFinding> found = new ArrayList<>();
            try {
                // Scanned again under the lock: a line another program added meanwhile is kept.
                writer.update(file, current -> {
                    found.clear();
                    if (current.isEmpty()) {
                        return null;
                    }
                    StringBuilder kept = new StringBuilder();
                    // Latin-1 maps each byte to one char and back: the kept lines are byte for byte the same.
                    found.addAll(scanText(file, new String(current.get(), StandardCharsets.ISO_8859_1), host, kept));
                    return found.isEmpty() ? null : kept.toString().getBytes(StandardCharsets.ISO_8859_1);
                }, AtomicFile.Options.ownerOnly());
            } catch (IOException e) {
                throw unwritable(file, e);
            }
            removed.addAll(found);
        }
        return removed;
    }

    private List<PlaintextFinding> scan(Path file, GitHost host, StringBuilder kept) {
        String text;
        try {
            Optional<byte[]> bytes = BoundedFiles.readIfPresent(file, BoundedFiles.CONFIG_LIMIT);
            if (bytes.isEmpty()) {
                return List.of();
            }
            text = new String(bytes.get(), StandardCharsets.ISO_8859_1);
        } catch (BoundedFiles.RefusedFileException e) {
            return List.of(); // not opened; reported by refused()
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "unreadable",
                    Text.of("error.unreadable", file, e.getMessage()), Text.of("error.unreadable.hint"), e);
        }
        return scanText(file, text, host, kept);
    }

    private static List<PlaintextFinding> scanText(Path file, String text, GitHost host, StringBuilder kept) {
        List<PlaintextFinding> out = new ArrayList<>();
        int lineNo = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl + 1;
            String raw = text.substring(pos, end);
            lineNo++;
            Optional<Entry> entry = parse(raw.strip());
            if (entry.isPresent() && entry.get().matches(host)) {
                out.add(new PlaintextFinding(PlaintextFinding.Source.GIT_CREDENTIALS, file, lineNo, host.hostAndPort(),
                        entry.get().username()));
            } else if (kept != null) {
                kept.append(raw);
            }
            pos = end;
        }
        return out;
    }

    /** One stored URL's identifying parts (the secret is skipped, never kept). */
    record Entry(String scheme, String host, int port, Optional<String> username) {
        boolean matches(GitHost target) {
            if (!host.equals(target.host())) {
                return false;
            }
            int mine = port > 0 ? port : GitHost.defaultPort(scheme);
            boolean bothDefault = port <= 0 && target.port() <= 0;
            return mine == target.effectivePort() || bothDefault;
        }
    }

    static Optional<Entry> parse(String line) {
        int schemeEnd = line.indexOf("://");
        if (line.isEmpty() || schemeEnd <= 0) {
            return Optional.empty();
        }
        String scheme = line.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = line.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        Optional<String> user = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            String name = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = name.isEmpty() ? Optional.empty() : Optional.of(decode(name));
            authority = authority.substring(at + 1);
        }
        String hostName = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            hostName = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new Entry(scheme, decode(hostName).toLowerCase(Locale.ROOT), port, user));
    }

    private static String decode(String s) {
        // Back to the file's bytes first (Latin-1), then percent-decoding as UTF-8, as git writes it.
        String utf8 = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        try {
            return URLDecoder.decode(utf8.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return utf8;
        }
    }

    static ProblemException unwritable(Path file, IOException e) {
        return FileWriteProblems.of(file, e);
    }
}
