package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    /** One file's keys alone: a bundle from getBundle would show its parent's (English) keys as its own. */
    private static Set<String> ownKeys(Locale locale) {
        String name = "/" + Messages.BUNDLE.replace('.', '/') + (locale.getLanguage().isEmpty() ? ""
                : "_" + locale.getLanguage()) + ".properties";
        try (java.io.InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new TreeSet<>(Collections.list(new java.util.PropertyResourceBundle(in).getKeys()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void germanHasEveryEnglishKeyAndNoOther() {
        assertThat(ownKeys(Locale.GERMAN)).isNotEmpty().isEqualTo(ownKeys(Locale.ROOT));
    }

    @Test
    void everyStepHasATitleInEveryLanguage() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Messages m = new Messages(l);
            for (String key : java.util.List.of("step.welcome", "step.diagnose", "step.method", "step.signin",
                    "step.key", "step.review", "step.apply", "step.done")) {
                assertThat(m.get(key)).isNotBlank();
            }
            for (String kind : java.util.List.of("file-created", "key-reused", "gitlab-key-added", "ssh-config-block",
                    "known-host-added", "token-revoked", "remote-rewritten", "git-config", "credential-stored",
                    "plaintext-removed")) {
                assertThat(m.get("change." + kind)).as(kind).isNotBlank();
            }
            for (var id : org.gitlabaccess.core.doctor.CheckId.values()) {
                assertThat(m.get(id.messageKey())).as(id.id()).isNotBlank();
            }
            // Every text goes through MessageFormat: a lone apostrophe would vanish, so none may be left.
            for (String key : java.util.Collections.list(m.bundle().getKeys())) {
                assertThat(m.get(key)).as(key).doesNotContain("''");
                String raw = m.bundle().getString(key);
                assertThat(raw.replace("''", "")).as(key + " has a single apostrophe").doesNotContain("'");
            }
        }
    }
}
