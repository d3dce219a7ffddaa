package org.gitlabaccess.core;

import java.util.Locale;
import org.gitlabaccess.core.io.Redactor;

/**
 * An error a user sees: one sentence of what happened, one of what to do. Both are redacted on
 * the way in, so no secret can travel inside one. A problem made with {@link #of} also knows its
 * sentences as {@link Text}s and can say them in another language ({@link #message(Locale)});
 * {@link #getMessage()} and {@link #hint()} are always English, as the command line prints them.
 */
public class ProblemException extends RuntimeException {
    private final ProblemKind kind;
    private final String reason;
    private final String hint;
    private final transient Text messageText;
    private final transient Text hintText;

    /**
     * @param reason a stable machine-readable id such as {@code token-expired}
     */
    public ProblemException(ProblemKind kind, String reason, String message, String hint) {
        this(kind, reason, message, hint, null);
    }

    public ProblemException(ProblemKind kind, String reason, String message, String hint, Throwable cause) {
        this(kind, reason, message, hint, cause, null, null);
    }

    /** For a problem that carries more than its sentences (a subclass with the values a face may act on). */
    protected ProblemException(ProblemKind kind, String reason, Text message, Text hint) {
        this(kind, reason, render(message, Locale.ENGLISH), render(hint, Locale.ENGLISH), null, message, hint);
    }

    private ProblemException(ProblemKind kind, String reason, String message, String hint, Throwable cause,
            Text messageText, Text hintText) {
        super(Redactor.redact(message), cause);
        this.kind = kind;
        this.reason = reason;
        this.hint = Redactor.redact(hint);
        this.messageText = messageText;
        this.hintText = hintText;
    }

    /** A problem whose sentences come from the core's texts (keys {@code error.<reason>…}); the hint may be null. */
    public static ProblemException of(ProblemKind kind, String reason, Text message, Text hint) {
        return of(kind, reason, message, hint, null);
    }

    public static ProblemException of(ProblemKind kind, String reason, Text message, Text hint, Throwable cause) {
        return new ProblemException(kind, reason, render(message, Locale.ENGLISH), render(hint, Locale.ENGLISH),
                cause, message, hint);
    }

    private static String render(Text text, Locale locale) {
        return text == null ? null : text.in(locale);
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

    /** What happened, in the language asked for where the sentence is known as a text; else the English one. */
    public String message(Locale locale) {
        return messageText == null ? getMessage() : Redactor.redact(render(messageText, locale));
    }

    /** What to do, in the language asked for where it is known as a text; else the English one (or null). */
    public String hint(Locale locale) {
        return hintText == null ? hint : Redactor.redact(render(hintText, locale));
    }
}
