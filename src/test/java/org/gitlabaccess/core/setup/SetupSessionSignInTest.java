package org.gitlabaccess.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tasks that need the sign-in at the same moment (the wizard's pages) share one sign-in. */
class SetupSessionSignInTest {
    @RegisterExtension
    static final RunningServer SERVER = new RunningServer();

    private static long signInsSoFar() {
        return SERVER.get().state().requests().stream().filter(r -> r.path().endsWith("/personal_access_tokens/self")).count();
    }

    @Test
    void concurrentCallersShareOneSignIn() throws Exception {
        Path home = SERVER.directory("home");
        Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv().getOrDefault("PATH",
                "/usr/bin:/bin")), new Properties());
        SetupSession session = new SetupSession(SetupRequest.builder(env, SiteConfig.empty()).host(SERVER.get().baseUrl())
                .caFile(SERVER.get().caFile()).token(Secret.of(Seed.API_TOKEN)).build());
        long before = signInsSoFar();
        int callers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<SignedIn>> all = IntStream.range(0, callers)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return session.signIn(Progress.NONE);
                    })).toList();
            go.countDown();
            SignedIn first = all.get(0).get(30, TimeUnit.SECONDS);
            for (Future<SignedIn> f : all) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(signInsSoFar() - before).isEqualTo(1);
    }
}
