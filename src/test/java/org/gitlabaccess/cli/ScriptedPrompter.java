package org.gitlabaccess.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A person at the terminal who gives the answers the test scripted, and the questions they were asked. */
public final class ScriptedPrompter implements Prompter {
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    public ScriptedPrompter(Boolean... answers) {
        this.answers.addAll(List.of(answers));
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public synchronized boolean confirm(String question) {
        asked.add(question);
        if (answers.isEmpty()) {
            throw new AssertionError("Asked an unscripted question: " + question);
        }
        return answers.pop();
    }

    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }
}
