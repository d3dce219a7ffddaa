package org.gitlabaccess.core.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program on the environment's PATH, as a shell would (with Windows' extensions there),
 * except in relative entries: an empty one, {@code .} or {@code bin} would run whatever the current
 * directory holds under that name, a classic way to plant a program for a helpdesk script to run.
 */
public final class ExecutablePath {
    private ExecutablePath() {
    }

    public static Optional<Path> of(Environment env, String program) {
        String path = env.variable("PATH").or(() -> env.variable("Path")).orElse("");
        List<String> names = env.isWindows() ? List.of(program + ".exe", program + ".cmd", program) : List.of(program);
        for (String dir : absolute(path)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** As {@link #of}, on this process's PATH when the environment has none (one a caller made, a test's). */
    public static Optional<Path> onPathOf(Environment env, String program) {
        boolean hasPath = env.variable("PATH").or(() -> env.variable("Path")).isPresent();
        return of(hasPath ? env : Environment.system(), program);
    }

    /**
     * A PATH value with only its absolute entries, in order: what children get, so that what they
     * start by name (a credential helper's {@code cat}, git's {@code ssh}) is not the current
     * directory's either. An entry that is not a path at all (a quoted one on Windows) is dropped too.
     */
    public static String absoluteEntries(String path) {
        return String.join(File.pathSeparator, absolute(path));
    }

    private static List<String> absolute(String path) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(ExecutablePath::isAbsolute).toList();
    }

    private static boolean isAbsolute(String entry) {
        try {
            return !entry.isEmpty() && Path.of(entry).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
