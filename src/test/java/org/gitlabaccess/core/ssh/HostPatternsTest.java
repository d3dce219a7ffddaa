package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matcher against OpenSSH itself: {@code ssh -G} says whether a {@code Host} or {@code Match host} line applied. */
class HostPatternsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "Host {0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "gitlab.example.com|gitlab.example.com",
        "*.example.com|gitlab.example.com",
        "*.example.com|example.com",
        "*.example.com !gitlab.example.com|gitlab.example.com",
        "!gitlab.example.com *.example.com|other.example.com",
        "!gitlab.example.com|other.example.com",
        "gitlab?.example.com|gitlab1.example.com",
        "gitlab?.example.com|gitlab12.example.com",
        "a,b|a",
        "build-{a,b}|build-a",
        "build-{a,b}|build-b",
        "[x|[x",
        "[x|x",
        "GitLab.example.com|gitlab.example.com",
        "*|anything",
        "**a*b*|xxaxxb",
        "*a*a*a*b|aaaaaaaab",
        "10.0.0.*|10.0.0.7",
        "gitlab.example.com.|gitlab.example.com",
        "\"quoted.example.com\"|quoted.example.com",
        "a b c|c",
    })
    void hostLinesMatchAsOpenSshMatchesThem(String patterns, String host) throws IOException {
        assumeTrue(Processes.available("ssh"));
        Path config = dir.resolve("config");
        Files.writeString(config, "Host " + patterns + "\n  Port 2222\n");
        boolean openSsh = port(config, host) == 2222;
        assertThat(HostPatterns.matchesHostLine(patterns, host)).as("Host %s for %s (OpenSSH: %s)", patterns, host, openSsh)
                .isEqualTo(openSsh);
    }

    @ParameterizedTest(name = "Match host {0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "gitlab.example.com,*.corp|gitlab.example.com",
        "*.corp,!secret.corp|secret.corp",
        "*.corp,!secret.corp|build.corp",
        "GITLAB.example.com|gitlab.example.com",
        "a?c|abc",
        "[y|[y",
    })
    void patternListsMatchAsOpenSshMatchesThem(String list, String host) throws IOException {
        assumeTrue(Processes.available("ssh"));
        Path config = dir.resolve("config");
        Files.writeString(config, "Match host " + list + "\n  Port 2222\n");
        boolean openSsh = port(config, host) == 2222;
        assertThat(HostPatterns.matchesList(list, host)).as("Match host %s for %s (OpenSSH: %s)", list, host, openSsh)
                .isEqualTo(openSsh);
    }

    @Test
    void aPatternFullOfStarsAnswersQuickly() {
        String pattern = "*a".repeat(5000) + "b";
        long start = System.nanoTime();
        assertThat(HostPatterns.matchesHostLine(pattern, "a".repeat(5000))).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    private static int port(Path config, String host) throws IOException {
        var r = Processes.run(null, Map.of(), null, List.of("ssh", "-G", "-F", config.toString(), host));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().filter(l -> l.startsWith("port ")).mapToInt(l -> Integer.parseInt(l.substring(5)))
                .findFirst().orElseThrow();
    }
}
