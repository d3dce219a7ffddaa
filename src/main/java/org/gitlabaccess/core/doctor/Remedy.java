package org.gitlabaccess.core.doctor;

/**
 * What the user does about a problem the doctor cannot fix itself, in terms a face can act on: the
 * wizard turns it into the step that does it (or a page to open), the command line keeps the fix's
 * sentence.
 *
 * @param url the page to open, for {@link Kind#OPEN_PAGE} only
 */
public record Remedy(Kind kind, String url) {
    /** The kinds of remedy. */
    public enum Kind {
        /** Set up SSH: a key, registered, and the SSH configuration for the host. */
        SET_UP_SSH,
        /** Set up HTTPS: a token in a secure credential helper for this host. */
        SET_UP_HTTPS,
        /** Sign in again: a new token (or a new browser sign-in). */
        SIGN_IN_AGAIN,
        /** A page in the browser: the fix's sentence says what to do there. */
        OPEN_PAGE,
        /** Run the checks again (a passing problem, such as a timeout). */
        CHECK_AGAIN,
        /** Nothing the product can take the user to: the fix's sentence is all there is. */
        NONE
    }

    public static final Remedy SET_UP_SSH = new Remedy(Kind.SET_UP_SSH, null);
    public static final Remedy SET_UP_HTTPS = new Remedy(Kind.SET_UP_HTTPS, null);
    public static final Remedy SIGN_IN_AGAIN = new Remedy(Kind.SIGN_IN_AGAIN, null);
    public static final Remedy CHECK_AGAIN = new Remedy(Kind.CHECK_AGAIN, null);
    public static final Remedy NONE = new Remedy(Kind.NONE, null);

    public Remedy {
        if ((kind == Kind.OPEN_PAGE) != (url != null)) {
            throw new IllegalArgumentException("A page to open, and only then, has a URL");
        }
    }

    public static Remedy openPage(String url) {
        return new Remedy(Kind.OPEN_PAGE, url);
    }
}
