package org.gitlabaccess.ui;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Redactor;

/** What a page shows about a failure: the problem's own words, never a raw exception or a stack trace. */
final class ErrorText {
    private ErrorText() {
    }

    /** The problem's sentence, or the first line of the redacted exception chain for anything unexpected. */
    static String message(Throwable e) {
        return e instanceof ProblemException p ? p.getMessage()
                : Redactor.describe(e).lines().findFirst().orElse("");
    }

    /** What to do about it; empty where nothing is known. */
    static String hint(Throwable e) {
        return e instanceof ProblemException p && p.hint() != null ? p.hint() : "";
    }

    /** Message and hint in one line, for a single label. */
    static String full(Throwable e) {
        String hint = hint(e);
        return hint.isEmpty() ? message(e) : message(e) + " " + hint;
    }
}
