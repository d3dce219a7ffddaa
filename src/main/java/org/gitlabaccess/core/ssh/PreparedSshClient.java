package org.gitlabaccess.core.ssh;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;

/**
 * MINA's client built ahead, on a daemon thread: building it (its algorithm factories, the JCE
 * providers, Logback behind its loggers) costs more than a command spends before it connects, so a
 * command that will connect asks for it first and the next {@link SshAccessCheck} takes it.
 */
public final class PreparedSshClient {
    /** A daemon thread per task: the process may end without waiting for a client nobody took. */
    static final Executor DAEMON = task -> {
        Thread thread = new Thread(task, "gitlab-access-ssh-client");
        thread.setDaemon(true);
        thread.start();
    };

    private static final AtomicReference<CompletableFuture<SshClient>> PREPARED = new AtomicReference<>();

    private PreparedSshClient() {
    }

    /** Starts building a client for the next check, unless one is already being built. */
    public static void prepare() {
        if (PREPARED.get() == null) {
            PREPARED.compareAndSet(null, build());
        }
    }

    /** The client built ahead (each is taken once), else one whose building starts now; neither started. */
    static CompletableFuture<SshClient> take() {
        CompletableFuture<SshClient> prepared = PREPARED.getAndSet(null);
        return prepared != null ? prepared : build();
    }

    /**
     * Waits for a client built ahead that no check took (the command ended first, or checked HTTPS
     * only), and drops it: building it starts Logback, which must be ready before the caller logs,
     * or SLF4J replays the caller's lines with a warning on stderr. Returns the client dropped.
     */
    public static Optional<SshClient> settle() {
        CompletableFuture<SshClient> prepared = PREPARED.getAndSet(null);
        return prepared == null ? Optional.empty() : Optional.ofNullable(prepared.exceptionally(e -> null).join());
    }

    private static CompletableFuture<SshClient> build() {
        return CompletableFuture.supplyAsync(SshClient::setUpDefaultClient, DAEMON);
    }
}
