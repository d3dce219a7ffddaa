package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FilePermissions;
import org.gitlabaccess.core.FileWriteProblems;

/**
 * The product's one marked block per GitLab host in {@code ~/.ssh/config}. Re-running replaces the
 * block and nothing else: every other byte of the file stays as it was. A new block goes before the
 * first {@code Host}/{@code Match} line, so the file's global options stay global and the block is
 * the first to match its host (OpenSSH takes the first value it finds for each option).
 */
public final class SshConfigBlock {
    private static final Pattern SECTION = Pattern.compile("^\\s*(host|match)(\\s|=).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern INCLUDE = Pattern.compile("^\\s*include(\\s|=)\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    /**
     * What the block says.
     *
     * @param home the home OpenSSH expands {@code ~} to (the account's home from the password
     *     database, not {@code $HOME}); a key outside it is written with its full path
     */
    public record Settings(SshEndpoint endpoint, Path identityFile, Path home, boolean macOs, String instance) {
        public Settings(SshEndpoint endpoint, Path identityFile, Path home, boolean macOs) {
            this(endpoint, identityFile, home, macOs, null);
        }
    }

    private static final String INSTANCE_PREFIX = "# GitLab instance: ";

    /**
     * The alias of the block written for a GitLab instance (its SSH host often differs from the web
     * host), so later commands find the SSH side of an instance from its web address alone.
     */
    public static Optional<String> aliasFor(Path sshConfig, String instanceRoot) {
        if (instanceRoot == null || !Files.isRegularFile(sshConfig)) {
            return Optional.empty();
        }
        try {
            String alias = null;
            for (String line : Files.readAllLines(sshConfig, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith(BEGIN_PREFIX)) {
                    alias = t.substring(BEGIN_PREFIX.length()).strip();
                } else if (t.startsWith(END_PREFIX)) {
                    alias = null;
                } else if (alias != null && t.startsWith(INSTANCE_PREFIX)) {
                    String root = t.substring(INSTANCE_PREFIX.length()).strip();
                    if (instanceRoot.equals(root) || instanceRoot.startsWith(root + "/")) {
                        return Optional.of(alias);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The edited file, whether it changed, and what the user should know about the rest of it. */
    public record Edit(String content, boolean changed, List<String> notices) {
    }

    private SshConfigBlock() {
    }

    private static final String BEGIN_PREFIX = "# BEGIN gitlab-access ";
    private static final String END_PREFIX = "# END gitlab-access ";

    public static String begin(String alias) {
        return BEGIN_PREFIX + alias;
    }

    public static String end(String alias) {
        return END_PREFIX + alias;
    }

    public static String render(Settings s, String nl) {
        SshEndpoint e = s.endpoint();
        // Defence in depth: whatever the caller checked, nothing but a host name or address and a
        // port ever becomes a line of ~/.ssh/config (a newline here would start a global option).
        NetworkNames.requireHost(e.alias(), "the ~/.ssh/config block", ProblemKind.USAGE);
        NetworkNames.requireHost(e.hostName(), "the ~/.ssh/config block", ProblemKind.USAGE);
        NetworkNames.requirePort(e.port(), "the ~/.ssh/config block", ProblemKind.USAGE);
        StringBuilder b = new StringBuilder();
        b.append(begin(e.alias())).append(nl);
        b.append("# Written by GitLab Access Wizard; this block is replaced when it runs again.").append(nl);
        if (s.instance() != null) {
            b.append(INSTANCE_PREFIX).append(s.instance()).append(nl);
        }
        b.append("Host ").append(e.alias()).append(nl);
        b.append("  HostName ").append(e.hostName()).append(nl);
        if (e.port() != SshEndpoint.DEFAULT_PORT) {
            b.append("  Port ").append(e.port()).append(nl);
        }
        b.append("  User git").append(nl);
        b.append("  IdentityFile ").append(quote(displayPath(s.identityFile(), s.home()))).append(nl);
        b.append("  IdentitiesOnly yes").append(nl);
        b.append("  AddKeysToAgent yes").append(nl);
        if (s.macOs()) {
            b.append("  UseKeychain yes").append(nl);
        }
        b.append(end(e.alias())).append(nl);
        return b.toString();
    }

    /** Applies the block to the file's current text (empty when the file does not exist). */
    public static Edit apply(String existing, Settings s) {
        String nl = existing.contains("\r\n") ? "\r\n" : "\n";
        String alias = s.endpoint().alias();
        List<String> lines = splitKeepingEnds(existing);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals(begin(alias))) {
                if (begin >= 0) {
                    throw corrupt(Text.of("error.ssh-config-corrupt.two-blocks", alias, begin + 1, i + 1));
                }
                begin = i;
            } else if (t.equals(end(alias)) && begin >= 0 && end < 0) {
                end = i;
            }
        }
        if (begin >= 0 && end < 0) {
            throw corrupt(Text.of("error.ssh-config-corrupt.unterminated", alias, begin + 1));
        }
        String block = render(s, nl);
        StringBuilder out = new StringBuilder();
        int insertedAt;
        if (begin >= 0) {
            lines.subList(0, begin).forEach(out::append);
            insertedAt = begin;
            out.append(block);
            lines.subList(end + 1, lines.size()).forEach(out::append);
        } else {
            int firstSection = lines.size();
            // Another instance's block opens with comments before its Host line: the new block goes
            // before that block, never between its BEGIN line and its Host line (the blocks would nest).
            int openBlock = -1;
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).strip();
                if (t.startsWith(BEGIN_PREFIX)) {
                    openBlock = i;
                } else if (t.startsWith(END_PREFIX)) {
                    openBlock = -1;
                } else if (SECTION.matcher(stripEnd(lines.get(i))).matches()) {
                    firstSection = openBlock >= 0 ? openBlock : i;
                    break;
                }
            }
            insertedAt = firstSection;
            for (int i = 0; i < firstSection; i++) {
                out.append(lines.get(i));
            }
            if (out.length() > 0 && !endsWithNewline(out)) {
                out.append(nl);
            }
            out.append(block);
            if (firstSection < lines.size()) {
                out.append(nl);
            }
            lines.subList(firstSection, lines.size()).forEach(out::append);
        }
        String content = out.toString();
        return new Edit(content, !content.equals(existing), notices(lines, alias, begin >= 0 ? begin : insertedAt,
                begin >= 0 ? end : -1));
    }

    /**
     * Writes the block into the file atomically (with a backup of the previous version), or leaves
     * the file untouched when it already says exactly this. The file is read under its lock, so a
     * change another program made meanwhile is kept, never overwritten.
     */
    public static Edit writeTo(Path configFile, Settings s, AtomicFile atomic) {
        Edit[] edit = new Edit[1];
        try {
            FilePermissions.createPrivateDirectories(configFile.toAbsolutePath().getParent());
            var options = AtomicFile.Options.ownerOnly();
            atomic.update(configFile, current -> {
                String existing = current.isEmpty() ? ""
                        : StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(current.get())).toString();
                edit[0] = apply(existing, s);
                return edit[0].changed() ? edit[0].content().getBytes(StandardCharsets.UTF_8) : null;
            }, Files.exists(configFile) ? options.withBackup() : options);
            return edit[0];
        } catch (CharacterCodingException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "ssh-config-unreadable",
                    Text.of("error.ssh-config-unreadable", configFile), Text.of("error.ssh-config-unreadable.hint"));
        } catch (IOException e) {
            throw FileWriteProblems.of(configFile, e);
        }
    }

    /** Other entries that also match the host, and Include files that might. */
    private static List<String> notices(List<String> lines, String alias, int blockStart, int blockEnd) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i >= blockStart && i <= blockEnd) {
                continue;
            }
            String line = stripEnd(lines.get(i)).strip();
            var include = INCLUDE.matcher(line);
            if (include.matches()) {
                notes.add("~/.ssh/config includes " + include.group(2).strip() + " (line " + (i + 1)
                        + "); a Host entry there may also match " + alias + ".");
                continue;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("host ") || line.toLowerCase(Locale.ROOT).startsWith("host=")) {
                String patterns = line.substring(5).strip();
                if (HostPatterns.matchesHostLine(patterns, alias) && !patterns.equals("*")) {
                    notes.add("The entry 'Host " + patterns + "' on line " + (i + 1) + " also matches " + alias
                            + (i < blockStart ? "; it comes first, so its settings win where both set an option."
                            : "; the gitlab-access block comes first, so its settings win."));
                }
            }
        }
        return notes;
    }

    /** {@code ~/.ssh/key} for a key under the home (portable, as ssh-keygen writes it), else the full path. */
    static String displayPath(Path file, Path home) {
        Path abs = file.toAbsolutePath().normalize();
        if (home != null && abs.startsWith(home.toAbsolutePath().normalize())) {
            return "~/" + home.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    /**
     * A path as one ssh_config argument: quoted when it has a space, {@code %} doubled (ssh expands
     * tokens in IdentityFile); a path with a control character, a quote or {@code $}{ cannot be
     * written safely and is refused.
     */
    static String quote(String s) {
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"') || s.contains("${")) {
            throw ProblemException.of(ProblemKind.USAGE, "bad-identity-path",
                    Text.of("error.ssh-config-identity-path", NetworkNames.printable(s)),
                    Text.of("error.ssh-config-identity-path.hint"));
        }
        String escaped = s.replace("%", "%%");
        return escaped.contains(" ") ? "\"" + escaped + "\"" : escaped;
    }

    private static ProblemException corrupt(Text what) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "ssh-config-corrupt", what,
                Text.of("error.ssh-config-corrupt.hint"));
    }

    static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String stripEnd(String line) {
        return line.replaceAll("[\\r\\n]+$", "");
    }

    private static boolean endsWithNewline(StringBuilder sb) {
        return sb.charAt(sb.length() - 1) == '\n';
    }
}
