package org.gitlabaccess.hostile;

import java.nio.file.Path;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.ssh.SshConfigBlock;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * A child process for {@link FilesHostileTest}: writes the product's {@code ~/.ssh/config} block
 * through the production write path, alternating two ports, until it is killed.
 * Arguments: the home directory.
 */
public final class SshConfigWriterMain {
    private SshConfigWriterMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        Path config = home.resolve(".ssh").resolve("config");
        AtomicFile atomic = new AtomicFile();
        for (int i = 0; ; i++) {
            int port = i % 2 == 0 ? 22 : 2222;
            SshConfigBlock.writeTo(config, new SshConfigBlock.Settings(SshEndpoint.of("gitlab.example.com", port),
                    home.resolve(".ssh").resolve("id_ed25519_gitlab.example.com"), home, false), atomic);
            if (i == 0) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
