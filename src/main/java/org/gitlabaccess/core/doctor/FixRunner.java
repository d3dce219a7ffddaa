package org.gitlabaccess.core.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Applies the automatic fixes chosen among the doctor's results, then runs again exactly the checks
 * they touched: the one place {@code doctor --fix} and the wizard's Diagnose page share.
 */
public final class FixRunner {
    /** Told of each fix as soon as it is made or has failed, before the checks run again. */
    public interface Listener {
        void applied(CheckResult before, String changed);

        /** A fix that could not be made; the fixes after it are still applied. */
        default void failed(CheckResult before, RuntimeException why) {
        }
    }

    /**
     * One fix tried.
     *
     * @param before  the result that offered the fix
     * @param changed the fix's sentence of what it changed; null when it failed
     * @param failure why the fix could not be made; null when it was
     * @param after   the same check, run again after every chosen fix was tried
     */
    public record Outcome(CheckResult before, String changed, RuntimeException failure, CheckResult after) {
        public CheckId id() {
            return before.id();
        }

        public boolean applied() {
            return failure == null;
        }
    }

    private final List<Check> checks;
    private final Duration timeout;

    /** @param checks the checks that produced the results (a fix re-runs its own) */
    public FixRunner(List<Check> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    /** A result with a fix the doctor can apply itself. */
    public static boolean fixable(CheckResult r) {
        return r.status() != CheckStatus.OK && r.fix() != null && r.fix().automatic();
    }

    /**
     * Applies, in the results' order, each automatic fix the predicate chooses (asked only for fixable
     * results), then re-runs the checks that were fixed, once, on a fresh context: what the fixes
     * changed is read anew. A fix that fails does not stop the others: each leaves its files as they
     * were, and its check is run again like the rest, so the report says where everything stands.
     */
    public List<Outcome> apply(DoctorContext.Inputs inputs, List<CheckResult> results, Predicate<CheckResult> chosen,
                               Listener listener) {
        DoctorContext context = new DoctorContext(inputs);
        List<CheckResult> fixed = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        List<Check> touched = new ArrayList<>();
        for (CheckResult r : results) {
            if (!fixable(r) || !chosen.test(r)) {
                continue;
            }
            Check check = check(r.id());
            String changed = null;
            RuntimeException failure = null;
            try {
                changed = r.fix().action().apply(context);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure == null) {
                listener.applied(r, changed);
            } else {
                listener.failed(r, failure);
            }
            fixed.add(r);
            changes.add(changed);
            failures.add(failure);
            touched.add(check);
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        List<CheckResult> again = new Doctor(touched, timeout).run(new DoctorContext(inputs), r -> { });
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < fixed.size(); i++) {
            outcomes.add(new Outcome(fixed.get(i), changes.get(i), failures.get(i), again.get(i)));
        }
        return outcomes;
    }

    /** The results with each fixed check's new result in its place. */
    public static List<CheckResult> merge(List<CheckResult> results, List<Outcome> outcomes) {
        List<CheckResult> merged = new ArrayList<>(results);
        for (Outcome o : outcomes) {
            merged.replaceAll(r -> r.id() == o.id() ? o.after() : r);
        }
        return merged;
    }

    private Check check(CheckId id) {
        return checks.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No check " + id.id() + " among the doctor's"));
    }
}
