package org.gitlabaccess.core;

import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The sentences the core produces (doctor checks, setup steps), in the language the caller asks
 * for: {@code org/gitlabaccess/core/texts.properties} (English) and its translations. The locale is
 * always explicit; a lookup never falls back to the JVM's default locale, only to English. A sentence
 * may have a window wording ({@code key.window}), used when the wizard shows it.
 */
public final class CoreTexts {
    public static final String BUNDLE = "org.gitlabaccess.core.texts";
    /** The suffix of a sentence's window wording: the same facts, with no command or option named. */
    public static final String WINDOW_SUFFIX = ".window";

    /** Who reads the sentences: the command line's name its commands and options, the window's its steps. */
    public enum Wording {
        COMMAND_LINE, WINDOW
    }

    private final ResourceBundle bundle;
    private final Wording wording;

    private CoreTexts(ResourceBundle bundle, Wording wording) {
        this.bundle = bundle;
        this.wording = wording;
    }

    public static CoreTexts of(Locale locale) {
        return of(locale, Wording.COMMAND_LINE);
    }

    public static CoreTexts of(Locale locale, Wording wording) {
        return new CoreTexts(ResourceBundle.getBundle(BUNDLE, Objects.requireNonNull(locale, "locale"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                Objects.requireNonNull(wording, "wording"));
    }

    /**
     * The text for the key, with the arguments put in. A whole number in a plain {@code {n}} prints as
     * its digits (a port, an id, a count: 8443, not "8,443"), as the English sentences always printed it.
     */
    public String get(String key, Object... args) {
        String worded = key + WINDOW_SUFFIX;
        MessageFormat format = messageFormat(bundle, wording == Wording.WINDOW && bundle.containsKey(worded) ? worded : key);
        Format[] byArgument = format.getFormatsByArgumentIndex();
        for (int i = 0; i < byArgument.length && i < args.length; i++) {
            if (byArgument[i] == null && (args[i] instanceof Integer || args[i] instanceof Long)) {
                format.setFormatByArgumentIndex(i, DIGITS);
            }
        }
        return format.format(args);
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    /** A bundle's text with the arguments put in, as the wizard's own texts are formatted too. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        return messageFormat(bundle, key).format(args);
    }

    private static MessageFormat messageFormat(ResourceBundle bundle, String key) {
        // Always through MessageFormat, so apostrophes are written the same way ('') in every text.
        return new MessageFormat(bundle.getString(key), bundle.getLocale());
    }

    private static final Format DIGITS = new Format() {
        @Override
        public StringBuffer format(Object number, StringBuffer to, FieldPosition pos) {
            return to.append(number);
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    };
}
