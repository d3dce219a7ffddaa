package org.gitlabaccess;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.io.Environment;

/**
 * Build-time only (installers/build.sh): runs the command lines of a file in this one JVM, so that
 * a single class list or AOT cache holds the classes of every command. One command line per line,
 * its arguments separated by tabs; an empty line runs no arguments, i.e. the wizard, which can only
 * start once per JVM and so comes last. Exit codes go to stderr for the build's log.
 */
final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        run(Files.readAllLines(Path.of(args[0])), Main.prepare(false), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
        // Ended as a command ends (so the archives hold that path too); the wizard's JavaFX threads,
        // still alive, make that System.exit.
        if (!ProcessExit.byReturning(0)) {
            System.exit(0);
        }
    }

    static void run(List<String> lines, Environment env, PrintWriter out, PrintWriter err) {
        for (String line : lines) {
            String[] words = line.isEmpty() ? new String[0] : line.split("\t");
            int code = Main.run(env, words, out, err);
            err.println("training: exit " + code + ": " + (line.isEmpty() ? "(the wizard)" : String.join(" ", words)));
        }
    }
}
