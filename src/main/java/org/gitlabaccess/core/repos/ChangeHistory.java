package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gitlabaccess.core.io.Redactor;

/** The remote changes this product made on this machine, newest last, as lines for a report. */
public final class ChangeHistory {
    private static final int MAX_LINES = 200;

    private ChangeHistory() {
    }

    public static List<String> lines(Path stateDir) {
        Path dir = RewriteJournal.directory(stateDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (JournalEntry e : RewriteJournal.read(f)) {
                    if (JournalEntry.DONE.equals(e.state())) {
                        String key = e.section() + (e.subsection() == null ? "" : "." + e.subsection()) + "." + e.name();
                        lines.add(Redactor.redact(e.time() + " " + e.action() + " " + e.repository() + " " + key
                                + ": " + e.oldValue() + " -> " + e.newValue()
                                + (e.credentialsRemoved() ? " (embedded credentials removed)" : "")));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            lines.add("(the journal in " + dir + " could not be read completely)");
        }
        return lines.size() > MAX_LINES ? lines.subList(lines.size() - MAX_LINES, lines.size()) : lines;
    }
}
