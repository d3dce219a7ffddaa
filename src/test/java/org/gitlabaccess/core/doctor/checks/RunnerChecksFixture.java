package org.gitlabaccess.core.doctor.checks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.testkit.GitLabTestServer;

/** The doctor as the lead runs it on a build server: the test server's CA, no token of its own. */
final class RunnerChecksFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private RunnerChecksFixture() {
    }

    static DoctorContext context(GitLabTestServer server, Path home, Locale locale) {
        Environment env = new Environment(Map.of("HOME", home.toString()), new Properties());
        return new DoctorContext(new DoctorContext.Inputs(env, SiteConfig.empty(), server.baseUrl(), server.caFile(),
                null, null, null, List.of(), null, HostKeyDecision.REFUSE, "build-server", CLOCK, locale));
    }
}
