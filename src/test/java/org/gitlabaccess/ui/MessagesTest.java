package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Set<String> ownKeys(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(Messages.BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(Collections.list(b.getKeys()));
    }

    @Test
    void germanHasEveryEnglishKeyAndNoOther() {
        assertThat(ownKeys(Locale.GERMAN)).isEqualTo(ownKeys(Locale.ROOT));
    }

    @Test
    void everyStepHasATitleInEveryLanguage() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Messages m = new Messages(l);
            for (String key : WizardWindow.STEP_KEYS) {
                assertThat(m.get(key)).isNotBlank();
            }
            assertThat(m.get("welcome.title")).doesNotContain("''");
        }
    }
}
