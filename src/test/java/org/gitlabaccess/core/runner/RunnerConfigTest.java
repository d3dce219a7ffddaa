package org.gitlabaccess.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab-runner's config.toml as the runner writes it; a broken one is named, its content never shown. */
class RunnerConfigTest {
    private static final String TOKEN = "glrt-t0pS3cr3tRuNnEr0123";

    @Test
    void eachRunnerWithItsUrlTokenExecutorAndDockerAuthConfig(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "concurrent = 4\n\n[[runners]]\n  name = \"docker-1\"\n"
                + "  url = \"https://gitlab.example.com/\"\n"
                + "  token = \"" + TOKEN + "\"\n  token_obtained_at = 2024-05-14T08:00:00Z\n  executor = \"docker\"\n"
                + "  environment = [\"A=1\", \"DOCKER_AUTH_CONFIG={\\\"auths\\\":{}}\"]\n"
                + "  [runners.docker]\n    image = \"alpine\"\n\n"
                + "[[runners]]\n  name = \"no-token\"\n  url = \"not a url\"\n  executor = \"shell\"\n");

        RunnerConfig config = RunnerConfig.read(file);

        assertThat(config.file()).isEqualTo(file);
        assertThat(config.runners()).hasSize(2);
        RegisteredRunner docker = config.runners().get(0);
        assertThat(docker.name()).isEqualTo("docker-1");
        assertThat(docker.url()).isEqualTo("https://gitlab.example.com/");
        assertThat(docker.token().reveal()).isEqualTo(TOKEN);
        assertThat(docker.executor()).isEqualTo("docker");
        assertThat(docker.environment()).isEqualTo(List.of("A=1", "DOCKER_AUTH_CONFIG={\"auths\":{}}"));
        assertThat(docker.dockerAuthConfig()).contains("{\"auths\":{}}");
        assertThat(docker.label()).isEqualTo("docker-1 (https://gitlab.example.com/)");
        assertThat(docker.host().orElseThrow().host()).isEqualTo("gitlab.example.com");
        assertThat(docker.toString()).doesNotContain(TOKEN);
        RegisteredRunner incomplete = config.runners().get(1);
        assertThat(incomplete.token()).isNull();
        assertThat(incomplete.host()).isEmpty();
        assertThat(incomplete.dockerAuthConfig()).isEmpty();
    }

    @Test
    void aCorruptFileIsALocalFilesProblemNamingTheFileAndLineButNotItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "[[runners]]\n  name = \"x\"\n  token = \"" + TOKEN + "\" oops\n");

        ProblemException p = catchThrowableOfType(ProblemException.class, () -> RunnerConfig.read(file));

        assertThat(p.kind()).isEqualTo(ProblemKind.LOCAL_FILES);
        assertThat(p.getMessage()).isEqualTo("The runner configuration " + file + " is not valid TOML (line 3).");
        assertThat(p.getCause()).isNull();
        assertThat(p.getMessage() + p.hint()).doesNotContain(TOKEN).doesNotContain("oops");
    }

    @Test
    void aMissingOrSpecialFileIsNamedToo(@TempDir Path dir) throws IOException {
        ProblemException missing = catchThrowableOfType(ProblemException.class,
                () -> RunnerConfig.read(dir.resolve("absent.toml")));
        assertThat(missing.kind()).isEqualTo(ProblemKind.LOCAL_FILES);
        assertThat(missing.getMessage()).isEqualTo("The runner configuration " + dir.resolve("absent.toml")
                + " could not be read.");

        ProblemException directory = catchThrowableOfType(ProblemException.class, () -> RunnerConfig.read(dir));
        assertThat(directory.getMessage()).isEqualTo("The runner configuration " + dir + " could not be read.");
    }
}
