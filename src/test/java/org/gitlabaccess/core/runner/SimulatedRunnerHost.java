package org.gitlabaccess.core.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.gitlabaccess.core.io.FilePermissions;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;

/**
 * A build server in a temporary directory, as in the field report: two runners registered with the
 * test server (one token live, one expired), a forgotten test login with an expired token in
 * /root/.docker/config.json, and the runner's own DOCKER_AUTH_CONFIG with a live token.
 */
public final class SimulatedRunnerHost {
    public static final String LIVE_RUNNER = "build-01";
    public static final String OLD_RUNNER = "build-02-old";

    /** Root's docker config as a person edited it: spaces, a second login, a setting after auths. */
    public static final String ROOT_DOCKER_CONFIG_BEFORE = "{\n"
            + "  \"auths\" : {\n"
            + "    \"https://index.docker.io/v1/\" : { \"auth\" : \"" + auth("someone", "hub-secret-value") + "\" },\n"
            + "    \"registry.127.0.0.1\"  :  {\n      \"auth\": \"" + auth("alice", Seed.EXPIRED_TOKEN) + "\"\n    }\n"
            + "  },\n"
            + "  \"psFormat\": \"table {{.ID}}\\t{{.Names}}\"\n"
            + "}\n";
    /** The same file without the stale login: the comma before it goes, every other byte stays. */
    public static final String ROOT_DOCKER_CONFIG_AFTER = "{\n"
            + "  \"auths\" : {\n"
            + "    \"https://index.docker.io/v1/\" : { \"auth\" : \"" + auth("someone", "hub-secret-value") + "\" }\n"
            + "  },\n"
            + "  \"psFormat\": \"table {{.ID}}\\t{{.Names}}\"\n"
            + "}\n";

    private SimulatedRunnerHost() {
    }

    public static String auth(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Lays the host out below {@code root}; returns it. */
    public static RunnerHost create(Path root, GitLabTestServer server) throws IOException {
        RunnerHost host = new RunnerHost(root);
        String dockerAuthConfig = "{\\\"auths\\\":{\\\"127.0.0.1:5050\\\":{\\\"auth\\\":\\\""
                + auth("alice", Seed.API_TOKEN) + "\\\"}}}";
        write(host.configFile(), "concurrent = 2\n"
                + "check_interval = 0\n"
                + "\n"
                + "[session_server]\n"
                + "  session_timeout = 1800\n"
                + "\n"
                + "[[runners]]\n"
                + "  name = \"" + LIVE_RUNNER + "\"\n"
                + "  url = \"" + server.baseUrl() + "\"\n"
                + "  id = 1\n"
                + "  token = \"" + Seed.RUNNER_TOKEN + "\"\n"
                + "  token_obtained_at = 2026-11-01T10:00:00Z\n"
                + "  token_expires_at = 0001-01-01T00:00:00Z\n"
                + "  executor = \"docker\"\n"
                + "  environment = [\"GIT_DEPTH=10\", \"DOCKER_AUTH_CONFIG=" + dockerAuthConfig + "\"]\n"
                + "  [runners.cache]\n"
                + "    MaxUploadedArchiveSize = 0\n"
                + "  [runners.docker]\n"
                + "    image = \"alpine:latest\"\n"
                + "    privileged = false\n"
                + "    volumes = [\"/cache\"]\n"
                + "\n"
                + "[[runners]]\n"
                + "  name = \"" + OLD_RUNNER + "\"\n"
                + "  url = \"" + server.baseUrl() + "\"\n"
                + "  token = \"" + Seed.EXPIRED_RUNNER_TOKEN + "\"\n"
                + "  executor = \"shell\"\n");
        write(host.inside("/etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "gitlab-runner:x:998:998:GitLab Runner:/home/gitlab-runner:/bin/bash\n");
        write(host.dockerConfig(RunnerHost.SERVICE_USER), ROOT_DOCKER_CONFIG_BEFORE);
        return host;
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        if (FilePermissions.isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
