package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChildProcessesTest {
    @ParameterizedTest
    @ValueSource(strings = {"GITLAB_TOKEN", "CI_JOB_TOKEN", "GIT_TOKEN", "github_token", "DEPLOY_PASSWORD",
        "GIT_PASSWORD", "SSH_PASSPHRASE", "AWS_SECRET_ACCESS_KEY", "CLIENT_SECRET", "JAVA_TOOL_OPTIONS",
        "DOCKER_AUTH_CONFIG", "NPM_CONFIG_USERCONFIG", "PRIVATE_KEY_PASSWD", "LD_PRELOAD", "GIT_CONFIG_PARAMETERS",
        "GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0"})
    void secretsAndUnknownVariablesStayHere(String name) {
        assertThat(ChildProcesses.allowed(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "LANG", "LC_ALL", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK", "GIT_SSH_COMMAND",
        "GIT_CONFIG_GLOBAL", "GCM_CREDENTIAL_STORE", "https_proxy", "NO_PROXY", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
        "SystemRoot", "Path", "USERPROFILE", "DOCKER_CONFIG", "PASSWORD_STORE_DIR", "GPG_TTY"})
    void whatChildrenNeedGoesThrough(String name) {
        assertThat(ChildProcesses.allowed(name)).isTrue();
    }

    @Test
    void aRealChildSeesOnlyTheAllowedVariables() throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("PATH", System.getenv("PATH"));
        vars.put("HOME", "/nonexistent-home");
        vars.put("GITLAB_TOKEN", "glpat-mustNotLeave0123456");
        vars.put("MY_API_SECRET", "s3cret-value");
        Environment env = new Environment(vars, new Properties());
        Process p = ChildProcesses.withoutInput(env, List.of("env"), Map.of("EXTRA", "1")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("HOME=/nonexistent-home").contains("EXTRA=1").doesNotContain("GITLAB_TOKEN")
                .doesNotContain("mustNotLeave").doesNotContain("s3cret-value");
    }
}
