package org.gitlabaccess.core.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression compiled on its first use. {@link Redactor} runs each of its patterns only on
 * a text that holds a word every match must contain, so most commands never need most of them;
 * compiled up front, cold, they took about 9 ms of every command's start, before any work began
 * (the command line's arguments are checked for tokens first). Two threads may compile it at once;
 * both get an equal pattern.
 */
final class LazyPattern {
    private final String regex;
    private volatile Pattern compiled;

    LazyPattern(String regex) {
        this.regex = regex;
    }

    Pattern pattern() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(regex);
            compiled = p;
        }
        return p;
    }

    Matcher matcher(CharSequence input) {
        return pattern().matcher(input);
    }
}
