package org.gitlabaccess.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.FilePermissions;
import org.gitlabaccess.core.io.Secret;

/**
 * Reads the token once, from the one place the user named: a file, standard input, or
 * {@code GITLAB_TOKEN}. Never from a command-line argument, which every user of the machine can see.
 */
public final class TokenInput {
    public static final String ENV_VARIABLE = "GITLAB_TOKEN";
    private static final int MAX_BYTES = 16 * 1024;

    private final List<String> warnings = new ArrayList<>();

    /** Where the token comes from, as given on the command line. */
    public record Source(Path file, boolean stdin) {
        public static Source none() {
            return new Source(null, false);
        }
    }

    public Optional<Secret> read(Source source, InputStream stdin, Environment env) {
        if (source.file() != null && source.stdin()) {
            throw ProblemException.of(ProblemKind.USAGE, "token-source-conflict",
                    Text.of("error.token-source-conflict"), Text.of("error.token-source-conflict.hint"));
        }
        if (source.file() != null) {
            return Optional.of(nonEmpty(fromFile(source.file()), Text.of("error.token-empty.file", source.file())));
        }
        if (source.stdin()) {
            return Optional.of(nonEmpty(fromStream(stdin), Text.of("error.token-empty.stdin")));
        }
        return env.variable(ENV_VARIABLE).map(v -> nonEmpty(Secret.of(v), ENV_VARIABLE));
    }

    /** Warnings worth showing (a token file others can read, say). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private Secret fromFile(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw ProblemException.of(ProblemKind.USAGE, "token-file-too-large",
                        Text.of("error.token-file-too-large", file), Text.of("error.token-file-too-large.hint"));
            }
            warnIfShared(file);
            byte[] bytes = Files.readAllBytes(file);
            try {
                return decode(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (NoSuchFileException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "token-file-missing",
                    Text.of("error.token-file-missing", file), Text.of("error.token-file-missing.hint"));
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "token-file-unreadable",
                    Text.of("error.token-file-unreadable", file, e.getClass().getSimpleName()),
                    Text.of("error.token-file-unreadable.hint"), e);
        }
    }

    private void warnIfShared(Path file) throws IOException {
        var perms = FilePermissions.of(file);
        if (perms.isPresent() && (perms.get().contains(PosixFilePermission.OTHERS_READ)
                || perms.get().contains(PosixFilePermission.GROUP_READ))) {
            warnings.add("The token file " + file + " can be read by other users; restrict it with: chmod 600 " + file);
        }
    }

    private static Secret fromStream(InputStream in) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > MAX_BYTES) {
                    throw ProblemException.of(ProblemKind.USAGE, "token-stdin-too-large",
                            Text.of("error.token-stdin-too-large"), Text.of("error.token-stdin-too-large.hint"));
                }
            }
            byte[] bytes = buffer.toByteArray();
            try {
                return decode(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "token-stdin-unreadable",
                    Text.of("error.token-stdin-unreadable"), Text.of("error.token-stdin-unreadable.hint"), e);
        }
    }

    /** Only the first line counts: a token file may end with a newline or carry a comment below. */
    private static Secret decode(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] all = new char[chars.remaining()];
        chars.get(all);
        int start = 0;
        while (start < all.length && Character.isWhitespace(all[start])) {
            start++;
        }
        int end = start;
        while (end < all.length && all[end] != '\n' && all[end] != '\r') {
            end++;
        }
        try {
            return Secret.of(Arrays.copyOfRange(all, start, end));
        } finally {
            Arrays.fill(all, '\0');
        }
    }

    /** @param where a {@link Text} (the file, standard input) or the name of the environment variable */
    private static Secret nonEmpty(Secret secret, Object where) {
        if (secret.isEmpty()) {
            throw ProblemException.of(ProblemKind.USAGE, "token-empty", Text.of("error.token-empty", where),
                    Text.of("error.token-empty.hint"));
        }
        return secret;
    }
}
