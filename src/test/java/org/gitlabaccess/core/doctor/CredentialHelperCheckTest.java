package org.gitlabaccess.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.checks.CredentialHelperCheck;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What git would do with a token for the host, judged from the helpers the real git reports. */
class CredentialHelperCheckTest {
    @TempDir
    Path home;

    private CheckResult check(String gitconfig) throws Exception {
        Files.writeString(home.resolve(".gitconfig"), gitconfig);
        Properties props = new Properties();
        props.putAll(System.getProperties());
        props.setProperty("os.name", "Linux");
        // No session bus, as over SSH or in a container: no Secret Service can answer.
        Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv().getOrDefault("PATH",
                "/usr/bin:/bin"), "GIT_CONFIG_NOSYSTEM", "1"), props);
        DoctorContext c = new DoctorContext(new DoctorContext.Inputs(env, SiteConfig.empty(), "https://gitlab.example.com",
                null, null, null, null, List.of(), null, HostKeyDecision.REFUSE, "test-machine", Clock.systemUTC(),
                Locale.ENGLISH, CoreTexts.Wording.COMMAND_LINE));
        return new CredentialHelperCheck().run(c);
    }

    @Test
    void libsecretWithoutASecretServiceIsAWarningNotASafeStore() throws Exception {
        CheckResult r = check("[credential]\n\thelper = libsecret\n");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.summary()).contains("libsecret").contains("no Secret Service");
        assertThat(r.fix().description()).contains("--credential-helper cache");
    }

    @Test
    void theCacheHelperKeepsTheTokenInMemoryOnly() throws Exception {
        CheckResult r = check("[credential]\n\thelper = cache --timeout 900\n");
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.summary()).contains("in memory only");
    }
}
