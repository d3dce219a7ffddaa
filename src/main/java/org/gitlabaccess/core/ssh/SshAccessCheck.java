package org.gitlabaccess.core.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;

/**
 * {@code ssh -T git@host} with MINA SSHD: connect (through the configured jump hosts, if any), offer
 * host key algorithms in OpenSSH's order for the host, decide the presented key as OpenSSH does
 * from every known-hosts file it reads ({@link KnownHosts}; gitlab.com's published keys too),
 * authenticate with the one configured identity, open a session
 * with no command and read GitLab's welcome line. Every way it can end is an {@link SshCheckResult}.
 * One started client serves many checks.
 */
public final class SshAccessCheck implements AutoCloseable {
    private static final Pattern WELCOME = Pattern.compile("Welcome to GitLab, @([^!\\s]+)!");
    private static final Pattern EXPIRED = Pattern.compile("Your SSH key has expired");

    private final CompletableFuture<SshClient> client;
    private final HostKeyDecision decision;
    private final Duration timeout;
    private volatile HostKeyCheck current;
    /** Decrypted keys, in memory only for this check's life: a passphrase's KDF costs seconds in Java. */
    private final Map<Path, KeyPair> unlocked = new ConcurrentHashMap<>();
    /** Keys that could not be used with the passphrase given, and why: for this check's life too. */
    private final Map<Path, ProblemException> unusable = new ConcurrentHashMap<>();

    public SshAccessCheck(HostKeyDecision decision, Duration timeout) {
        this.decision = decision;
        this.timeout = timeout;
        // Configured and started by the thread that builds it (here, when it is built already): the
        // caller resolves the host and decrypts the key meanwhile.
        this.client = PreparedSshClient.take().thenApply(this::started);
    }

    private SshClient started(SshClient built) {
        // Never read ~/.ssh/config or default keys behind our back: the endpoint and key are explicit.
        built.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        // Jump hosts (ProxyJump) are offered the check's key and the configured unencrypted ones; the
        // GitLab session only the check's key, added to it explicitly: another key that gets in would
        // say nothing of the one checked.
        built.setKeyIdentityProvider(session -> current.identitiesFor((ClientSession) session));
        // Key exchange may start before connect() returns, so the verifier and the host key
        // algorithms are set on the client, read from the current check; checks run one at a time.
        built.setServerKeyVerifier((session, remote, key) -> current.verifyServerKey(session, remote, key));
        // Each step of the handshake is a small packet written right after another: with Nagle's
        // algorithm the second waits for the server's delayed acknowledgement (40 ms on Linux) first.
        CoreModuleProperties.TCP_NODELAY.set(built, true);
        built.setSessionFactory(new QuickAckSessionFactory(built));
        built.addSessionListener(new SessionListener() {
            @Override
            public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
                // OpenSSH's order (known types first), so the key negotiated is the one OpenSSH checks.
                proposal.put(KexProposalOption.SERVERKEYS, String.join(",", current.offered((ClientSession) session)));
            }
        });
        built.start();
        return built;
    }

    /** The started client, once it has started; why it could not, otherwise. */
    private SshClient client() {
        try {
            return client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The host key the endpoint presents, checked against known_hosts and recorded once accepted,
     * without authenticating. Empty when the host could not be reached.
     */
    public synchronized SshCheckResult hostKey(SshConfigLookup.Effective effective) {
        SshEndpoint endpoint = effective.endpoint();
        if (effective.proxyCommand().isPresent()) {
            return throughProxyCommand(effective);
        }
        SshClient started = client();
        HostKeyCheck hostCheck = new HostKeyCheck(effective, List.of());
        current = hostCheck;
        try (ClientSession session = connect(started, effective).verify(timeout).getSession()) {
            // With no identity offered, authentication fails right after the key exchange: the host
            // key has been seen (and checked) by then.
            session.auth().await(timeout);
            hostCheck.rethrowLocalProblem();
            if (hostCheck.failure() != null) {
                return hostCheck.failure();
            }
            return new SshCheckResult(hostCheck.fingerprint == null ? SshCheckResult.Outcome.UNEXPECTED_ANSWER
                    : SshCheckResult.Outcome.OK, endpoint, null, hostCheck.fingerprint, "host key checked");
        } catch (IOException | RuntimeException e) {
            hostCheck.rethrowLocalProblem();
            if (hostCheck.failure() != null) {
                return hostCheck.failure();
            }
            return connectionFailure(endpoint, e);
        }
    }

    /** The product speaks SSH itself and cannot run the user's proxy command: it says so instead of going direct. */
    private static SshCheckResult throughProxyCommand(SshConfigLookup.Effective effective) {
        return new SshCheckResult(SshCheckResult.Outcome.PROXY_COMMAND, effective.endpoint(), null, null,
                "ProxyCommand " + effective.proxyCommand().orElseThrow());
    }

    /** Directly, or through the configured jump hosts as {@code ssh -J} goes. */
    private ConnectFuture connect(SshClient client, SshConfigLookup.Effective effective) throws IOException {
        SshEndpoint endpoint = effective.endpoint();
        if (effective.proxyJump().isEmpty()) {
            return client.connect(effective.user(), endpoint.hostName(), endpoint.port());
        }
        HostConfigEntry entry = new HostConfigEntry(endpoint.hostName(), endpoint.hostName(), endpoint.port(),
                effective.user());
        entry.setProxyJump(effective.proxyJump().get());
        return client.connect(entry, null, null);
    }

    /** Greets GitLab with the key: the user name on success, the reason otherwise. */
    public SshCheckResult greet(SshConfigLookup.Effective effective, Path identity, Secret passphrase) {
        return onSession(effective, identity, passphrase,
                (session, fingerprint) -> welcome(session, effective.endpoint(), fingerprint));
    }

    /** What a caller does on a session authenticated with the checked key. */
    @FunctionalInterface
    public interface SessionWork {
        /** The check's result; an IOException is taken for a lost connection. */
        SshCheckResult use(ClientSession session, String hostKeyFingerprint) throws IOException;
    }

    /**
     * Connects and authenticates as {@link #greet} does (same host key policy, same key), then hands
     * the session to {@code work}; every way of not getting that far is the result instead.
     */
    public SshCheckResult onSession(SshConfigLookup.Effective effective, Path identity,
                                    Secret passphrase, SessionWork work) {
        return onSession(effective, List.of(identity), passphrase, work);
    }

    /**
     * As {@link #onSession(SshConfigLookup.Effective, Path, Secret, SessionWork)}, offering the keys
     * in the given order as ssh offers its IdentityFiles: a key the passphrase does not open is
     * skipped (ssh would ask for it, the product cannot), and only when none opens is that the result.
     */
    public synchronized SshCheckResult onSession(SshConfigLookup.Effective effective, List<Path> identities,
                                                 Secret passphrase, SessionWork work) {
        SshEndpoint endpoint = effective.endpoint();
        List<KeyPair> pairs = new ArrayList<>();
        ProblemException unusable = null;
        for (Path identity : identities) {
            try {
                pairs.add(unlocked(identity, passphrase));
            } catch (ProblemException e) {
                unusable = unusable == null ? e : unusable;
            }
        }
        if (pairs.isEmpty()) {
            return new SshCheckResult(SshCheckResult.Outcome.KEY_UNUSABLE, endpoint, null, null,
                    unusable == null ? "no key to offer" : unusable.getMessage());
        }
        if (effective.proxyCommand().isPresent()) {
            return throughProxyCommand(effective);
        }
        SshClient started = client();
        HostKeyCheck hostCheck = new HostKeyCheck(effective, pairs);
        current = hostCheck;
        try (ClientSession session = connect(started, effective).verify(timeout).getSession()) {
            pairs.forEach(session::addPublicKeyIdentity);
            try {
                session.auth().verify(timeout);
            } catch (IOException e) {
                hostCheck.rethrowLocalProblem();
                if (hostCheck.failure() != null) {
                    return hostCheck.failure();
                }
                return new SshCheckResult(SshCheckResult.Outcome.KEY_NOT_REGISTERED, endpoint, null,
                        hostCheck.fingerprint, "Permission denied (publickey)");
            }
            return work.use(session, hostCheck.fingerprint);
        } catch (IOException | RuntimeException e) {
            hostCheck.rethrowLocalProblem();
            if (hostCheck.failure() != null) {
                return hostCheck.failure();
            }
            return connectionFailure(endpoint, e);
        }
    }

    private KeyPair unlocked(Path identity, Secret passphrase) {
        Path file = identity.toAbsolutePath();
        KeyPair pair = unlocked.get(file);
        if (pair != null) {
            return pair;
        }
        ProblemException refused = unusable.get(file);
        if (refused != null) {
            throw refused; // its KDF costs seconds: a key the passphrase did not open is not tried again
        }
        try {
            pair = SshKeyFiles.loadPair(identity, passphrase);
        } catch (ProblemException e) {
            unusable.put(file, e);
            throw e;
        }
        unlocked.put(file, pair);
        return pair;
    }

    /** gitlab-shell's welcome line, from a session with no command. */
    private SshCheckResult welcome(ClientSession session, SshEndpoint endpoint, String fingerprint)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClientChannel channel = shell(session);
        channel.setOut(out);
        channel.setErr(err);
        channel.open().verify(timeout);
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        if (EXPIRED.matcher(stderr).find()) {
            return new SshCheckResult(SshCheckResult.Outcome.KEY_EXPIRED, endpoint, null, fingerprint,
                    "Your SSH key has expired.");
        }
        Matcher m = WELCOME.matcher(stdout);
        if (m.find()) {
            return new SshCheckResult(SshCheckResult.Outcome.OK, endpoint, m.group(1), fingerprint, m.group());
        }
        return new SshCheckResult(SshCheckResult.Outcome.UNEXPECTED_ANSWER, endpoint, null, fingerprint,
                (stdout + " " + banner(stderr)).strip());
    }

    private static ChannelShell shell(ClientSession session) throws IOException {
        ChannelShell shell = session.createShellChannel();
        shell.setUsePty(false);
        return shell;
    }

    /** gitlab-shell's banner without its frame. */
    static String banner(String stderr) {
        return stderr.lines().map(l -> l.replaceFirst("^remote:\\s?", "").strip())
                .filter(l -> !l.isEmpty() && !l.startsWith("=====")).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static SshCheckResult connectionFailure(SshEndpoint endpoint, Throwable e) {
        SshCheckResult.Outcome outcome = SshCheckResult.Outcome.UNEXPECTED_ANSWER;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                outcome = SshCheckResult.Outcome.DNS;
                break;
            }
            if (c instanceof ConnectException) {
                outcome = SshCheckResult.Outcome.CONNECTION_REFUSED;
                break;
            }
            if (c instanceof SocketTimeoutException || String.valueOf(c.getMessage()).toLowerCase().contains("timeout")
                    || String.valueOf(c.getMessage()).toLowerCase().contains("timed out")) {
                outcome = SshCheckResult.Outcome.PORT_BLOCKED;
                break;
            }
        }
        return new SshCheckResult(outcome, endpoint, null, null,
                Redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    /**
     * One check's host key policy: the algorithms to offer and the verdict on the key presented,
     * for the GitLab host and for any jump host on the way (each under its own known_hosts name).
     */
    private final class HostKeyCheck implements ServerKeyVerifier {
        private final SshEndpoint endpoint;
        private final List<SshEndpoint> jumpHosts;
        private final List<String> configuredAlgorithms;
        private final boolean reordered;
        private final KnownHosts knownHosts;
        final List<KeyPair> identities;
        private final AtomicReference<SshCheckResult> failure = new AtomicReference<>();
        /** Told to the decision from the checking thread once the connection has ended, never from MINA's. */
        private final AtomicReference<Runnable> refusalToTell = new AtomicReference<>();
        private final AtomicReference<ProblemException> localProblem = new AtomicReference<>();
        volatile String fingerprint;

        HostKeyCheck(SshConfigLookup.Effective effective, List<KeyPair> checkKeys) {
            this.endpoint = effective.endpoint();
            this.jumpHosts = effective.proxyJump().map(ProxyJumpHops::of).orElse(List.of());
            this.configuredAlgorithms = effective.hostKeyAlgorithms();
            this.reordered = effective.reordersHostKeyAlgorithms();
            this.knownHosts = KnownHosts.of(effective);
            List<KeyPair> keys = new ArrayList<>(checkKeys);
            if (!jumpHosts.isEmpty()) {
                keys.addAll(unencrypted(effective.identityFiles()));
            }
            this.identities = keys;
        }

        private static List<KeyPair> unencrypted(List<Path> files) {
            List<KeyPair> keys = new ArrayList<>();
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f)) {
                        keys.add(SshKeyFiles.loadPair(f, null));
                    }
                } catch (ProblemException e) {
                    // Encrypted or unreadable: OpenSSH would ask or skip; the product cannot ask here.
                }
            }
            return keys;
        }

        /**
         * The endpoint a session goes to: a jump host (its connect address is the hop's), or the
         * GitLab host (directly, or through the local end of the jump tunnel).
         */
        private SshEndpoint endpointOf(ClientSession session) {
            if (session.getConnectAddress() instanceof InetSocketAddress a) {
                for (SshEndpoint hop : jumpHosts) {
                    if (hop.port() == a.getPort() && (hop.hostName().equalsIgnoreCase(a.getHostString())
                            || (a.getAddress() != null && hop.hostName().equals(a.getAddress().getHostAddress())))) {
                        return hop;
                    }
                }
            }
            return endpoint;
        }

        /** The keys a session is offered by the client: a jump hop's, none for GitLab's own session. */
        List<KeyPair> identitiesFor(ClientSession session) {
            return endpointOf(session) == endpoint ? List.of() : identities;
        }

        List<String> offered(ClientSession session) {
            SshEndpoint to = endpointOf(session);
            try {
                return HostKeyAlgorithms.offered(configuredAlgorithms, reordered, knownHosts.recordedKeyTypes(to));
            } catch (ProblemException e) {
                // The verifier meets the same problem and ends the check with it.
                return HostKeyAlgorithms.offered(configuredAlgorithms, reordered, Set.of());
            }
        }

        /** How the host key check failed (null if it did not); a refusal is told to the decision once. */
        SshCheckResult failure() {
            Runnable tell = refusalToTell.getAndSet(null);
            if (tell != null) {
                tell.run();
            }
            return failure.get();
        }

        void rethrowLocalProblem() {
            if (localProblem.get() != null) {
                throw localProblem.get();
            }
        }

        @Override
        public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
            try {
                return decide(endpointOf(session), key);
            } catch (ProblemException e) {
                localProblem.set(e);
                return false;
            }
        }

        private boolean decide(SshEndpoint to, PublicKey key) {
            String presented = KeyFingerprint.sha256(key);
            if (to.equals(endpoint)) {
                fingerprint = presented;
            }
            if (GitLabComHostKeys.isGitLabCom(to.hostName()) && !GitLabComHostKeys.FINGERPRINTS.contains(presented)) {
                failure.set(new SshCheckResult(SshCheckResult.Outcome.HOST_KEY_CHANGED, to, null, presented,
                        "gitlab.com presented " + presented + ", which is not one of its published keys"));
                return false;
            }
            KnownHosts.Lookup lookup = knownHosts.check(to, key);
            switch (lookup.status()) {
                case KNOWN:
                    return true;
                case CHANGED:
                case REVOKED:
                    failure.set(SshCheckResult.hostKeyRefused(to, key, lookup));
                    refusalToTell.set(() -> decision.hostKeyRefused(to, key, presented, lookup));
                    return false;
                default:
                    boolean published = GitLabComHostKeys.isGitLabCom(to.hostName());
                    if (published || decision.acceptNewHost(to, key, presented)) {
                        knownHosts.record(to, key, new AtomicFile());
                        return true;
                    }
                    failure.set(new SshCheckResult(SshCheckResult.Outcome.HOST_KEY_UNKNOWN, to, null, presented,
                            "the host key " + presented + " was not accepted"));
                    return false;
            }
        }
    }

    @Override
    public void close() {
        unlocked.clear();
        unusable.clear();
        try {
            // One still starting is waited for, so that no client outlives the check.
            client().stop();
        } catch (RuntimeException e) {
            // Closing only (a client that did not start has nothing to stop).
        }
    }
}
