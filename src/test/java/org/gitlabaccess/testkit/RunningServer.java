package org.gitlabaccess.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test server for a test class ({@code @RegisterExtension static}): started before its first
 * test and closed after its last, with a scratch directory for the tests' homes, removed after.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<GitLabTestServer.Builder> options;
    private Path dir;
    private GitLabTestServer server;

    /** A seeded server with the default options. */
    public RunningServer() {
        this(UnaryOperator.identity());
    }

    /** A seeded server with these options (a channel limit, host key types...). */
    public RunningServer(UnaryOperator<GitLabTestServer.Builder> options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("gitlab-access-test");
        server = options.apply(GitLabTestServer.builder(dir.resolve("server"))).start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public GitLabTestServer get() {
        return server;
    }

    /** A new directory for one test's files (a home), below the scratch directory. */
    public Path directory(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    /** HTTP settings that trust the server's certificate authority. */
    public HttpSettings http() {
        return new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
    }
}
