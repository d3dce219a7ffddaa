package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
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
            for (var check : org.gitlabaccess.core.doctor.DoctorChecks.all()) {
                assertThat(m.get("check." + check.id())).as(check.id()).isNotBlank();
            }
            // Every text goes through MessageFormat: a lone apostrophe would vanish, so none may be left.
            for (String key : java.util.Collections.list(m.bundle().getKeys())) {
                assertThat(m.get(key)).as(key).doesNotContain("''");
                String raw = m.bundle().getString(key);
                assertThat(raw.replace("''", "")).as(key + " has a single apostrophe").doesNotContain("'");
            }
        }
    }

    @Test
    void countsSaySingularAndPluralInEnglish() {
        Messages m = new Messages(Locale.ENGLISH);
        assertThat(m.get("repos.found", 0, 0, 0)).isEqualTo(
                "No repositories found; no remote URL to change, none already fine.");
        assertThat(m.get("repos.found", 1, 1, 1)).isEqualTo(
                "One repository found; one remote URL to change, one already fine.");
        assertThat(m.get("repos.found", 2, 2, 2)).isEqualTo(
                "2 repositories found; 2 remote URLs to change, 2 already fine.");
        assertThat(m.get("repos.scanning", 0, 0)).isEqualTo("Looking… no folders, no repositories");
        assertThat(m.get("repos.scanning", 1, 1)).isEqualTo("Looking… one folder, one repository");
        assertThat(m.get("repos.scanning", 2, 2)).isEqualTo("Looking… 2 folders, 2 repositories");
        assertThat(m.get("done.summary", 0L, "ok")).isEqualTo("No changes made. ok");
        assertThat(m.get("done.summary", 1L, "ok")).isEqualTo("One change made. ok");
        assertThat(m.get("done.summary", 2L, "ok")).isEqualTo("2 changes made. ok");
        assertThat(m.get("done.undone", 0)).startsWith("No repository needed");
        assertThat(m.get("done.undone", 1)).startsWith("One repository has its remotes back");
        assertThat(m.get("done.undone", 2)).startsWith("2 repositories have their remotes back");
    }

    @Test
    void countsSaySingularAndPluralInGerman() {
        Messages m = new Messages(Locale.GERMAN);
        assertThat(m.get("repos.found", 0, 0, 0)).isEqualTo(
                "Keine Repositories gefunden; keine Remote-URL zu ändern, keine schon in Ordnung.");
        assertThat(m.get("repos.found", 1, 1, 1)).isEqualTo(
                "Ein Repository gefunden; eine Remote-URL zu ändern, eine schon in Ordnung.");
        assertThat(m.get("repos.found", 2, 2, 2)).isEqualTo(
                "2 Repositories gefunden; 2 Remote-URLs zu ändern, 2 schon in Ordnung.");
        assertThat(m.get("repos.scanning", 0, 0)).isEqualTo("Suche … keine Ordner, keine Repositories");
        assertThat(m.get("repos.scanning", 1, 1)).isEqualTo("Suche … ein Ordner, ein Repository");
        assertThat(m.get("repos.scanning", 2, 2)).isEqualTo("Suche … 2 Ordner, 2 Repositories");
        assertThat(m.get("done.summary", 0L, "ok")).isEqualTo("Keine Änderung vorgenommen. ok");
        assertThat(m.get("done.summary", 1L, "ok")).isEqualTo("Eine Änderung vorgenommen. ok");
        assertThat(m.get("done.summary", 2L, "ok")).isEqualTo("2 Änderungen vorgenommen. ok");
        assertThat(m.get("done.undone", 0)).startsWith("Kein Repository musste");
        assertThat(m.get("done.undone", 1)).startsWith("Ein Repository hat seine Remotes");
        assertThat(m.get("done.undone", 2)).startsWith("2 Repositories haben ihre Remotes");
    }

    @Test
    void largeCountsAreGroupedTheLanguagesWay() {
        assertThat(new Messages(Locale.ENGLISH).get("repos.scanning", 1234, 5)).contains("1,234 folders");
        assertThat(new Messages(Locale.GERMAN).get("repos.scanning", 1234, 5)).contains("1.234 Ordner");
    }

    @Test
    void noTextTellsTheDesktopUserToTypeACommand() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            ResourceBundle bundle = new Messages(l).bundle();
            for (String key : Collections.list(bundle.getKeys())) {
                assertThat(bundle.getString(key)).as(key).doesNotContain("gitlab-access ")
                        .doesNotContainIgnoringCase("command line").doesNotContainIgnoringCase("terminal")
                        .doesNotContainIgnoringCase("Kommandozeile");
            }
        }
    }
}
