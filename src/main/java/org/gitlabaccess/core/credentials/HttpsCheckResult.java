package org.gitlabaccess.core.credentials;

import org.gitlabaccess.core.WireId;

/**
 * What a Git-over-HTTPS check came to for one URL, as a value the CLI and the wizard render alike.
 *
 * @param refs how many refs the server advertised (0 on failure)
 * @param detail git's or JGit's own words, redacted
 */
public record HttpsCheckResult(Outcome outcome, String url, int refs, String detail) {

    /** The ways an HTTPS check ends. */
    public enum Outcome implements WireId {
        OK,
        /** GitLab's "HTTP Basic: Access denied": a password (refused once 2FA is on), or a bad token. */
        ACCESS_DENIED,
        TOKEN_EXPIRED,
        TOKEN_REVOKED,
        /** The token is live but lacks read_repository/write_repository. */
        INSUFFICIENT_SCOPE,
        /** "You are not allowed to upload code.": the token can read, not push. */
        NO_WRITE_ACCESS,
        /** Git found no credential for the host (no helper has one; prompting is switched off). */
        NO_CREDENTIAL,
        NOT_FOUND,
        TLS_UNTRUSTED,
        DNS,
        CONNECTION_REFUSED,
        TIMEOUT,
        /** The server redirected to another origin; not followed, so the credential stayed here. */
        REDIRECT_REFUSED,
        OTHER;

        @Override
        public String id() {
            return WireId.of(this);
        }
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    HttpsCheckResult with(Outcome other, String extraDetail) {
        return new HttpsCheckResult(other, url, refs, extraDetail == null ? detail : detail + " " + extraDetail);
    }
}
