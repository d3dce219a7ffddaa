package org.gitlabaccess.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hands a secret to a child without an argument, an environment variable or a file on disk: a named
 * pipe in a new owner-only directory, answered with the secret each time someone opens it until
 * closed. The child's helper ({@code cat PIPE}) names only the path. Not on Windows (no such pipes
 * there through the JDK).
 */
public final class SecretPipe implements AutoCloseable {
    private final Path dir;
    private final Path fifo;
    private final byte[] content;
    private final Thread writer;
    private volatile boolean closed;

    private SecretPipe(Path dir, Path fifo, byte[] content) {
        this.dir = dir;
        this.fifo = fifo;
        this.content = content;
        this.writer = new Thread(this::serve, "secret-pipe");
        writer.setDaemon(true);
    }

    /** A new pipe answering {@code content}; the caller clears its own copy. */
    public static SecretPipe open(Environment env, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("gitlab-access-", FilePermissions.asAttributes(
                FilePermissions.OWNER_ONLY_DIR));
        Path fifo = dir.resolve("pipe");
        try {
            Process p = ChildProcesses.withoutInput(env, List.of("mkfifo", "-m", "600", fifo.toString()), Map.of())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IOException("mkfifo failed");
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(dir);
            throw e instanceof IOException io ? io : new IOException("interrupted", e);
        }
        SecretPipe pipe = new SecretPipe(dir, fifo, content.clone());
        pipe.writer.start();
        return pipe;
    }

    /** The pipe's path, for the child's helper to read. */
    public Path path() {
        return fifo;
    }

    /** The owner-only directory the pipe lives in, for a helper's other scratch files. */
    public Path directory() {
        return dir;
    }

    private void serve() {
        while (!closed) {
            // Opening blocks until a reader comes (or close() opens the pipe itself to release it).
            try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                if (closed) {
                    return;
                }
                out.write(content);
            } catch (IOException e) {
                // The reader went away before reading everything: its own error tells.
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (writer.isAlive()) {
            // Read-write never blocks on a FIFO: it releases a writer waiting for a reader.
            try (FileChannel release = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Arrays.fill(content, (byte) 0);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
