package org.gitlabaccess.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.checks.HostReachableCheck;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check that fails on a problem says it in the doctor's language; English stays as the command line prints it. */
class DoctorProblemLocaleTest {

    @Test
    void anUnreachableHostIsSaidInTheCallersLanguage(@TempDir Path dir) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        Environment env = new Environment(Map.of("HOME", home.toString()), new Properties());
        String where = "127.0.0.1:" + closed;

        CheckResult german = new HostReachableCheck().run(context(env, "https://" + where, Locale.GERMAN));
        assertThat(german.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(german.summary()).isEqualTo("Unter " + where + " antwortet nichts (Verbindung abgelehnt).");
        assertThat(german.fix().description())
                .isEqualTo("Prüfen Sie Adresse und Port; vielleicht ist der Server nicht in Betrieb.");

        CheckResult english = new HostReachableCheck().run(context(env, "https://" + where, Locale.ENGLISH));
        assertThat(english.summary()).isEqualTo("Nothing answered at " + where + " (connection refused).");
        assertThat(english.fix().description()).isEqualTo("Check the address and port; the server may be down.");
    }

    private static DoctorContext context(Environment env, String host, Locale locale) {
        return new DoctorContext(new DoctorContext.Inputs(env, SiteConfig.empty(), host, null, null, null, null,
                List.of(), null, HostKeyDecision.REFUSE, "test-machine", Clock.systemUTC(), locale,
                CoreTexts.Wording.COMMAND_LINE));
    }
}
