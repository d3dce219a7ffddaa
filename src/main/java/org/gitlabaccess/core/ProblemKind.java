package org.gitlabaccess.core;

/** What sort of thing went wrong; the command line maps each to its exit code. */
public enum ProblemKind {
    /** A check or a verification did not pass. */
    CHECK_FAILED,
    /** The request itself is wrong: a bad option, a URL that is not http(s), a missing input. */
    USAGE,
    /** The token or key was refused: invalid, expired, revoked, wrong scope. */
    AUTHENTICATION,
    /** The host could not be reached or not trusted: DNS, refused, timeout, TLS, host key mismatch. */
    NETWORK,
    /** A local file could not be read or written: unreadable, locked, corrupt. */
    LOCAL_FILES
}
