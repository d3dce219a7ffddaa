package org.gitlabaccess.core.io;

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
            throw new ProblemException(ProblemKind.USAGE, "token-source-conflict",
                    "Both --token-file and --token-stdin were given.", "Give the token one way only.");
        }
        if (source.file() != null) {
            return Optional.of(nonEmpty(fromFile(source.file()), "the file " + source.file()));
        }
        if (source.stdin()) {
            return Optional.of(nonEmpty(fromStream(stdin), "standard input"));
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
                throw new ProblemException(ProblemKind.USAGE, "token-file-too-large",
                        "The token file " + file + " is too large to hold a token.",
                        "Put only the token in the file.");
            }
            warnIfShared(file);
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "token-file-missing",
                    "The token file " + file + " does not exist.", "Check the path given to --token-file.");
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "token-file-unreadable",
                    "The token file " + file + " could not be read (" + e.getClass().getSimpleName() + ").",
                    "Check that the file exists and that you may read it.", e);
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
                    throw new ProblemException(ProblemKind.USAGE, "token-stdin-too-large",
                            "Standard input is too large to hold a token.", "Pipe only the token.");
                }
            }
            byte[] bytes = buffer.toByteArray();
            try {
                return decode(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "token-stdin-unreadable",
                    "Standard input could not be read.", "Pipe the token into the command.", e);
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

    private static Secret nonEmpty(Secret secret, String where) {
        if (secret.isEmpty()) {
            throw new ProblemException(ProblemKind.USAGE, "token-empty",
                    "No token was found in " + where + ".",
                    "Put the personal access token there, on its own line.");
        }
        return secret;
    }
}
