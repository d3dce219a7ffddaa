package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Plans the undo of a journaled run: every value it planned (finished or not) goes back to its
 * journaled old value. A value already back is left alone (so undo can be repeated); one changed by
 * someone since is left alone and reported. Embedded credentials were never journaled, so a URL
 * that had them comes back without.
 */
public final class RewriteUndo {

    /** A journaled value not restored, and why. */
    public record Left(Path repository, String key, String value, String reason) {
    }

    /** What undo would do. */
    public record Plan(Path journal, List<ConfigEdit> edits, List<Left> alreadyRestored, List<Left> changedSince) {
        public boolean credentialsNotRestored() {
            return edits.stream().anyMatch(ConfigEdit::credentialsRemoved);
        }
    }

    public Plan plan(Path journalFile) {
        Map<String, JournalEntry> planned = new LinkedHashMap<>();
        for (JournalEntry e : RewriteJournal.read(journalFile)) {
            if (JournalEntry.PLANNED.equals(e.state())) {
                planned.putIfAbsent(e.identity(), e);
            }
        }
        List<ConfigEdit> edits = new ArrayList<>();
        List<Left> already = new ArrayList<>();
        List<Left> changed = new ArrayList<>();
        for (JournalEntry e : planned.values()) {
            Path repo = Path.of(e.repository() == null ? e.config() : e.repository());
            Path config = Path.of(e.config());
            String key = e.section() + (e.subsection() == null ? "" : "." + e.subsection()) + "." + e.name();
            List<String> values;
            try {
                values = currentValues(config, e);
            } catch (IOException | ConfigInvalidException | RuntimeException ex) {
                changed.add(new Left(repo, key, e.newValue(), "its configuration cannot be read any more"));
                continue;
            }
            boolean newPresent = e.newValue() != null && values.contains(e.newValue());
            boolean oldPresent = e.oldValue() == null ? !newPresent : values.stream().anyMatch(v -> matchesOld(v, e.oldValue()));
            if (newPresent) {
                edits.add(new ConfigEdit(repo, config, e.section(), e.subsection(), e.name(), e.newValue(), e.oldValue(),
                        e.newValue(), e.credentialsRemoved()));
            } else if (oldPresent) {
                already.add(new Left(repo, key, e.oldValue(), "already as before"));
            } else if (e.newValue() == null) {
                edits.add(new ConfigEdit(repo, config, e.section(), e.subsection(), e.name(), null, e.oldValue(),
                        null, false));
            } else {
                changed.add(new Left(repo, key, e.newValue(), "changed by someone since; left as it is"));
            }
        }
        return new Plan(journalFile, List.copyOf(edits), List.copyOf(already), List.copyOf(changed));
    }

    /** The old value is journaled without credentials; the file may still hold it with them (a run cut short). */
    private static boolean matchesOld(String value, String old) {
        return value.equals(old) || Objects.equals(GitUrl.parse(value).withoutCredentials(), old);
    }

    private static List<String> currentValues(Path config, JournalEntry e) throws IOException, ConfigInvalidException {
        if (!Files.exists(config)) {
            if (Files.exists(config.getParent())) {
                return List.of(); // the global file may legitimately be gone
            }
            throw new IOException("gone");
        }
        Config c = GitConfigs.repository(config, null);
        return Arrays.asList(c.getStringList(e.section(), e.subsection(), e.name()));
    }
}
