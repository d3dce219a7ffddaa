package org.gitlabaccess.core.gitlab;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/**
 * Registers a public key on the account ({@code POST /user/keys}, usage {@code auth}, with an
 * expiry). A key already on the account is success and uploads nothing; a key registered to
 * another account is a clear error.
 */
public final class SshKeyUploader {
    public static final int DEFAULT_EXPIRY_DAYS = 365;

    /** The key as GitLab holds it. */
    public record Registered(long id, String title, String expiresAt, boolean alreadyThere) {
    }

    public static String defaultTitle(String machineName, LocalDate today) {
        return machineName + " (GitLab Access Wizard, " + today + ")";
    }

    public Registered upload(GitLabClient client, SshKey key, String title, LocalDate expiresAt) {
        Optional<Registered> existing = findOnAccount(client, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("key", key.authorizedKeyLine());
        body.put("usage_type", "auth");
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        ApiResult r = client.post("/user/keys", body);
        if (r.ok()) {
            return registered(JsonFields.object(r), false);
        }
        if (r.status() == 400 && r.message() != null && r.message().contains("fingerprint_sha256")
                && r.message().contains("taken")) {
            // Taken, yet not on this account (checked above): someone else's.
            throw ProblemException.of(ProblemKind.AUTHENTICATION, "key-taken",
                    Text.of("error.key-taken", key.fingerprint()), Text.of("error.key-taken.hint"));
        }
        if (r.status() == 400) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "key-rejected",
                    Text.of("error.key-rejected", r.message()),
                    r.message() != null && r.message().contains("expir") ? Text.of("error.key-rejected.hint.expiry")
                            : Text.of("error.key-rejected.hint"));
        }
        throw ApiProblems.of(r, client.http(), null);
    }

    /** Deletes a key from the account; a key already gone counts as deleted. */
    public void remove(GitLabClient client, long id) {
        ApiResult r = client.delete("/user/keys/" + id);
        if (!r.ok() && r.status() != 404) {
            throw ApiProblems.of(r, client.http(), null);
        }
    }

    /** The key on the account with the same fingerprint, if any: every page of the list is read until it is found. */
    public Optional<Registered> findOnAccount(GitLabClient client, SshKey key) {
        return ApiPages.first(client, "/user/keys", k -> sameKey(k.text("key"), key)
                ? Optional.of(registered(k, true)) : Optional.empty());
    }

    private static Registered registered(JsonFields k, boolean alreadyThere) {
        k.timestamp("expires_at"); // checked: readers of expiresAt parse it as GitLab's timestamp
        return new Registered(k.number("id"), k.optionalDisplay("title"), k.optionalText("expires_at").orElse(null),
                alreadyThere);
    }

    private static boolean sameKey(String line, SshKey key) {
        try {
            String[] parts = line.strip().split("\\s+");
            PublicKey pub = PublicKeyEntry.parsePublicKeyEntry(parts[0] + " " + parts[1])
                    .resolvePublicKey(null, Map.of(), null);
            return pub != null && KeyUtils.compareKeys(pub, key.publicKey());
        } catch (Exception e) {
            return false; // a key GitLab holds in a form we cannot parse is not ours
        }
    }

    /** Reads the .pub file next to a private key, for callers holding only a path. */
    public static SshKey publicKeyOf(Path file) {
        return SshKeyFiles.readPublic(file.toString().endsWith(".pub") ? file : SshKeyFiles.publicFileOf(file));
    }
}
