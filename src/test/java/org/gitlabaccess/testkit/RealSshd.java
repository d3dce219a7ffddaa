package org.gitlabaccess.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSSH server ({@code /usr/sbin/sshd}) as a child process on a free loopback port, with
 * its own configuration and the host keys it is given: the judge the product's host key decisions
 * are compared with. Nobody can log in (no authorized key); a client sees the host key and then
 * "Permission denied".
 */
public final class RealSshd implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** sshd refuses to start without its privilege separation directory. */
    private static final Path PRIVSEP = Path.of("/run/sshd");

    private final Process process;
    private final String address;
    private final int port;
    private final Path log;

    private RealSshd(Process process, String address, int port, Path log) {
        this.process = process;
        this.address = address;
        this.port = port;
        this.log = log;
    }

    /** Whether a real sshd can run here: installed, and its privilege separation directory there or creatable. */
    public static boolean available() {
        if (!Files.isExecutable(SSHD) || !Processes.available("ssh") || !Processes.available("ssh-keygen")) {
            return false;
        }
        try {
            Files.createDirectories(PRIVSEP);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Generates a host key of the type with {@code ssh-keygen} (no passphrase); returns the private key file. */
    public static Path hostKey(Path dir, String type) throws IOException {
        Path file = dir.resolve("ssh_host_" + type + "_key");
        Processes.Result r = Processes.run(dir, Map.of(), "ssh-keygen", "-q", "-t", type, "-N", "", "-C", "",
                "-f", file.toString());
        if (r.exitCode() != 0) {
            throw new IOException("ssh-keygen -t " + type + ": " + r.all());
        }
        return file;
    }

    /** Starts sshd on 127.0.0.1 and a free port, presenting exactly these host keys, and waits until it answers. */
    public static RealSshd start(Path dir, List<Path> hostKeys) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return start(dir, hostKeys, "127.0.0.1", port);
    }

    /** Starts sshd on this loopback address and port (22 needs root and a free port 22 there). */
    public static RealSshd start(Path dir, List<Path> hostKeys, String address, int port) throws IOException {
        Files.createDirectories(dir);
        StringBuilder config = new StringBuilder();
        hostKeys.forEach(k -> config.append("HostKey ").append(k.toAbsolutePath()).append('\n'));
        config.append("ListenAddress ").append(address).append('\n')
                .append("Port ").append(port).append('\n')
                .append("PidFile ").append(dir.resolve("sshd.pid").toAbsolutePath()).append('\n')
                .append("UsePAM no\nStrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
                .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys").toAbsolutePath()).append('\n');
        Path configFile = dir.resolve("sshd_config");
        Files.writeString(configFile, config.toString());
        Path log = dir.resolve("sshd.log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", configFile.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealSshd sshd = new RealSshd(p, address, port, log);
        sshd.awaitBanner();
        return sshd;
    }

    public int port() {
        return port;
    }

    private void awaitBanner() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] banner = in.readNBytes(8);
                if (new String(banner, StandardCharsets.US_ASCII).startsWith("SSH-2.0")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        close();
        throw new IOException("sshd did not answer on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
