package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code credential.helper} or {@code credential.<url>.helper} value, where it was configured,
 * and what it is.
 *
 * @param scope {@code system}, {@code global}, {@code local}, {@code worktree} or {@code command}
 * @param origin where git read it, e.g. {@code file:/home/a/.gitconfig}
 * @param key the configuration key as git prints it
 * @param name the helper's short name ({@code manager}, {@code cache}, {@code store}, or the program's file name)
 * @param command the value as configured, redacted: shell helpers may carry a password inline
 * @param plaintextFile for {@code store}: the file it writes
 */
public record HelperEntry(String scope, String origin, String key, HelperKind kind, String name, String command,
                          Optional<Path> plaintextFile) {

    /** One line for a report: {@code store (global, ~/.gitconfig): plaintext}. */
    public String describe() {
        String where = scope + (origin.isEmpty() ? "" : ", " + origin.replaceFirst("^file:", ""));
        return switch (kind) {
            case RESET -> "reset of the helpers configured before (" + where + ")";
            case PLAINTEXT -> "'" + command + "' (" + where + "): writes tokens in plain text"
                    + plaintextFile.map(f -> " to " + f).orElse("");
            case EPHEMERAL -> "'" + command + "' (" + where + "): keeps tokens in memory for a while";
            case SECURE -> "'" + command + "' (" + where + "): the system's encrypted store";
            case UNKNOWN -> "'" + command + "' (" + where + "): an unknown helper, which may store tokens anywhere";
        };
    }
}
