package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Whether ssh's configuration could make ssh connect to another host than the one a remote names:
 * only {@code HostName} (and {@code CanonicalizeHostname}) do. When no file ssh reads, nor any file
 * they include, even contains the word, every host is itself and ssh need not be started once per
 * host of a scan (each child costs more than walking a home of pruned dependency trees). Any doubt
 * answers yes, and ssh is asked as before: a file that cannot be read, an include with quotes, tokens
 * or a pattern in its directory, includes nested deeper than ssh allows.
 */
final class SshHostNameDirectives {
    private static final Path SYSTEM_DIR = Path.of("/etc/ssh");
    /** OpenSSH's limit on nested includes. */
    private static final int MAX_DEPTH = 16;

    private SshHostNameDirectives() {
    }

    static boolean mayRename(Path home) {
        return mayRename(home, SYSTEM_DIR);
    }

    /** {@code ~/.ssh/config} and {@code <systemDir>/ssh_config}, relative includes resolved from their directories. */
    static boolean mayRename(Path home, Path systemDir) {
        Path userDir = home.resolve(".ssh");
        return mentions(userDir.resolve("config"), userDir, home, 0)
                || mentions(systemDir.resolve("ssh_config"), systemDir, home, 0);
    }

    private static boolean mentions(Path file, Path includeDir, Path home, int depth) {
        if (depth > MAX_DEPTH) {
            return true;
        }
        String text;
        try {
            Optional<byte[]> bytes = BoundedFiles.readIfPresent(file, BoundedFiles.CONFIG_LIMIT);
            if (bytes.isEmpty()) {
                return false;
            }
            text = new String(bytes.get(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return true;
        }
        if (text.toLowerCase(Locale.ROOT).contains("hostname")) {
            return true;
        }
        for (String line : text.split("\n")) {
            String[] words = line.strip().split("[\\s=]+");
            if (!words[0].equalsIgnoreCase("include")) {
                continue;
            }
            if (line.contains("\"") || line.contains("%") || line.contains("$")) {
                return true;
            }
            for (int i = 1; i < words.length; i++) {
                Optional<List<Path>> included = expand(words[i], includeDir, home);
                if (included.isEmpty()) {
                    return true;
                }
                for (Path each : included.get()) {
                    if (mentions(each, includeDir, home, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The files an include names, as ssh finds them; empty when that is not certain here. */
    private static Optional<List<Path>> expand(String pattern, Path includeDir, Path home) {
        if ((pattern.startsWith("~") && !pattern.startsWith("~/")) || pattern.contains("%") || pattern.contains("${")) {
            return Optional.empty(); // another user's home, a token or a variable: ssh's to expand, not guessed here
        }
        Path path = pattern.startsWith("~/") ? home.resolve(pattern.substring(2)) : includeDir.resolve(pattern);
        Path dir = path.getParent();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (dir == null || isPattern(dir.toString())) {
            return Optional.empty();
        }
        if (!isPattern(name)) {
            return Optional.of(List.of(path));
        }
        PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + name);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (matcher.matches(entry.getFileName())) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            return Files.exists(dir) ? Optional.empty() : Optional.of(List.of());
        }
        return Optional.of(files);
    }

    private static boolean isPattern(String text) {
        return text.contains("*") || text.contains("?") || text.contains("[");
    }
}
