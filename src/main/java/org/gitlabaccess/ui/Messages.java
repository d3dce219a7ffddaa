package org.gitlabaccess.ui;

import java.util.Locale;
import java.util.ResourceBundle;
import org.gitlabaccess.core.CoreTexts;

/** The wizard's texts, from the resource bundle for the user's language. */
public final class Messages {
    public static final String BUNDLE = "org.gitlabaccess.ui.messages";

    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        // Properties only (as CoreTexts): the JDK's default control would first look for a class of each
        // candidate's name and for control providers in every jar of the class path (30 ms at start-up).
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        return CoreTexts.format(bundle, key, args);
    }

    /** The text, or the fallback where the bundle has none (a new kind of change, say). */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? get(key) : fallback;
    }

    /**
     * The language the texts are in (the bundle found for the requested locale): the core's sentences
     * are asked for in the same one, so a page never mixes two languages.
     */
    public Locale locale() {
        return bundle.getLocale();
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
