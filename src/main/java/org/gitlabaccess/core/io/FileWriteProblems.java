package org.gitlabaccess.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * Turns a failed write into the error a user sees (exit 5): which file, why in words (disk full,
 * read-only, not permitted, locked), and what to do. Every write goes through {@link AtomicFile},
 * so the sentence can promise that the file was left as it was.
 */
public final class FileWriteProblems {
    private FileWriteProblems() {
    }

    public static ProblemException of(Path file, IOException e) {
        if (e instanceof FileBusyException busy) {
            Path lock = AtomicFile.lockFileOf(busy.file());
            return ProblemException.of(ProblemKind.LOCAL_FILES, "file-locked",
                    Text.of("error.file-locked", busy.file(), lock), Text.of("error.file-locked.hint", lock), e);
        }
        String why = (e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() + " " : "")
                + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String lower = why.toLowerCase(Locale.ROOT);
        Path dir = file.toAbsolutePath().getParent();
        if (lower.contains("no space left") || lower.contains("quota")) {
            return ProblemException.of(ProblemKind.LOCAL_FILES, "disk-full",
                    Text.of("error.file-disk-full", file), Text.of("error.file-disk-full.hint", dir), e);
        }
        if (lower.contains("read-only file system")) {
            return ProblemException.of(ProblemKind.LOCAL_FILES, "read-only",
                    Text.of("error.file-read-only", file), Text.of("error.file-read-only.hint", dir), e);
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("operation not permitted")) {
            return ProblemException.of(ProblemKind.LOCAL_FILES, "permission-denied",
                    Text.of("error.file-permission-denied", file), Text.of("error.file-permission-denied.hint", dir), e);
        }
        return ProblemException.of(ProblemKind.LOCAL_FILES, "write-failed",
                Text.of("error.file-write-failed", file, Redactor.redact(String.valueOf(e.getMessage()))),
                Text.of("error.file-write-failed.hint", dir), e);
    }
}
