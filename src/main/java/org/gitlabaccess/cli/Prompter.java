package org.gitlabaccess.cli;

/**
 * Where a command asks the person at the terminal. Injected through {@link CliContext}, so that
 * tests answer the questions in-process; {@link ConsolePrompter} is the real terminal.
 */
public interface Prompter {
    /** True when a person can answer: the command runs at a terminal. */
    boolean interactive();

    /** Asks a yes/no question; false when nobody can answer and for anything but yes. */
    boolean confirm(String question);

    /** No terminal: nothing is asked, every question is answered no. */
    Prompter NONE = new Prompter() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }
    };
}
