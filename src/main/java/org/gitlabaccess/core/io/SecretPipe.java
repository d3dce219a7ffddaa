package org.gitlabaccess.core.io;

import java.io.IOException;
import java.io.InputStream;
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
 * pipe in a new owner-only directory, answered with the secret each time someone reads it until
 * closed. The child's helper ({@link #readCommand()}) names only paths. A second pipe tells the writer
 * that a reader is done, so the next answer goes to the next reader, never twice to one or to none.
 * Not on Windows (no such pipes there through the JDK).
 */
public final class SecretPipe implements AutoCloseable {
    private final Path dir;
    private final Path fifo;
    private final Path done;
    private final byte[] content;
    private final Thread writer;
    private volatile boolean closed;

    private SecretPipe(Path dir, Path fifo, Path done, byte[] content) {
        this.dir = dir;
        this.fifo = fifo;
        this.done = done;
        this.content = content;
        this.writer = new Thread(this::serve, "secret-pipe");
        writer.setDaemon(true);
    }

    /** A new pipe answering {@code content}; the caller clears its own copy. */
    public static SecretPipe open(Environment env, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("gitlab-access-", FilePermissions.asAttributes(
                FilePermissions.OWNER_ONLY_DIR));
        Path fifo = dir.resolve("pipe");
        Path done = dir.resolve("done");
        try {
            Process p = ChildProcesses.withoutInput(env, List.of("mkfifo", "-m", "600", fifo.toString(),
                    done.toString()), Map.of()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IOException("mkfifo failed");
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(done);
            Files.deleteIfExists(dir);
            throw e instanceof IOException io ? io : new IOException("interrupted", e);
        }
        SecretPipe pipe = new SecretPipe(dir, fifo, done, content.clone());
        pipe.writer.start();
        return pipe;
    }

    /** The pipe's path, for the child's helper to read. */
    public Path path() {
        return fifo;
    }

    /** The shell command a child's helper runs to read the secret to its standard output. */
    public String readCommand() {
        return "cat " + quoted(fifo) + "; : > " + quoted(done);
    }

    private static String quoted(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
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
            }
            // Wait for that reader to say it is done before answering again.
            try (InputStream in = Files.newInputStream(done)) {
                in.readAllBytes();
            } catch (IOException e) {
                // Gone as well: answer the next one.
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        // Read-write never blocks on a FIFO: it releases the writer waiting at either pipe.
        for (Path p : List.of(fifo, done)) {
            if (writer.isAlive()) {
                try (FileChannel release = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    writer.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
