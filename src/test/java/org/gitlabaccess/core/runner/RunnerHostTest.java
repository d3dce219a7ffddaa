package org.gitlabaccess.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build server's paths below a root directory, homes as /etc/passwd says. */
class RunnerHostTest {
    @Test
    void homesComeFromPasswdBelowTheRoot(@TempDir Path root) throws IOException {
        RunnerHost host = new RunnerHost(root);
        SimulatedRunnerHost.write(host.inside("/etc/passwd"), "# comment\nroot:x:0:0:root:/root:/bin/bash\n"
                + "gitlab-runner:x:998:998:GitLab Runner:/var/lib/gitlab-runner:/bin/sh\n");

        assertThat(host.configFile()).isEqualTo(root.resolve("etc/gitlab-runner/config.toml"));
        assertThat(host.dockerConfig("gitlab-runner"))
                .isEqualTo(root.resolve("var/lib/gitlab-runner/.docker/config.json"));
        assertThat(host.home("root")).isEqualTo(root.resolve("root"));
    }

    @Test
    void withoutAPasswdEntryTheUsualHomes(@TempDir Path root) {
        RunnerHost host = new RunnerHost(root);

        assertThat(host.home("root")).isEqualTo(root.resolve("root"));
        assertThat(host.home("gitlab-runner")).isEqualTo(root.resolve("home/gitlab-runner"));
        assertThat(RunnerHost.system().configFile()).isEqualTo(RunnerConfig.DEFAULT_FILE);
    }
}
