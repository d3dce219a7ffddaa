package org.gitlabaccess.core.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.gitlabaccess.core.WireId;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.HttpsAccessCheck;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.repos.GitUrl;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RemoteUrl;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.UploadPackBatch;

/**
 * Proves access the way git will use it, for the wizard, {@code setup} and {@code verify} alike:
 * GitLab's welcome line as {@code ssh -T} gets it, plain {@code git ls-remote} over HTTPS with the
 * user's own credential helper and CA, and {@code ls-remote} of each remote over its own transport.
 */
public final class AccessVerification implements AutoCloseable {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(15);
    /** Channels in flight on one session: below OpenSSH's default MaxSessions of 10. */
    private static final int SSH_CHANNELS = 8;

    /** How git reaches a remote. */
    public enum Transport implements WireId {
        SSH, HTTPS;

        @Override
        public String id() {
            return WireId.of(this);
        }
    }

    /** What {@code ssh -T} came to, with the endpoint OpenSSH resolved and the key offered. */
    public record SshGreeting(SshEndpoint endpoint, Path identity, SshCheckResult result) {
        public boolean ok() {
            return result.ok();
        }
    }

    /**
     * A remote to try.
     *
     * @param repository the clone it belongs to, or null for a project URL with no clone
     * @param remote the remote's name, or null with no clone
     * @param url the URL as git uses it (it may hold credentials: show {@code shownUrl})
     * @param shownUrl the URL with any secret masked
     * @param kind what the URL is for the instance (HTTPS with credentials inside proves no helper)
     */
    public record Remote(Path repository, String remote, String url, String shownUrl, RemoteKind kind) {
        /** A project URL, not read from a clone (its secrets, if any, are the caller's to mask). */
        public static Remote of(String url, RemoteKind kind) {
            return new Remote(null, null, url, url, kind);
        }

        public Transport transport() {
            return kind == RemoteKind.SSH ? Transport.SSH : Transport.HTTPS;
        }
    }

    /** What {@code ls-remote} of one remote came to: an outcome of its transport's checks ({@code ok} on success). */
    public record RemoteCheck(Remote remote, WireId outcome, int refs, String detail) {
        public boolean ok() {
            return outcome == SshCheckResult.Outcome.OK || outcome == HttpsCheckResult.Outcome.OK;
        }
    }

    /** One URL's outcome, as the setup report lists it. */
    public record UrlOutcome(String url, WireId outcome, int refs) {
        static UrlOutcome of(RemoteCheck c) {
            return new UrlOutcome(c.remote().shownUrl(), c.outcome(), c.refs());
        }

        static UrlOutcome of(HttpsCheckResult r) {
            return new UrlOutcome(r.url(), r.outcome(), r.refs());
        }
    }

    private final Environment env;
    private final Supplier<HttpSettings> http;
    private final HostKeyDecision decision;
    /** Where ssh goes for each host, asked of {@code ssh -G} once per host. */
    private final SshConfigLookup lookup;
    /** One SSH client (and each decrypted key) for every check until closed. */
    private SshAccessCheck sharedCheck;
    /** The real git, its version asked once however many remotes it checks. */
    private GitCommand git;

    /**
     * {@code http} is asked only when HTTPS is tried: finding the instance may take the network. The
     * checks share one SSH client, so a key with a passphrase is decrypted once: close it when done.
     */
    public AccessVerification(Environment env, Supplier<HttpSettings> http, HostKeyDecision decision) {
        this(env, http, decision, SshConfigLookup.of(env));
    }

    /** As above, with the caller's lookup (its answers are reused). */
    public AccessVerification(Environment env, Supplier<HttpSettings> http, HostKeyDecision decision,
                              SshConfigLookup lookup) {
        this.env = env;
        this.http = http;
        this.decision = decision;
        this.lookup = lookup;
    }

    /**
     * For one pass of the setup steps: the request's environment and host key decision, the instance's
     * TLS settings and the pass's ssh lookup; {@link SetupState} closes it.
     */
    static AccessVerification sharing(SetupState state) {
        return new AccessVerification(state.request().env(), state.instance()::http, state.request().hostKeyDecision(),
                state.sshLookup());
    }

    /** For the setup steps: the pass's verification ({@link #sharing}). */
    static AccessVerification of(SetupState state) {
        return state.verification();
    }

    private synchronized GitCommand git() {
        if (git == null) {
            git = new GitCommand(env);
        }
        return git;
    }

    /**
     * Starts the shared SSH client now, for a caller about to use it: MINA's client then starts while
     * the caller resolves the host ({@code ssh -G}) and reads the key.
     */
    public synchronized void prepareSsh() {
        if (sharedCheck == null) {
            sharedCheck = new SshAccessCheck(decision, SSH_TIMEOUT);
        }
    }

    /** The shared SSH client, started on first use unless {@link #prepareSsh} started it. */
    private synchronized <T> T withSshCheck(Function<SshAccessCheck, T> use) {
        prepareSsh();
        return use.apply(sharedCheck);
    }

    @Override
    public synchronized void close() {
        if (sharedCheck != null) {
            sharedCheck.close();
            sharedCheck = null;
        }
    }

    /**
     * GitLab's welcome line over SSH. The key is {@code identity} when given, else the first
     * IdentityFile of the configuration that exists, else {@code defaultKey}, as {@code ssh} picks it.
     */
    public SshGreeting greet(SshConfigLookup.Effective effective, Path identity, Path defaultKey, Secret passphrase) {
        Path key = identity != null ? identity : effective.identityFiles().stream().filter(Files::isRegularFile)
                .findFirst().orElse(defaultKey);
        return withSshCheck(check -> new SshGreeting(effective.endpoint(), key, check.greet(effective, key, passphrase)));
    }

    /** Plain {@code git ls-remote} over HTTPS with nothing but the user's configuration: their helper, their CA. */
    public HttpsCheckResult plainGit(String url) {
        return new HttpsAccessCheck(http.get(), env, git(), null).gitLsRemote(url);
    }

    /** Every GitLab remote of the clones found (its fetch URL), with the transport that URL names. */
    public static List<Remote> gitLabRemotes(List<RepositoryRemotes> inventory) {
        List<Remote> remotes = new ArrayList<>();
        for (RepositoryRemotes repo : inventory) {
            for (RemoteUrl u : repo.urls()) {
                if (u.kind().onInstance() && u.key().equals(RemoteUrl.URL)) {
                    remotes.add(new Remote(repo.repository().path(), u.remote(), u.effective().raw(),
                            u.effective().redacted(), u.kind()));
                }
            }
        }
        return remotes;
    }

    /**
     * {@code ls-remote} of each remote over its transport: SSH remotes over one session per endpoint
     * (resolved through the user's ssh configuration) and key, one channel per project, with
     * {@code sshIdentity} (null: the configuration's); HTTPS remotes together ({@link HttpsRemoteChecks}).
     * {@code starting} hears of each remote, with its index, before it is tried.
     */
    public List<RemoteCheck> lsRemote(List<Remote> remotes, Path sshIdentity, Secret passphrase,
                                      ObjIntConsumer<Remote> starting) {
        Map<Remote, RemoteCheck> checks = new HashMap<>();
        sshLsRemote(remotes, sshIdentity, passphrase, starting).forEach((remote, ssh) ->
                checks.put(remote, new RemoteCheck(remote, ssh.outcome(), ssh.refs(), ssh.detail())));
        List<Remote> https = remotes.stream().filter(r -> r.transport() == Transport.HTTPS).toList();
        if (!https.isEmpty()) {
            starting.accept(https.get(0), remotes.indexOf(https.get(0)));
            new HttpsRemoteChecks(this::plainGit, http.get(), git()).check(https)
                    .forEach(c -> checks.put(c.remote(), c));
        }
        return remotes.stream().map(checks::get).toList();
    }

    /** Every SSH remote's outcome, the remotes of one endpoint and key asked together. */
    private Map<Remote, UploadPackBatch.Result> sshLsRemote(List<Remote> remotes, Path sshIdentity, Secret passphrase,
                                                            ObjIntConsumer<Remote> starting) {
        Map<Remote, UploadPackBatch.Result> results = new HashMap<>();
        Map<SshRoute, Map<Remote, String>> routes = new LinkedHashMap<>();
        for (int i = 0; i < remotes.size(); i++) {
            Remote remote = remotes.get(i);
            if (remote.transport() != Transport.SSH) {
                continue;
            }
            starting.accept(remote, i);
            GitUrl url = GitUrl.parse(remote.url());
            if (!url.isSsh()) {
                results.put(remote, new UploadPackBatch.Result(SshCheckResult.Outcome.UNEXPECTED_ANSWER, 0,
                        "not an SSH URL: " + remote.shownUrl()));
                continue;
            }
            // As git runs ssh for the URL: its user (GitLab's is git), its port over the configuration's.
            SshConfigLookup.Effective effective = lookup.resolve(url.user().orElse("git"), url.host(),
                    url.port() == -1 ? SshEndpoint.DEFAULT_PORT : url.port(), url.port() != -1);
            routes.computeIfAbsent(new SshRoute(effective, identities(effective, sshIdentity)),
                    r -> new LinkedHashMap<>()).put(remote, url.path());
        }
        if (routes.isEmpty()) {
            return results; // no SSH client started for HTTPS remotes alone
        }
        return withSshCheck(check -> {
            UploadPackBatch batch = new UploadPackBatch(check, SSH_CHANNELS, SSH_TIMEOUT);
            routes.forEach((route, paths) -> {
                Optional<UploadPackBatch.Result> refused = route.refused();
                Map<String, UploadPackBatch.Result> byPath = refused.isPresent() ? Map.of()
                        : batch.lsRemote(route.effective(), route.identities(), passphrase, paths.values());
                paths.forEach((remote, path) -> results.put(remote, refused.orElseGet(() -> byPath.get(path))));
            });
            return results;
        });
    }

    /**
     * The given key, else every configured one that exists in the configuration's order, as ssh
     * offers them: a remote readable with the second key is not reported as unregistered.
     */
    private static List<Path> identities(SshConfigLookup.Effective effective, Path sshIdentity) {
        return sshIdentity != null ? List.of(sshIdentity)
                : effective.identityFiles().stream().filter(Files::isRegularFile).toList();
    }

    /** One session's worth of remotes: where ssh goes for them, and with which keys. */
    private record SshRoute(SshConfigLookup.Effective effective, List<Path> identities) {
        /** Why no session can be tried: OpenSSH refuses the configuration, or there is no key to offer. */
        Optional<UploadPackBatch.Result> refused() {
            if (effective.refusedByOpenSsh()) {
                return Optional.of(new UploadPackBatch.Result(SshCheckResult.Outcome.UNEXPECTED_ANSWER, 0,
                        "ssh refuses the configuration of " + effective.endpoint().alias() + ": "
                                + effective.notice().orElse("")));
            }
            if (identities.isEmpty()) {
                return Optional.of(new UploadPackBatch.Result(SshCheckResult.Outcome.KEY_UNUSABLE, 0,
                        "no identity file configured for " + effective.endpoint().alias()));
            }
            return Optional.empty();
        }
    }
}
