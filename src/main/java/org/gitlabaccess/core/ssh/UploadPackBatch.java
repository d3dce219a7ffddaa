package org.gitlabaccess.core.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.RefAdvertisement;
import org.gitlabaccess.core.io.Secret;

/**
 * {@code git ls-remote} of many projects of one host over one authenticated SSH session: a channel
 * per project runs {@code git-upload-pack '<path>'}, its ref advertisement is read and counted, and
 * a flush packet ends it, as git does. Several channels are in flight at once; when the server
 * refuses one (OpenSSH's {@code MaxSessions}), fewer are, and when a session takes none at all, a
 * new session carries on. The connection, host key and authentication are {@link SshAccessCheck}'s.
 */
public final class UploadPackBatch {
    /** What ls-remote came to for one project. */
    public record Result(SshCheckResult.Outcome outcome, int refs, String detail) {
        public boolean ok() {
            return outcome == SshCheckResult.Outcome.OK;
        }
    }

    /** Sessions in a row that may take no channel at all before the rest is given up. */
    private static final int FRUITLESS_SESSIONS = 3;
    private static final byte[] FLUSH = "0000".getBytes(StandardCharsets.US_ASCII);

    private final SshAccessCheck check;
    private final int parallelism;
    private final Duration timeout;

    /** @param parallelism channels in flight at most (OpenSSH allows 10 per connection by default) */
    public UploadPackBatch(SshAccessCheck check, int parallelism, Duration timeout) {
        this.check = check;
        this.parallelism = Math.max(1, parallelism);
        this.timeout = timeout;
    }

    /**
     * Each project's outcome, by the path as the URL gives it ({@code group/p.git} of an scp-like
     * URL, {@code /group/p.git} of an {@code ssh://} one); a path named twice is asked once. The
     * session offers {@code identities} in order, as ssh offers its IdentityFiles.
     */
    public Map<String, Result> lsRemote(SshConfigLookup.Effective effective, List<Path> identities, Secret passphrase,
                                        Collection<String> paths) {
        Map<String, Result> results = new ConcurrentHashMap<>();
        Set<String> unique = new LinkedHashSet<>(paths);
        int fruitless = 0;
        while (results.size() < unique.size() && fruitless < FRUITLESS_SESSIONS) {
            int before = results.size();
            SshCheckResult session = check.onSession(effective, identities, passphrase,
                    (s, fingerprint) -> drain(s, effective.endpoint(), fingerprint, unique, results));
            if (!session.ok()) {
                Result failed = new Result(session.outcome(), 0, session.detail());
                unique.forEach(p -> results.putIfAbsent(p, failed));
            }
            fruitless = results.size() > before ? 0 : fruitless + 1;
        }
        Result refused = new Result(SshCheckResult.Outcome.UNEXPECTED_ANSWER, 0,
                "the server opened no channel for git-upload-pack");
        unique.forEach(p -> results.putIfAbsent(p, refused));
        return results;
    }

    /**
     * Asks for every project without a result, in rounds: what the server refused to open is asked
     * again with half as many channels in flight; a round where nothing opened leaves the rest to a
     * new session.
     */
    private SshCheckResult drain(ClientSession session, SshEndpoint endpoint, String fingerprint,
                                 Set<String> paths, Map<String, Result> results) throws IOException {
        int inFlight = parallelism;
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "upload-pack");
            t.setDaemon(true);
            return t;
        });
        try {
            while (true) {
                List<String> round = paths.stream().filter(p -> !results.containsKey(p)).toList();
                if (round.isEmpty()) {
                    break;
                }
                Semaphore slots = new Semaphore(inFlight);
                List<Future<?>> running = new ArrayList<>();
                for (String path : round) {
                    running.add(pool.submit(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            results.put(path, advertise(session, path));
                        } catch (IOException e) {
                            // Refused by the server, or the session went: the next round or session asks again.
                        } finally {
                            slots.release();
                        }
                    }));
                }
                awaitAll(running);
                if (round.stream().noneMatch(results::containsKey) || !session.isOpen()) {
                    break;
                }
                inFlight = Math.max(1, inFlight / 2);
            }
        } finally {
            pool.shutdownNow();
        }
        return new SshCheckResult(SshCheckResult.Outcome.OK, endpoint, null, fingerprint, "session used");
    }

    private static void awaitAll(List<Future<?>> running) throws IOException {
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** One project's advertisement; a channel the server would not open (or lost) is thrown, to be asked again. */
    private Result advertise(ClientSession session, String path) throws IOException {
        try (ChannelExec channel = session.createExecChannel("git-upload-pack " + quoted(path))) {
            CappedBuffer out = new CappedBuffer(RefAdvertisement.MAX_BYTES, channel);
            CappedBuffer err = new CappedBuffer(64 << 10, channel);
            channel.setUsePty(false);
            channel.setOut(out);
            channel.setErr(err);
            // Sent at once: upload-pack reads it only after advertising, and it ends the conversation there.
            channel.setIn(new ByteArrayInputStream(FLUSH));
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                return new Result(SshCheckResult.Outcome.PORT_BLOCKED, 0,
                        "no answer from git-upload-pack within " + timeout.toSeconds() + " s");
            }
            if (out.overflowed()) {
                return new Result(SshCheckResult.Outcome.UNEXPECTED_ANSWER, 0,
                        "git-upload-pack said more than " + RefAdvertisement.MAX_BYTES + " bytes before its refs ended");
            }
            byte[] said = out.toByteArray();
            if (channel.getExitStatus() == null && RefAdvertisement.count(said) < 0
                    && RefAdvertisement.error(said).isEmpty() && err.size() == 0) {
                // Closed before the advertisement ended, with no word of why: the session went under it, not
                // the project. Asked again on the next round or session.
                throw new IOException("the channel closed before git-upload-pack answered");
            }
            return outcome(said, err.toString(StandardCharsets.UTF_8), channel.getExitStatus());
        }
    }

    /** A complete advertisement is success, whatever the exit status; otherwise what the server said. */
    static Result outcome(byte[] stdout, String stderr, Integer exitStatus) {
        int refs = RefAdvertisement.count(stdout);
        if (refs >= 0) {
            return new Result(SshCheckResult.Outcome.OK, refs, refs + " refs");
        }
        String said = SshAccessCheck.banner(stderr);
        String error = RefAdvertisement.error(stdout);
        String detail = (error.isEmpty() ? said : error + " " + said).strip();
        if (detail.isEmpty()) {
            detail = "git-upload-pack ended" + (exitStatus == null ? "" : " with status " + exitStatus)
                    + " without advertising refs";
        }
        return classify(detail);
    }

    /** The outcome git's words name (an expired key, a refused key...); anything else is unexpected. */
    static Result classify(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        SshCheckResult.Outcome outcome;
        if (lower.contains("ssh key has expired")) {
            outcome = SshCheckResult.Outcome.KEY_EXPIRED;
        } else if (lower.contains("no more authentication methods") || lower.contains("auth fail")
                || lower.contains("authentication failed") || lower.contains("permission denied")) {
            outcome = SshCheckResult.Outcome.KEY_NOT_REGISTERED;
        } else if (lower.contains("host key") || lower.contains("known_hosts")
                || lower.contains("server key did not validate")) {
            outcome = SshCheckResult.Outcome.HOST_KEY_UNKNOWN;
        } else if (lower.contains("connection refused")) {
            outcome = SshCheckResult.Outcome.CONNECTION_REFUSED;
        } else if (lower.contains("timeout") || lower.contains("timed out")) {
            outcome = SshCheckResult.Outcome.PORT_BLOCKED;
        } else {
            outcome = SshCheckResult.Outcome.UNEXPECTED_ANSWER;
        }
        String detail = text.replaceAll("\\s+", " ").strip();
        return new Result(outcome, 0, Redactor.redact(detail.length() > 300 ? detail.substring(0, 300) + "…" : detail));
    }

    /** As git quotes the path for the remote shell: in single quotes, {@code '} and {@code !} escaped. */
    static String quoted(String path) {
        StringBuilder q = new StringBuilder("'");
        for (char c : path.toCharArray()) {
            if (c == '\'' || c == '!') {
                q.append("'\\").append(c).append('\'');
            } else {
                q.append(c);
            }
        }
        return q.append('\'').toString();
    }

    /**
     * What a channel said, up to a limit: past it nothing more is kept and the channel (only it, not
     * the session) is closed, so a server that never stops talking cannot fill the memory.
     */
    private static final class CappedBuffer extends ByteArrayOutputStream {
        private final int limit;
        private final ChannelExec channel;
        private boolean overflowed;

        CappedBuffer(int limit, ChannelExec channel) {
            this.limit = limit;
            this.channel = channel;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (overflowed) {
                return;
            }
            if (count + len > limit) {
                overflowed = true;
                channel.close(true);
                return;
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        synchronized boolean overflowed() {
            return overflowed;
        }
    }
}
