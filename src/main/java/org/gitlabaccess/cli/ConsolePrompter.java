package org.gitlabaccess.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** The real terminal: the question on stderr (stdout may carry a document), the answer from the console. */
public final class ConsolePrompter implements Prompter {
    private final PrintWriter err;

    public ConsolePrompter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public boolean interactive() {
        return console() != null;
    }

    @Override
    public boolean confirm(String question) {
        Console console = console();
        if (console == null) {
            return false;
        }
        err.print(question + " [y/N] ");
        err.flush();
        String answer = console.readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }

    /** The one place the product asks the JVM for its terminal. */
    private static Console console() {
        return System.console();
    }
}
