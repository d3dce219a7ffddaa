package org.gitlabaccess.core.repos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.FilePermissions;

/**
 * The record of a rewrite run, one JSON object per line in {@code <state dir>/journal/}: every change
 * of a plan is appended and flushed to disk (one flush for the plan) before the first file is touched,
 * and marked done or failed after, so a crash leaves enough to finish (run again) or to undo. Old values are written with credentials
 * removed ({@link ConfigEdit#journalFrom()}), byte for byte otherwise, so undo is exact. The
 * directory and files are owner-only from the start.
 */
public final class RewriteJournal implements Closeable {
    public static final String REWRITE = "rewrite";
    public static final String UNDO = "undo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RUN_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final String run;
    private final String action;
    private final Clock clock;
    private final FileChannel channel;

    private RewriteJournal(Path file, String run, String action, Clock clock, FileChannel channel) {
        this.file = file;
        this.run = run;
        this.action = action;
        this.clock = clock;
        this.channel = channel;
    }

    public static Path directory(Path stateDir) {
        return stateDir.resolve("journal");
    }

    /** A new journal for one run; {@code action} is {@link #REWRITE} or {@link #UNDO}. */
    public static RewriteJournal create(Path stateDir, String action, Clock clock) {
        Path dir = directory(stateDir);
        String run = RUN_STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        Path file = dir.resolve(action + "-" + run + ".jsonl");
        try {
            FilePermissions.privateDirectory(stateDir);
            FilePermissions.privateDirectory(dir);
            FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), FilePermissions.asAttributes(FilePermissions.OWNER_ONLY_FILE));
            return new RewriteJournal(file, run, action, clock, channel);
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "journal-unwritable",
                    Text.of("error.journal-unwritable.create", file, e.getMessage()),
                    Text.of("error.journal-unwritable.create.hint", dir), e);
        }
    }

    public Path file() {
        return file;
    }

    public String run() {
        return run;
    }

    /** Records every change of a plan and flushes them to disk once, before any file is touched. */
    public void planned(List<ConfigEdit> edits) throws IOException {
        for (ConfigEdit edit : edits) {
            append(edit, JournalEntry.PLANNED, null);
        }
        channel.force(false);
    }

    /**
     * Not flushed: a "done" or "failed" line lost in a crash costs nothing, since a re-run and an undo
     * both work from the planned lines and compare them with what the files hold.
     */
    public void done(ConfigEdit edit) throws IOException {
        append(edit, JournalEntry.DONE, null);
    }

    public void failed(ConfigEdit edit, String why) throws IOException {
        append(edit, JournalEntry.FAILED, why);
    }

    private void append(ConfigEdit edit, String state, String detail) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("run", run);
        n.put("time", clock.instant().toString());
        n.put("action", action);
        n.put("state", state);
        n.put("repository", edit.repository().toString());
        n.put("config", edit.configFile().toString());
        if ("remote".equals(edit.section())) {
            n.put("remote", edit.subsection());
            n.put("key", edit.name());
        } else {
            n.put("key", edit.key());
        }
        n.put("section", edit.section());
        n.put("subsection", edit.subsection());
        n.put("name", edit.name());
        n.put("old", edit.journalFrom());
        n.put("new", edit.to());
        n.put("credentialsRemoved", edit.credentialsRemoved());
        if (detail != null) {
            n.put("detail", detail);
        }
        // Written as it is: every value is already free of secrets (journalFrom), and masking by value
        // here would corrupt a URL that happens to hold a known secret's text, so undo would restore the wrong one.
        String line = JSON.writeValueAsString(n) + "\n";
        ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The newest rewrite journal (undo journals are not undone again), if any. */
    public static Optional<Path> latestRewrite(Path stateDir) {
        Path dir = directory(stateDir);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(REWRITE + "-")
                    && f.getFileName().toString().endsWith(".jsonl")).max(Path::compareTo);
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    public static List<JournalEntry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            boolean last = line == lines.get(lines.size() - 1);
            try {
                JsonNode n = JSON.readTree(line);
                entries.add(new JournalEntry(text(n, "run"), text(n, "time"), text(n, "action"), text(n, "state"),
                        text(n, "repository"), required(n, "config"), required(n, "section"), text(n, "subsection"),
                        required(n, "name"), text(n, "old"), text(n, "new"), n.path("credentialsRemoved").asBoolean(),
                        text(n, "detail")));
            } catch (IOException | IllegalArgumentException e) {
                // A line cut short by a crash is expected at the very end; anywhere else the file is damaged.
                if (last) {
                    continue;
                }
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "journal-corrupt",
                        Text.of("error.journal-corrupt", file), Text.of("error.journal-corrupt.hint"), e);
            }
        }
        return entries;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v;
    }

    private static ProblemException unreadable(Path file, IOException e) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "journal-unreadable",
                Text.of("error.journal-unreadable", file, e.getClass().getSimpleName()),
                Text.of("error.journal-unreadable.hint"), e);
    }
}
