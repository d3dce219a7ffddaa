package org.gitlabaccess.core;

import org.gitlabaccess.core.io.Redactor;

/**
 * An error a user sees: one sentence of what happened, one of what to do. Both are redacted on
 * the way in, so no secret can travel inside one.
 */
public class ProblemException extends RuntimeException {
    private final ProblemKind kind;
    private final String reason;
    private final String hint;

    /**
     * @param reason a stable machine-readable id such as {@code token-expired}
     */
    public ProblemException(ProblemKind kind, String reason, String message, String hint) {
        this(kind, reason, message, hint, null);
    }

    public ProblemException(ProblemKind kind, String reason, String message, String hint, Throwable cause) {
        super(Redactor.redact(message), cause);
        this.kind = kind;
        this.reason = reason;
        this.hint = Redactor.redact(hint);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public String hint() {
        return hint;
    }
}
