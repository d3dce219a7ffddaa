package org.gitlabaccess.core.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Redactor;
import org.slf4j.LoggerFactory;

/**
 * Runs every check in parallel, each within its own time limit, and returns the results in the
 * checks' order. A check that throws or overruns becomes a result too: the doctor always answers.
 */
public final class Doctor {
    public static final Duration PER_CHECK_TIMEOUT = Duration.ofSeconds(20);

    private final List<Check> checks;
    private final Duration timeout;

    public Doctor(List<Check> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    public List<Check> checks() {
        return checks;
    }

    public List<CheckResult> run(DoctorContext context, Consumer<CheckResult> listener) {
        // Start logging on this thread: checks that log for the first time at once, from several
        // threads, make SLF4J print a warning about replayed calls.
        LoggerFactory.getILoggerFactory();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, checks.size()), r -> {
            Thread t = new Thread(r, "doctor-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Check c : checks) {
                futures.add(pool.submit(() -> runOne(c, context)));
            }
            List<CheckResult> results = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < checks.size(); i++) {
                CheckResult r;
                try {
                    long left = Math.max(1, deadline - System.nanoTime());
                    r = futures.get(i).get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    r = CheckResult.fail(checks.get(i).id(), context.texts().get("doctor.timeout", timeout.toSeconds()),
                            Fix.manual(context.texts().get("doctor.timeout.fix"), Remedy.CHECK_AGAIN));
                } catch (ExecutionException e) {
                    r = CheckResult.fail(checks.get(i).id(), context.texts().get("doctor.unexpected",
                            Redactor.describe(e.getCause()).lines().findFirst().orElse("")),
                            Fix.manual(context.texts().get("doctor.unexpected.fix"), Remedy.CHECK_AGAIN));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    r = CheckResult.skip(checks.get(i).id(), context.texts().get("doctor.cancelled"));
                }
                results.add(r);
                listener.accept(r);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResult runOne(Check c, DoctorContext context) {
        try {
            return c.run(context);
        } catch (ProblemException e) {
            return CheckResult.fail(c.id(), e, context.locale());
        }
    }
}
