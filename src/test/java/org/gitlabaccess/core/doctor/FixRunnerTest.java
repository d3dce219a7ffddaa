package org.gitlabaccess.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.checks.PlaintextSecretsCheck;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixes doctor --fix and the wizard apply: only the chosen ones, each check run again with its new status. */
class FixRunnerTest {
    private static final String OTHER_LINE = "https://carol:unrelated-secret-1@git.example.org\n";

    @TempDir
    Path home;
    private DoctorContext.Inputs inputs;
    private final Check gitCredentials = PlaintextSecretsCheck.gitCredentials();
    private final Check netrc = PlaintextSecretsCheck.netrc();
    private final CountingCheck untouched = new CountingCheck();

    @BeforeEach
    void sandbox() throws IOException {
        Files.writeString(home.resolve(".git-credentials"), OTHER_LINE
                + "https://alice:glpat-expired-0000000000@gitlab.example.com\n");
        Files.writeString(home.resolve(".netrc"), "machine gitlab.example.com login alice password glpat-x-1\n");
        inputs = new DoctorContext.Inputs(new Environment(Map.of("HOME", home.toString()), new Properties()),
                SiteConfig.empty(), "https://gitlab.example.com", null, null, null, null, List.of(), null,
                HostKeyDecision.REFUSE, "test-machine", Clock.systemUTC(), Locale.ENGLISH, CoreTexts.Wording.COMMAND_LINE);
    }

    private List<CheckResult> diagnose(List<Check> checks) {
        return new Doctor(checks, Doctor.PER_CHECK_TIMEOUT).run(new DoctorContext(inputs), r -> { });
    }

    @Test
    void appliesTheChosenFixAndRunsItsCheckAgain() throws IOException {
        List<Check> checks = List.of(gitCredentials, netrc, untouched);
        List<CheckResult> before = diagnose(checks);
        assertThat(before.get(0).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(before.get(0).fix().consent()).isEqualTo("Removes 1 entry: plaintext secret for"
                + " gitlab.example.com (user alice) in ~/.git-credentials (line 2). Other lines stay as they are.");
        String netrcBytes = Files.readString(home.resolve(".netrc"));
        int runsBefore = untouched.runs.get();

        List<String> told = new ArrayList<>();
        List<FixRunner.Outcome> outcomes = new FixRunner(checks, Doctor.PER_CHECK_TIMEOUT).apply(inputs, before,
                r -> r.id() == CheckId.GIT_CREDENTIALS_PLAINTEXT, (r, changed) -> told.add(r.id().id() + ": " + changed));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(CheckId.GIT_CREDENTIALS_PLAINTEXT);
            assertThat(o.before().status()).isEqualTo(CheckStatus.FAIL);
            assertThat(o.changed()).isEqualTo("Removed 1 entry from ~/.git-credentials.");
            assertThat(o.after().status()).isEqualTo(CheckStatus.OK);
        });
        assertThat(told).containsExactly("git-credentials-plaintext: Removed 1 entry from ~/.git-credentials.");
        assertThat(Files.readString(home.resolve(".git-credentials"))).isEqualTo(OTHER_LINE);
        assertThat(Files.readString(home.resolve(".netrc"))).isEqualTo(netrcBytes);
        assertThat(untouched.runs.get()).as("a check no fix touched is not run again").isEqualTo(runsBefore);

        List<CheckResult> merged = FixRunner.merge(before, outcomes);
        assertThat(merged).extracting(CheckResult::status)
                .containsExactly(CheckStatus.OK, CheckStatus.FAIL, CheckStatus.OK);
    }

    @Test
    void aFixThatFailsDoesNotStopTheOthersAndIsReportedWithItsCheckRunAgain() throws IOException {
        Check broken = new Check() {
            @Override
            public CheckId id() {
                return CheckId.SSH_AGENT;
            }

            @Override
            public CheckResult run(DoctorContext context) {
                return CheckResult.fail(id(), "broken", Fix.automatic("mend", "Mends it.", c -> {
                    throw new IllegalStateException("the disk is full");
                }));
            }
        };
        List<Check> checks = List.of(broken, gitCredentials);
        List<CheckResult> before = diagnose(checks);
        List<String> told = new ArrayList<>();

        List<FixRunner.Outcome> outcomes = new FixRunner(checks, Doctor.PER_CHECK_TIMEOUT).apply(inputs, before,
                r -> true, new FixRunner.Listener() {
                    @Override
                    public void applied(CheckResult r, String changed) {
                        told.add("applied " + r.id().id());
                    }

                    @Override
                    public void failed(CheckResult r, RuntimeException why) {
                        told.add("failed " + r.id().id() + ": " + why.getMessage());
                    }
                });

        assertThat(told).containsExactly("failed ssh-agent: the disk is full", "applied git-credentials-plaintext");
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).applied()).isFalse();
        assertThat(outcomes.get(0).changed()).isNull();
        assertThat(outcomes.get(0).after().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(outcomes.get(1).applied()).isTrue();
        assertThat(outcomes.get(1).after().status()).isEqualTo(CheckStatus.OK);
        assertThat(Files.readString(home.resolve(".git-credentials"))).isEqualTo(OTHER_LINE);
    }

    @Test
    void appliesNothingWhenNoFixIsChosen() throws IOException {
        List<Check> checks = List.of(gitCredentials, netrc);
        List<CheckResult> before = diagnose(checks);
        String credentials = Files.readString(home.resolve(".git-credentials"));

        List<FixRunner.Outcome> outcomes = new FixRunner(checks, Doctor.PER_CHECK_TIMEOUT).apply(inputs, before,
                r -> false, (r, changed) -> { throw new AssertionError("nothing was to be applied"); });

        assertThat(outcomes).isEmpty();
        assertThat(Files.readString(home.resolve(".git-credentials"))).isEqualTo(credentials);
        assertThat(FixRunner.merge(before, outcomes)).isEqualTo(before);
    }

    @Test
    void onlyNotOkResultsWithAnAutomaticFixAreFixable() {
        Fix automatic = Fix.automatic("remove", "Removes one line.", c -> "removed");
        assertThat(FixRunner.fixable(CheckResult.fail(CheckId.NETRC_PLAINTEXT, "found", automatic))).isTrue();
        assertThat(FixRunner.fixable(new CheckResult(CheckId.NETRC_PLAINTEXT, CheckStatus.OK, "fine", Map.of(),
                automatic))).isFalse();
        assertThat(FixRunner.fixable(CheckResult.warn(CheckId.SSH_AGENT, "none",
                Fix.manual("start one", Remedy.NONE)))).isFalse();
        assertThat(FixRunner.fixable(CheckResult.skip(CheckId.SSH_AUTH, "no key"))).isFalse();
    }

    /** A check no fix touches, counting how often it runs. */
    private static final class CountingCheck implements Check {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public CheckId id() {
            return CheckId.GIT_VERSION;
        }

        @Override
        public CheckResult run(DoctorContext context) {
            runs.incrementAndGet();
            return CheckResult.ok(id(), "fine");
        }
    }
}
