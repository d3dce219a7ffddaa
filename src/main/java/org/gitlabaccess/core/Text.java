package org.gitlabaccess.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A sentence of the core's texts ({@link CoreTexts}) not yet put in a language: its key and its
 * arguments. An argument that is itself a {@code Text} is put in the same language as the sentence.
 * The code names the key as a literal, {@code Text.of("error.…", …)}, so a test can check it exists.
 */
public record Text(String key, Object... args) {
    public Text {
        Objects.requireNonNull(key, "key");
        args = args == null ? new Object[0] : args.clone();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, args);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** The sentence in the language asked for (English where there is no translation). */
    public String in(Locale locale) {
        return in(CoreTexts.of(locale));
    }

    private String in(CoreTexts texts) {
        Object[] filled = args.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] instanceof Text t) {
                filled[i] = t.in(texts);
            }
        }
        return texts.get(key, filled);
    }
}
