package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.SshClient;
import org.junit.jupiter.api.Test;

/** A client built ahead goes to one check only, unstarted: each check configures and starts its own. */
class PreparedSshClientTest {
    @Test
    void aPreparedClientIsTakenOnceThenEachTakeBuildsAnother() {
        PreparedSshClient.take().join(); // the one another test's command line prepared, if any
        PreparedSshClient.prepare();
        PreparedSshClient.prepare(); // already under way: not a second client waiting
        SshClient prepared = PreparedSshClient.take().join();
        SshClient next = PreparedSshClient.take().join();
        SshClient after = PreparedSshClient.take().join();

        assertThat(prepared).isNotSameAs(next).isNotSameAs(after);
        assertThat(next).isNotSameAs(after);
        assertThat(prepared.isStarted()).isFalse();
    }

    @Test
    void theBuildingThreadDoesNotKeepTheProcessAlive() {
        Thread builder = CompletableFuture.supplyAsync(Thread::currentThread, PreparedSshClient.DAEMON).join();
        assertThat(builder.isDaemon()).isTrue();
    }
}
