package org.gitlabaccess.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {
    @TempDir
    Path dir;

    @Test
    void laterLayersOverrideEarlierOnesFieldByField() throws Exception {
        Path machine = Files.createDirectories(dir.resolve("etc")).resolve("config.json");
        Files.writeString(machine, "{\"host\":\"https://gitlab.corp\",\"sshPort\":2222,\"caFile\":\"ca.pem\","
                + "\"oauthClientId\":\"abc\"}");
        Path user = Files.createDirectories(dir.resolve("user")).resolve("config.json");
        Files.writeString(user, "{\"host\":\"https://gitlab.example.com\",\"scanRoots\":[\"src\"]}");
        SiteConfig c = SiteConfig.load(List.of(machine, dir.resolve("missing.json"), user));
        assertThat(c.host()).contains("https://gitlab.example.com");
        assertThat(c.sshPort()).contains(2222);
        assertThat(c.caFile()).contains(dir.resolve("etc").resolve("ca.pem"));
        assertThat(c.oauthClientId()).contains("abc");
        assertThat(c.scanRoots()).containsExactly(dir.resolve("user").resolve("src"));
        assertThat(c.sources()).containsExactly(machine, user);
    }

    @Test
    void aCorruptFileIsALocalFilesErrorNamingIt() throws Exception {
        Path bad = dir.resolve("config.json");
        Files.writeString(bad, "{\"host\": ");
        assertThatThrownBy(() -> SiteConfig.load(List.of(bad))).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.LOCAL_FILES);
            assertThat(p.getMessage()).contains(bad.toString());
        });
    }
}
