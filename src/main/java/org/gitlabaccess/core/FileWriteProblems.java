package org.gitlabaccess.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FileBusyException;
import org.gitlabaccess.core.io.Redactor;

/**
 * Turns a failed write into the error a user sees (exit 5): which file, why in words (disk full,
 * read-only, not permitted, locked), and what to do. Every write goes through {@link AtomicFile},
 * so the sentence can promise that the file was left as it was.
 */
public final class FileWriteProblems {
    /** Less than this is a full disk for a failed write: a config file or key needs a few KiB. */
    private static final long MIN_FREE_BYTES = 64 * 1024;

    private FileWriteProblems() {
    }

    public static ProblemException of(Path file, IOException e) {
        if (e instanceof FileBusyException busy) {
            Path lock = AtomicFile.lockFileOf(busy.file());
            return ProblemException.of(ProblemKind.LOCAL_FILES, "file-locked",
                    Text.of("error.file-locked", busy.file(), lock), Text.of("error.file-locked.hint", lock), e);
        }
        String why = ((e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() + " " : "")
                + e.getMessage()).toLowerCase(Locale.ROOT);
        Path dir = file.toAbsolutePath().getParent();
        Optional<FileStore> store = storeOf(dir);
        // The JDK's messages are the C library's and may be localised: the file system itself is asked last.
        if (why.contains("no space left") || why.contains("quota")) {
            return diskFull(file, dir, e);
        }
        if (why.contains("read-only file system")) {
            return readOnly(file, dir, e);
        }
        if (e instanceof AccessDeniedException || why.contains("permission denied")
                || why.contains("operation not permitted")) {
            return ProblemException.of(ProblemKind.LOCAL_FILES, "permission-denied",
                    Text.of("error.file-permission-denied", file), Text.of("error.file-permission-denied.hint", dir), e);
        }
        if (store.map(FileStore::isReadOnly).orElse(false)) {
            return readOnly(file, dir, e);
        }
        if (store.map(FileWriteProblems::isFull).orElse(false)) {
            return diskFull(file, dir, e);
        }
        return ProblemException.of(ProblemKind.LOCAL_FILES, "write-failed",
                Text.of("error.file-write-failed", file, Redactor.redact(String.valueOf(e.getMessage()))),
                Text.of("error.file-write-failed.hint", dir), e);
    }

    /** The file system holding the nearest existing directory: asked directly, since messages may be localised. */
    private static Optional<FileStore> storeOf(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                try {
                    return Optional.of(Files.getFileStore(p));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isFull(FileStore store) {
        try {
            return store.getUsableSpace() < MIN_FREE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static ProblemException diskFull(Path file, Path dir, IOException e) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "disk-full",
                Text.of("error.file-disk-full", file), Text.of("error.file-disk-full.hint", dir), e);
    }

    private static ProblemException readOnly(Path file, Path dir, IOException e) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "read-only",
                Text.of("error.file-read-only", file), Text.of("error.file-read-only.hint", dir), e);
    }
}
