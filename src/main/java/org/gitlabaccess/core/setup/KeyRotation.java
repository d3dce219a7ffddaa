package org.gitlabaccess.core.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshAgent;
import org.gitlabaccess.core.ssh.SshCheckProblems;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/**
 * Replaces the product's SSH key before it expires, in an order that never leaves the user without a
 * working key: a new key is made beside the old one, uploaded, and proven over SSH; only then is the
 * old key deleted from the account and the new one moved into its place, where {@code ~/.ssh/config}
 * already points. A failure before the old key is deleted undoes what was done (the new key leaves
 * the account and the disk): the old key stays registered, configured and working.
 */
final class KeyRotation {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(15);

    private final SetupRequest request;
    private final CoreTexts texts;
    private final GitLabClient client;
    private final SshConfigLookup.Effective ssh;
    private final SshKeyUploader uploader = new SshKeyUploader();

    KeyRotation(SetupRequest request, GitLabClient client, SshConfigLookup.Effective ssh) {
        this.request = request;
        this.texts = CoreTexts.of(request.locale());
        this.client = client;
        this.ssh = ssh;
    }

    KeyRenewal rotate(Path file, LocalDate expiresAt, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw ProblemException.of(ProblemKind.USAGE, "no-key-to-rotate", Text.of("error.no-key-to-rotate", file),
                    Text.of("error.no-key-to-rotate.hint"));
        }
        SshKey old = SshKeyUploader.publicKeyOf(file);
        Optional<SshKeyUploader.Registered> oldOnAccount = uploader.findOnAccount(client, old);
        Path staged = file.resolveSibling(file.getFileName() + ".rotating");
        deleteStaged(staged);
        progress.update(texts.get("setup.rotate.progress.create"), 0.2);
        SshKey created = SshKeyFiles.create(staged, request.keyComment(), request.keyPassphrase());
        SshKeyUploader.Registered uploaded;
        try {
            progress.update(texts.get("setup.rotate.progress.upload"), 0.4);
            LocalDate today = LocalDate.now(request.clock().withZone(ZoneOffset.UTC));
            uploaded = uploader.upload(client, created, SshKeyUploader.defaultTitle(request.machineName(), today),
                    expiresAt);
        } catch (RuntimeException e) {
            deleteStaged(staged);
            throw e;
        }
        try {
            progress.update(texts.get("setup.rotate.progress.verify"), 0.6);
            requireWelcome(staged);
            oldOnAccount.ifPresent(k -> uploader.remove(client, k.id()));
        } catch (RuntimeException e) {
            // Nothing of the old key was touched yet: take the new one back off the account and the disk.
            try {
                uploader.remove(client, uploaded.id());
            } finally {
                deleteStaged(staged);
            }
            throw e;
        }
        progress.update(texts.get("setup.rotate.progress.replace"), 0.8);
        replace(staged, file);
        // Now through ~/.ssh/config, which names the file: the key SSH will use from now on.
        requireWelcome(file);
        SshAgent.Result agent = new SshAgent(request.env()).add(file, request.keyPassphrase());
        return new KeyRenewal(old.fingerprint(), oldOnAccount.isPresent(), created.fingerprint(),
                String.valueOf(uploaded.expiresAt()), file, agent);
    }

    private void requireWelcome(Path key) {
        SshCheckResult result;
        try (SshAccessCheck check = new SshAccessCheck(request.hostKeyDecision(), SSH_TIMEOUT)) {
            result = check.greet(ssh, key, request.keyPassphrase());
        }
        if (!result.ok()) {
            throw SshCheckProblems.of(result);
        }
    }

    /** The new private key over the old one, then its public half: each an atomic rename. */
    private static void replace(Path staged, Path file) {
        try {
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(SshKeyFiles.publicFileOf(staged), SshKeyFiles.publicFileOf(file),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-not-replaced",
                    Text.of("error.key-not-replaced", staged, file), Text.of("error.key-not-replaced.hint", staged, file),
                    e);
        }
    }

    private static void deleteStaged(Path staged) {
        try {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(SshKeyFiles.publicFileOf(staged));
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "key-staged-left", Text.of("error.key-staged-left", staged),
                    Text.of("error.key-staged-left.hint", staged), e);
        }
    }
}
