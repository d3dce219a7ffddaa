package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host-name fields of known_hosts lines, matched by the product and by the real
 * {@code ssh-keygen -F} (OpenSSH's own hostfile matching): they must agree on every row.
 */
class KnownHostsNamesTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = ' ', value = {
            "gitlab.example.com gitlab.example.com",
            "GitLab.Example.COM gitlab.example.com",
            "gitlab.example.com [gitlab.example.com]:2222",
            "[gitlab.example.com]:2222 [gitlab.example.com]:2222",
            "[gitlab.example.com]:2222 gitlab.example.com",
            "[gitlab.example.com]:22 gitlab.example.com",
            "*.example.com gitlab.example.com",
            "*.example.com example.com",
            "git?ab.example.com gitlab.example.com",
            "git?ab.example.com gitlaab.example.com",
            "*,!gitlab.example.com gitlab.example.com",
            "*,!gitlab.example.com other.example.com",
            "!gitlab.example.com other.example.com",
            "!gitlab.example.com,*.example.com gitlab.example.com",
            "other.example.com,gitlab.example.com gitlab.example.com",
            "[gitlab.example.com]:*,!* [gitlab.example.com]:2222",
            "[*.example.com]:2??2 [gitlab.example.com]:2222",
            "* [gitlab.example.com]:2222",
            "**a*a*a*a*a*a*a*b aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "gitlab.example.com, gitlab.example.com",
            ",gitlab.example.com gitlab.example.com",
            "10.0.0.* 10.0.0.7",
            "|1|notbase64|x gitlab.example.com"})
    void matchesExactlyAsOpenSsh(String field, String name) throws IOException {
        assertThat(KnownHostsNames.matches(field, name)).as("%s for %s", field, name).isEqualTo(openSshMatches(field, name));
    }

    @ParameterizedTest(name = "hashed {0}")
    @CsvSource({"gitlab.example.com", "[gitlab.example.com]:2222"})
    void aHashedNameMatchesItsHostOnlyAndOpenSshReadsIt(String name) throws IOException {
        String hashed = KnownHostsNames.hashed(name);
        assertThat(hashed).startsWith("|1|").doesNotContain(name);
        assertThat(KnownHostsNames.matches(hashed, name)).isTrue();
        assertThat(KnownHostsNames.matches(hashed, "other.example.com")).isFalse();
        assertThat(openSshMatches(hashed, name)).isTrue();
    }

    /** Whether {@code ssh-keygen -F name} finds the line. */
    private boolean openSshMatches(String field, String name) throws IOException {
        assumeTrue(Processes.available("ssh-keygen"));
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, field + " " + KEY + "\n");
        Processes.Result r = Processes.run(dir, Map.of(), "ssh-keygen", "-F", name, "-f", file.toString());
        return r.stdout().contains(KEY.substring(12));
    }
}
