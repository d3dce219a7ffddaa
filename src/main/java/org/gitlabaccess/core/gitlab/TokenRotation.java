package org.gitlabaccess.core.gitlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Secret;

/**
 * Rotates or revokes the token in use. A rotated token goes only where the user chose: a file
 * created owner-only (or, later, a credential store); it is never printed.
 */
public final class TokenRotation {
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,1024}");

    /** The new token's expiry; the value itself is only in the destination. */
    public record Rotated(LocalDate expiresAt) {
    }

    public Rotated rotate(GitLabClient client, Path destination) {
        requireWritable(destination);
        ApiResult r = client.post("/personal_access_tokens/self/rotate", Map.of());
        if (!r.ok()) {
            throw ApiProblems.of(r, client.http(), null);
        }
        JsonFields body = JsonFields.object(r);
        String token = body.text("token");
        if (!TOKEN.matcher(token).matches()) {
            // It goes into a file as one line: white space or a control character there is no token.
            throw ApiProblems.malformed(r, Text.of("error.malformed.not-a-token", "token"));
        }
        LocalDate expires = body.date("expires_at").orElse(null);
        try (Secret fresh = Secret.of(token)) {
            try {
                new AtomicFile().write(destination, fresh.reveal() + "\n", AtomicFile.Options.forSecret());
            } catch (IOException e) {
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "token-out-unwritable",
                        Text.of("error.token-out-unwritable.rotated", destination),
                        Text.of("error.token-out-unwritable.rotated.hint", destination), e);
            }
        }
        return new Rotated(expires);
    }

    /** Checked before rotating: once GitLab rotates, the old token is dead and the new one must land. */
    private static void requireWritable(Path destination) {
        Path dir = destination.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)
                || (Files.exists(destination) && !Files.isWritable(destination))
                || AtomicFile.isLocked(destination)) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "token-out-unwritable",
                    Text.of("error.token-out-unwritable", destination), Text.of("error.token-out-unwritable.hint"));
        }
    }

    public void revoke(GitLabClient client) {
        ApiResult r = client.delete("/personal_access_tokens/self");
        if (!r.ok()) {
            throw ApiProblems.of(r, client.http(), null);
        }
    }
}
