package org.gitlabaccess.ui;

import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Redactor;

/**
 * What a page shows about a failure: the problem's own words, in the wizard's language where the
 * problem knows them as texts, never a raw exception or a stack trace.
 */
final class ErrorText {
    private ErrorText() {
    }

    /** The problem's sentence, or the first line of the redacted exception chain for anything unexpected. */
    static String message(Throwable e, Locale locale) {
        return e instanceof ProblemException p ? p.message(locale)
                : Redactor.describe(e).lines().findFirst().orElse("");
    }

    /** What to do about it; empty where nothing is known. */
    static String hint(Throwable e, Locale locale) {
        String hint = e instanceof ProblemException p ? p.hint(locale) : null;
        return hint == null ? "" : hint;
    }

    /** Message and hint in one line, for a single label. */
    static String full(Throwable e, Locale locale) {
        String hint = hint(e, locale);
        return hint.isEmpty() ? message(e, locale) : message(e, locale) + " " + hint;
    }
}
