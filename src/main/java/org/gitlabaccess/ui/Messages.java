package org.gitlabaccess.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The wizard's texts, from the resource bundle for the user's language. */
public final class Messages {
    public static final String BUNDLE = "org.gitlabaccess.ui.messages";

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public String get(String key, Object... args) {
        // Always through MessageFormat, so apostrophes are written the same way ('') in every text.
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }

    /** The text, or the fallback where the bundle has none (a new kind of change, say). */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? get(key) : fallback;
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
