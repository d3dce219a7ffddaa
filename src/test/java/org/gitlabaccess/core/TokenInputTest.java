package org.gitlabaccess.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenInputTest {
    private static final String TOKEN = "glpat-Ab3dEf6hIj9kLm2nOp5q";
    @TempDir
    Path dir;

    private static Environment env(Map<String, String> vars) {
        return new Environment(vars, new Properties());
    }

    private static InputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheFirstLineOfAFileTrimmed() throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, "  " + TOKEN + "  \n# created for the laptop\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        TokenInput input = new TokenInput();
        assertThat(input.read(new TokenInput.Source(f, false), stdin(""), env(Map.of())).orElseThrow().reveal())
                .isEqualTo(TOKEN);
        assertThat(input.warnings()).isEmpty();
    }

    @Test
    void warnsWhenOthersCanReadTheTokenFile() throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, TOKEN);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        TokenInput input = new TokenInput();
        input.read(new TokenInput.Source(f, false), stdin(""), env(Map.of()));
        assertThat(input.warnings()).singleElement().asString().contains("chmod 600");
    }

    @Test
    void readsStandardInputWithItsNewline() {
        var s = new TokenInput().read(new TokenInput.Source(null, true), stdin(TOKEN + "\r\n"), env(Map.of()));
        assertThat(s.orElseThrow().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void fallsBackToTheEnvironmentVariable() {
        var s = new TokenInput().read(TokenInput.Source.none(), stdin(""), env(Map.of("GITLAB_TOKEN", TOKEN + "\n")));
        assertThat(s.orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(new TokenInput().read(TokenInput.Source.none(), stdin(""), env(Map.of()))).isEmpty();
    }

    @Test
    void refusesTwoSourcesEmptyInputAndMissingFiles() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> new TokenInput().read(new TokenInput.Source(missing, true), stdin(""), env(Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.USAGE));
        assertThatThrownBy(() -> new TokenInput().read(new TokenInput.Source(null, true), stdin("\n\n"), env(Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.reason()).isEqualTo("token-empty"));
        assertThatThrownBy(() -> new TokenInput().read(new TokenInput.Source(missing, false), stdin(""), env(Map.of())))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.kind()).isEqualTo(ProblemKind.LOCAL_FILES));
    }
}
