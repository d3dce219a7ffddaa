package org.gitlabaccess.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.checks.HostReachableCheck;
import org.gitlabaccess.core.doctor.checks.TlsTrustCheck;
import org.gitlabaccess.core.doctor.checks.TokenValidCheck;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupReport;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks and steps speak the caller's language: German for a German caller, the old English for English. */
class DoctorTextsTest {
    /** What one language says; {0} stands for the instance's root, {1} for its host. */
    private record Expected(Locale locale, String reachable, String trusted, String expiringPattern, String rotate,
                            String signedIn) {
    }

    private static final List<Expected> LANGUAGES = List.of(
            new Expected(Locale.GERMAN, "GitLab antwortet unter {0}.",
                    "Dem Zertifikat von {1} wird vertraut (mit der angegebenen CA-Datei).",
                    "Das Token von @alice läuft am \\d{4}-\\d{2}-\\d{2} ab \\(in \\d Tagen\\)\\.",
                    "Erneuern Sie es: gitlab-access login --rotate --token-out DATEI.",
                    "Bei {0} angemeldet als @alice."),
            new Expected(Locale.ENGLISH, "GitLab answers at {0}.",
                    "The certificate of {1} is trusted (with the CA file given).",
                    "The token of @alice expires on \\d{4}-\\d{2}-\\d{2} \\(in \\d days\\)\\.",
                    "Rotate it: gitlab-access login --rotate --token-out FILE.",
                    "Signed in to {0} as @alice."));

    @Test
    void checksAndStepsSpeakTheCallersLanguage(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Properties props = new Properties();
        props.putAll(System.getProperties());
        Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv().getOrDefault("PATH",
                "/usr/bin:/bin")), props);
        try (GitLabTestServer server = GitLabTestServer.start(dir.resolve("server"))) {
            for (Expected x : LANGUAGES) {
                DoctorContext c = new DoctorContext(new DoctorContext.Inputs(env, SiteConfig.empty(), server.baseUrl(),
                        server.caFile(), null, null, Secret.of(Seed.EXPIRING_SOON_TOKEN), List.of(), null,
                        HostKeyDecision.REFUSE, "test-machine", Clock.systemUTC(), x.locale(),
                        CoreTexts.Wording.COMMAND_LINE));
                String root = c.instance().root();
                String host = c.url().host();
                assertThat(new HostReachableCheck().run(c).summary()).isEqualTo(x.reachable().replace("{0}", root));
                assertThat(new TlsTrustCheck().run(c).summary()).isEqualTo(x.trusted().replace("{1}", host));
                CheckResult token = new TokenValidCheck().run(c);
                assertThat(token.status()).isEqualTo(CheckStatus.WARN);
                assertThat(token.summary()).matches(x.expiringPattern());
                assertThat(token.fix().description()).isEqualTo(x.rotate());

                // Setup's first step, in the same language; the run stops after it (cancelled).
                AtomicBoolean stop = new AtomicBoolean();
                Progress stopAfterFirst = new Progress() {
                    @Override
                    public void update(String message, double fraction) {
                    }

                    @Override
                    public boolean cancelled() {
                        return stop.get();
                    }
                };
                SetupReport report = new SetupSession(SetupRequest.builder(env, SiteConfig.empty())
                        .host(server.baseUrl()).caFile(server.caFile()).token(Secret.of(Seed.API_TOKEN))
                        .locale(x.locale()).build()).apply(stopAfterFirst, o -> stop.set(true));
                assertThat(report.steps().get(0).summary()).isEqualTo(x.signedIn().replace("{0}", root));
            }
        }
    }
}
