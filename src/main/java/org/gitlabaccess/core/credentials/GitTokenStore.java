package org.gitlabaccess.core.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.io.Secret;

/**
 * Puts a token where git looks for it: first {@code reject} for the host, so no helper keeps
 * offering a dead token, then {@code approve}, then {@code fill} to prove git returns the new one.
 * Refuses when a helper in effect would write it in plain text without the user's approval of that file.
 */
public final class GitTokenStore {
    private final GitCredentialProtocol protocol;
    private final CredentialHelperDetector detector;

    public GitTokenStore(GitCommand git) {
        this.protocol = new GitCredentialProtocol(git);
        this.detector = new CredentialHelperDetector(git);
    }

    /** The user name to store with the token: the GitLab user's, or {@code oauth2} for an OAuth token. */
    public static String usernameFor(TokenVerdict verdict) {
        return verdict.oauth() || verdict.username() == null || verdict.username().isEmpty() ? "oauth2"
                : verdict.username();
    }

    /**
     * @param plaintext the user's approval of a plain-text file, or null when none was given
     */
    public StoredToken store(GitHost host, String username, Secret token, PlaintextApproval plaintext) {
        HelperChain chain = detector.detect(host);
        if (chain.isEmpty()) {
            throw ProblemException.of(ProblemKind.USAGE, "no-credential-helper",
                    Text.of("error.no-credential-helper", host.hostAndPort()),
                    Text.of("error.no-credential-helper.hint"));
        }
        for (HelperEntry e : chain.effective()) {
            if (e.kind() == HelperKind.PLAINTEXT && (plaintext == null || !e.plaintextFile().map(plaintext::covers)
                    .orElse(false))) {
                throw ProblemException.of(ProblemKind.USAGE, "plaintext-helper",
                        Text.of("error.plaintext-helper", e.describe()),
                        Text.of("error.plaintext-helper.hint", host.hostAndPort()));
            }
        }
        List<String> warnings = new ArrayList<>();
        chain.effective().stream().filter(e -> e.kind() == HelperKind.UNKNOWN).forEach(e -> warnings.add(
                "The helper " + e.describe() + " also received the token."));
        CredentialRequest request = CredentialRequest.forHost(host);
        protocol.reject(request);
        protocol.approve(request, username, token);
        Optional<GitCredentialProtocol.Filled> back = protocol.fill(request);
        boolean verified = back.map(f -> f.password().sameValueAs(token) && username.equals(f.username()))
                .orElse(false);
        back.ifPresent(f -> f.password().close());
        if (!verified) {
            warnings.add("Git does not return the new token for " + host.hostAndPort()
                    + ": a helper earlier in the list answers with another credential.");
        }
        return new StoredToken(host, username, verified, chain.effective(), List.copyOf(warnings));
    }

    /** Makes every helper forget the credentials for the host (a dead token, or before switching to SSH). */
    public void forget(GitHost host) {
        protocol.reject(CredentialRequest.forHost(host));
    }
}
