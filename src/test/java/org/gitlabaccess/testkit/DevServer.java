package org.gitlabaccess.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a seeded test server for trying the CLI or the wizard by hand:
 * prints its address, CA file and SSH port, then runs until killed.
 */
public final class DevServer {
    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("gitlab-test-server");
        GitLabTestServer server = GitLabTestServer.start(dir);
        System.out.println("url=" + server.baseUrl());
        System.out.println("ca=" + server.caFile());
        System.out.println("ssh=" + server.sshHost() + ":" + server.sshPort());
        System.out.println("hostkey=" + server.hostKeyFingerprint());
        System.out.println("api-token=" + Seed.API_TOKEN);
        System.out.flush();
        Thread.currentThread().join();
    }
}
