package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Every message with a count, for 0, 1 and 2: English, then German; the words agree with the number. */
    static Stream<Arguments> counts() {
        return Stream.of(
                arguments("repos.found", List.of(0, 0, 0),
                        "No repositories found; no remote URL to change, none already fine.",
                        "Keine Repositories gefunden; keine Remote-URL zu ändern, keine schon in Ordnung."),
                arguments("repos.found", List.of(1, 1, 1),
                        "One repository found; one remote URL to change, one already fine.",
                        "Ein Repository gefunden; eine Remote-URL zu ändern, eine schon in Ordnung."),
                arguments("repos.found", List.of(2, 2, 2),
                        "2 repositories found; 2 remote URLs to change, 2 already fine.",
                        "2 Repositories gefunden; 2 Remote-URLs zu ändern, 2 schon in Ordnung."),
                arguments("repos.scanning", List.of(0, 0),
                        "Looking… no folders, no repositories",
                        "Suche … keine Ordner, keine Repositories"),
                arguments("repos.scanning", List.of(1, 1),
                        "Looking… one folder, one repository",
                        "Suche … ein Ordner, ein Repository"),
                arguments("repos.scanning", List.of(2, 2),
                        "Looking… 2 folders, 2 repositories",
                        "Suche … 2 Ordner, 2 Repositories"),
                arguments("done.summary", List.of(0L, "ok"),
                        "No changes made. ok",
                        "Keine Änderung vorgenommen. ok"),
                arguments("done.summary", List.of(1L, "ok"),
                        "One change made. ok",
                        "Eine Änderung vorgenommen. ok"),
                arguments("done.summary", List.of(2L, "ok"),
                        "2 changes made. ok",
                        "2 Änderungen vorgenommen. ok"),
                arguments("done.undone", List.of(0),
                        "No repository needed its remotes back (",
                        "Kein Repository musste zurückgesetzt werden ("),
                arguments("done.undone", List.of(1),
                        "One repository has its remotes back as before (",
                        "Ein Repository hat seine Remotes wie vorher ("),
                arguments("done.undone", List.of(2),
                        "2 repositories have their remotes back as before (",
                        "2 Repositories haben ihre Remotes wie vorher ("));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("counts")
    void countsSaySingularOrPlural(String key, List<Object> args, String english, String german) {
        assertThat(new Messages(Locale.ENGLISH).get(key, args.toArray())).startsWith(english);
        assertThat(new Messages(Locale.GERMAN).get(key, args.toArray())).startsWith(german);
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
