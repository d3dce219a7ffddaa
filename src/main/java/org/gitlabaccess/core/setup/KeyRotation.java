package org.gitlabaccess.core.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.FileWriteProblems;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.io.AtomicFile;
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
        // A key kept in a dotfiles repository and linked here is replaced where it really is: the link stays.
        Path publicFile = realPath(SshKeyFiles.publicFileOf(file));
        Path target = realPath(file);
        Optional<SshKeyUploader.Registered> oldOnAccount = uploader.findOnAccount(client, old);
        Path staged = target.resolveSibling(target.getFileName() + ".rotating");
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
        } catch (RuntimeException e) {
            // Nothing of the old key was touched yet: take the new one back off the account and the disk.
            try {
                uploader.remove(client, uploaded.id());
            } finally {
                deleteStaged(staged);
            }
            throw e;
        }
        // The new key works: from here on it stays, whatever else fails (said as a warning, never undone).
        List<String> warnings = new ArrayList<>();
        if (oldOnAccount.isPresent()) {
            try {
                uploader.remove(client, oldOnAccount.get().id());
            } catch (ProblemException e) {
                warnings.add(texts.get("setup.rotate.old-left", old.fingerprint(), e.message(request.locale())));
            }
        }
        progress.update(texts.get("setup.rotate.progress.replace"), 0.8);
        replace(staged, target, publicFile);
        // Now through ~/.ssh/config, which names the file: the key SSH will use from now on.
        SshCheckResult through = greet(file);
        if (!through.ok()) {
            warnings.add(texts.get("setup.rotate.not-through-config", file, through.detail()));
        }
        SshAgent.Result agent = new SshAgent(request.env()).add(file, request.keyPassphrase());
        return new KeyRenewal(old.fingerprint(), oldOnAccount.isPresent(), created.fingerprint(),
                String.valueOf(uploaded.expiresAt()), file, agent, warnings);
    }

    private static Path realPath(Path file) {
        try {
            return AtomicFile.resolveLinks(file);
        } catch (IOException e) {
            throw FileWriteProblems.of(file, e);
        }
    }

    private void requireWelcome(Path key) {
        SshCheckResult result = greet(key);
        if (!result.ok()) {
            throw SshCheckProblems.of(result);
        }
    }

    private SshCheckResult greet(Path key) {
        try (SshAccessCheck check = new SshAccessCheck(request.hostKeyDecision(), SSH_TIMEOUT)) {
            return check.greet(ssh, key, request.keyPassphrase());
        }
    }

    /** The new private key over the old one, then its public half: each an atomic rename. */
    private static void replace(Path staged, Path file, Path publicFile) {
        try {
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(SshKeyFiles.publicFileOf(staged), publicFile, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
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
