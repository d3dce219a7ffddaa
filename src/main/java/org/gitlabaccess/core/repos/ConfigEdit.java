package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.Objects;
import org.gitlabaccess.core.io.Redactor;

/**
 * One change to one multi-valued git configuration key: replace the value {@code from} with
 * {@code to}, add {@code to} (no {@code from}), or remove {@code from} (no {@code to}).
 * {@code from} is the value as configured and may hold a secret: it is only ever compared, never
 * shown or stored; {@link #journalFrom()} is the form that may be.
 */
public final class ConfigEdit {
    private final Path repository;
    private final Path configFile;
    private final String section;
    private final String subsection;
    private final String name;
    private final String from;
    private final String to;
    private final String journalFrom;
    private final boolean credentialsRemoved;

    public ConfigEdit(Path repository, Path configFile, String section, String subsection, String name, String from,
                      String to, String journalFrom, boolean credentialsRemoved) {
        this.repository = repository;
        this.configFile = configFile;
        this.section = section;
        this.subsection = subsection;
        this.name = name;
        this.from = from;
        this.to = to;
        this.journalFrom = journalFrom;
        this.credentialsRemoved = credentialsRemoved;
    }

    /** A remote's {@code url} or {@code pushurl} value rewritten. */
    static ConfigEdit remote(FoundRepository repo, RemoteUrl url, String to) {
        return new ConfigEdit(repo.path(), repo.configFile(), "remote", url.remote(), url.key(), url.configured().raw(),
                to, url.configured().withoutCredentials(), url.configured().hasEmbeddedCredentials());
    }

    public Path repository() {
        return repository;
    }

    public Path configFile() {
        return configFile;
    }

    public String section() {
        return section;
    }

    public String subsection() {
        return subsection;
    }

    public String name() {
        return name;
    }

    /** The configured value; may hold a secret. For comparison only. */
    String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** The old value with any credentials removed: what a journal and an undo may hold. */
    public String journalFrom() {
        return journalFrom;
    }

    public boolean credentialsRemoved() {
        return credentialsRemoved;
    }

    /** {@code remote.origin.url} or {@code url.<base>.insteadOf}: the key in git's notation. */
    public String key() {
        return section + (subsection == null ? "" : "." + subsection) + "." + name;
    }

    public String shownBefore() {
        return from == null ? null : Redactor.redact(from);
    }

    public String shownAfter() {
        return to == null ? null : Redactor.redact(to);
    }

    @Override
    public String toString() {
        return repository + ": " + key() + " " + shownBefore() + " -> " + shownAfter();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigEdit e && configFile.equals(e.configFile) && key().equals(e.key())
                && Objects.equals(from, e.from) && Objects.equals(to, e.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configFile, key(), from, to);
    }
}
