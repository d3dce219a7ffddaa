package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.PushConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.SecretPipe;

/**
 * Proves Git over HTTPS works, two ways. With a given token through JGit over the product's TLS
 * settings: {@code ls-remote} for reading, and the receive-pack advertisement
 * ({@code info/refs?service=git-receive-pack}, which GitLab refuses with 403 to a read-only token)
 * for writing, without pushing anything. And end to end with the real {@code git} under the user's
 * own configuration, no token passed in: that proves the credential helper and the CA work for
 * plain git. A refusal is refined by asking the API what the token is (expired, revoked, unknown).
 */
public final class HttpsAccessCheck {
    private static final int TIMEOUT_SECONDS = 30;

    private final TrustingHttpConnectionFactory connections;
    private final GitCommand git;
    private final TokenProbe probe;
    private final Environment env;

    /**
     * @param git the real git, for the end-to-end checks
     * @param probe asks the API about a refused token; null to skip that refinement
     */
    public HttpsAccessCheck(HttpSettings http, Environment env, GitCommand git, TokenProbe probe) {
        this.connections = new TrustingHttpConnectionFactory(http.caFiles(), env.property("os.name").orElse(""));
        this.git = git;
        this.probe = probe;
        this.env = env;
    }

    /** {@code ls-remote} through JGit with the token as the password. */
    public HttpsCheckResult lsRemote(String url, String username, Secret token) {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository()
                    .setRemote(url)
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider(username, token.revealChars()))
                    .setTransportConfigCallback(t -> {
                        if (t instanceof TransportHttp h) {
                            h.setHttpConnectionFactory(connections.restrictedTo(url));
                        }
                    })
                    .setTimeout(TIMEOUT_SECONDS)
                    .call();
            return new HttpsCheckResult(HttpsCheckResult.Outcome.OK, url, refs.size(), refs.size() + " refs");
        } catch (GitAPIException | RuntimeException e) {
            return refine(failure(url, e), token);
        }
    }

    /** Whether the token may push: opens the receive-pack connection (reads the advertisement), sends nothing. */
    public HttpsCheckResult pushAccess(String url, String username, Secret token) {
        try (Transport t = Transport.open(new URIish(url))) {
            t.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username, token.revealChars()));
            t.setTimeout(TIMEOUT_SECONDS);
            if (t instanceof TransportHttp h) {
                h.setHttpConnectionFactory(connections.restrictedTo(url));
            }
            try (PushConnection c = t.openPush()) {
                int refs = c.getRefs().size();
                return new HttpsCheckResult(HttpsCheckResult.Outcome.OK, url, refs, "push allowed");
            }
        } catch (Exception e) {
            return refine(failure(url, e), token);
        }
    }

    /**
     * The real {@code git ls-remote URL} with the user's configuration. Credentials the URL embeds
     * never reach git's arguments: git gets the bare URL, and the user name and password through a
     * credential helper given in its environment that reads them from a {@link SecretPipe} (the only
     * helper for that run, so nothing is stored anywhere either). Without such pipes (Windows), JGit
     * checks in this process instead.
     */
    public HttpsCheckResult gitLsRemote(String url) {
        Optional<UrlCredentials> embedded = UrlCredentials.of(url)
                .filter(c -> c.password() != null || Redactor.looksLikeCredential(c.username()));
        if (embedded.isEmpty()) {
            return fromLsRemote(url, git.run(null, List.of("ls-remote", "--", url)));
        }
        try (UrlCredentials c = embedded.get()) {
            if (!c.bareUrl().regionMatches(true, 0, "https://", 0, 8)) {
                return new HttpsCheckResult(HttpsCheckResult.Outcome.OTHER, Redactor.redact(url), 0,
                        "not tried: the URL's password would travel over plain http");
            }
            if (c.breaksTheProtocol()) {
                // git itself refuses such a URL; passed on, it would add lines of its own to the helper's answer.
                return new HttpsCheckResult(HttpsCheckResult.Outcome.OTHER, Redactor.redact(url), 0,
                        "not tried: the URL's user name or password holds a line break");
            }
            if (env.isWindows()) {
                return lsRemote(c.bareUrl(), c.username(), c.password() == null ? Secret.exact("") : c.password());
            }
            byte[] answer = c.helperAnswer();
            try (SecretPipe pipe = SecretPipe.open(env, answer)) {
                String helper = "!f() { test \"$1\" = get && { " + pipe.readCommand() + "; }; }; f";
                // An empty value first: it empties the helper list, so no helper of the user's stores the credential.
                return fromLsRemote(Redactor.redact(url), git.runWithConfig(null, List.of("ls-remote", "--", c.bareUrl()),
                        List.of(Map.entry("credential.helper", ""), Map.entry("credential.helper", helper))));
            } catch (IOException e) {
                return new HttpsCheckResult(HttpsCheckResult.Outcome.OTHER, Redactor.redact(url), 0,
                        "the credential could not be handed to git: " + Redactor.redact(String.valueOf(e.getMessage())));
            } finally {
                Arrays.fill(answer, (byte) 0);
            }
        }
    }

    private static HttpsCheckResult fromLsRemote(String url, GitCommand.Result r) {
        if (r.ok()) {
            long refs = r.stdout().lines().filter(l -> !l.isBlank()).count();
            return new HttpsCheckResult(HttpsCheckResult.Outcome.OK, url, (int) refs, refs + " refs");
        }
        return fromGit(url, r);
    }

    /**
     * The real {@code git push --dry-run} of HEAD to a scratch branch: git authenticates and reads
     * the receive-pack advertisement (which a read-only token is refused), but sends nothing.
     */
    public HttpsCheckResult gitPushDryRun(Path repository, String remote) {
        GitCommand.Result r = git.run(repository, List.of("push", "--dry-run", "--porcelain", remote,
                "HEAD:refs/heads/gitlab-access-push-check"));
        if (r.ok()) {
            return new HttpsCheckResult(HttpsCheckResult.Outcome.OK, remote, 0, "push allowed");
        }
        return fromGit(remote, r);
    }

    private static HttpsCheckResult fromGit(String url, GitCommand.Result r) {
        String text = Redactor.redact(r.stderr().strip());
        return new HttpsCheckResult(HttpsFailureText.classify(text), Redactor.redact(url), 0, abbreviate(text));
    }

    static HttpsCheckResult failure(String url, Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(' ');
        }
        String text = Redactor.redact(all.toString().replaceAll("\\s+", " ").strip());
        return new HttpsCheckResult(HttpsFailureText.classify(text), Redactor.redact(url), 0, abbreviate(text));
    }

    /** GitLab answers every refused credential alike; the API tells an expired token from a password. */
    private HttpsCheckResult refine(HttpsCheckResult r, Secret token) {
        if (probe == null || r.outcome() != HttpsCheckResult.Outcome.ACCESS_DENIED) {
            return r;
        }
        TokenStatus s = probe.probe(token);
        return switch (s.state()) {
            case EXPIRED -> r.with(HttpsCheckResult.Outcome.TOKEN_EXPIRED, "(the token has expired)");
            case REVOKED -> r.with(HttpsCheckResult.Outcome.TOKEN_REVOKED, "(the token was revoked)");
            case ACTIVE -> r.with(HttpsCheckResult.Outcome.INSUFFICIENT_SCOPE, "(the token has "
                    + (s.scopes().isEmpty() ? "no scopes" : String.join(", ", s.scopes()))
                    + "; Git needs read_repository or write_repository)");
            case UNKNOWN -> r.with(HttpsCheckResult.Outcome.ACCESS_DENIED, "(GitLab knows no such token: a password, "
                    + "which is refused once two-factor authentication is on, or a deleted token)");
            case UNCHECKED -> r;
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
