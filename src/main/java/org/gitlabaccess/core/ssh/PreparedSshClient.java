package org.gitlabaccess.core.ssh;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import org.apache.sshd.client.SshClient;
import org.slf4j.LoggerFactory;

/**
 * MINA's client built ahead, on a daemon thread: building it (its algorithm factories, the JCE
 * providers) costs more than a command spends before it connects, so a
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

    /**
     * Starts building a client for the next check, unless one is already being built. SLF4J is set up
     * here first, on the caller's thread: two threads racing to set it up would have it replay the
     * caller's first lines with a warning on stderr. A client nobody takes ends with the process.
     */
    public static void prepare() {
        LoggerFactory.getILoggerFactory();
        if (PREPARED.get() == null) {
            PREPARED.compareAndSet(null, build());
        }
    }

    /** The client built ahead (each is taken once), else one whose building starts now; neither started. */
    static CompletableFuture<SshClient> take() {
        CompletableFuture<SshClient> prepared = PREPARED.getAndSet(null);
        return prepared != null ? prepared : build();
    }

    private static CompletableFuture<SshClient> build() {
        return CompletableFuture.supplyAsync(() -> {
            SshClient client = SshClient.setUpDefaultClient();
            // The ed25519 curve's precomputed tables, made once per process when the first key is
            // read (the user's or the host's): here, rather than while the caller reads its key.
            EdDSANamedCurveTable.getByName(EdDSANamedCurveTable.ED_25519);
            return client;
        }, DAEMON);
    }
}
