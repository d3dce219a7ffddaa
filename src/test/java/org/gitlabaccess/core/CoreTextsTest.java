package org.gitlabaccess.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core's texts: both languages complete, every key the code asks for present, every text well formed. */
class CoreTextsTest {
    /**
     * How the code asks for a text: {@code c.texts().get("key", ...)}, or a {@link Text} for later
     * ({@code Text.of("key", ...)}, as a {@link ProblemException} takes it), the key a literal.
     */
    private static final Pattern USE = Pattern.compile(
            "(?:\\btexts(?:\\(\\))?\\s*\\.get|\\bText\\.of|\\bnew\\s+Text)\\(\\s*\"([^\"]+)\"");
    private static final Pattern ANY_USE = Pattern.compile(
            "\\btexts(?:\\(\\))?\\s*\\.get\\(|\\bText\\.of\\(|\\bnew\\s+Text\\(");

    /** One file's texts alone (a bundle from getBundle would show its parent's keys as its own). */
    private static ResourceBundle own(Locale locale) {
        String name = "/" + CoreTexts.BUNDLE.replace('.', '/') + (locale.getLanguage().isEmpty() ? ""
                : "_" + locale.getLanguage()) + ".properties";
        try (InputStream in = CoreTextsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new PropertyResourceBundle(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ownKeys(Locale locale) {
        return new TreeSet<>(Collections.list(own(locale).getKeys()));
    }

    /** Every key used in src/main/java, with the first place it is used. */
    private static TreeMap<String, String> usedKeys() throws IOException {
        TreeMap<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("org/gitlabaccess/core/Text.java"))).toList()) {
                String source = Files.readString(file);
                Matcher m = USE.matcher(source);
                int literal = 0;
                while (m.find()) {
                    used.putIfAbsent(m.group(1), file.toString());
                    literal++;
                }
                long all = ANY_USE.matcher(source).results().count();
                assertThat(literal).as(file + ": every texts().get( and Text.of( names its key as a string literal")
                        .isEqualTo(all);
            }
        }
        return used;
    }

    /** A key written twice is silently the last one: the first text would never show. */
    @Test
    void noFileDefinesAKeyTwice() throws IOException {
        for (Path file : List.of(Path.of("src/main/resources/org/gitlabaccess/core/texts.properties"),
                Path.of("src/main/resources/org/gitlabaccess/core/texts_de.properties"),
                Path.of("src/main/resources/org/gitlabaccess/ui/messages.properties"),
                Path.of("src/main/resources/org/gitlabaccess/ui/messages_de.properties"))) {
            List<String> keys = Files.readAllLines(file).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" ") && l.contains("="))
                    .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
            assertThat(keys).as(file.toString()).doesNotHaveDuplicates();
        }
    }

    @Test
    void germanHasEveryEnglishKeyAndNoOther() {
        assertThat(ownKeys(Locale.GERMAN)).isNotEmpty().isEqualTo(ownKeys(Locale.ROOT));
    }

    @Test
    void everyKeyTheCodeUsesIsInBothLanguagesAndEveryKeyIsUsed() throws IOException {
        TreeMap<String, String> used = usedKeys();
        assertThat(used).hasSizeGreaterThan(100);
        for (Locale l : List.of(Locale.ROOT, Locale.GERMAN)) {
            Set<String> keys = ownKeys(l);
            used.forEach((key, where) -> assertThat(keys).as(where + " uses " + key + " (" + l + ")").contains(key));
        }
        // A window wording is used wherever its sentence is.
        Set<String> usedOrWorded = new TreeSet<>(used.keySet());
        used.keySet().forEach(k -> usedOrWorded.add(k + CoreTexts.WINDOW_SUFFIX));
        assertThat(usedOrWorded).as("keys no code uses").containsAll(ownKeys(Locale.ROOT));
    }

    @Test
    void aWindowWordingNamesNoCommandAndTakesTheSameArguments() {
        for (Locale l : List.of(Locale.ROOT, Locale.GERMAN)) {
            ResourceBundle raw = own(l);
            for (String key : ownKeys(l)) {
                if (!key.endsWith(CoreTexts.WINDOW_SUFFIX)) {
                    continue;
                }
                String base = key.substring(0, key.length() - CoreTexts.WINDOW_SUFFIX.length());
                String window = raw.getString(key);
                assertThat(window).as(key).doesNotContain("gitlab-access").doesNotContain("--");
                for (int i = 0; i < 5; i++) {
                    assertThat(window.contains("{" + i + "}")).as(key + " and its sentence use {" + i + "}")
                            .isEqualTo(raw.getString(base).contains("{" + i + "}"));
                }
            }
        }
        Locale en = Locale.ENGLISH;
        assertThat(CoreTexts.of(en, CoreTexts.Wording.WINDOW).get("doctor.token-valid.no-token"))
                .isEqualTo("Not checked yet: your token is checked once you sign in.");
        assertThat(CoreTexts.of(en).get("doctor.token-valid.no-token")).contains("--token-file");
        assertThat(CoreTexts.of(en, CoreTexts.Wording.WINDOW).get("doctor.ssh-port.alternative", 2222, "a", "b", 1))
                .as("a sentence without a window wording is the same in both")
                .isEqualTo(CoreTexts.of(en).get("doctor.ssh-port.alternative", 2222, "a", "b", 1));
    }

    @Test
    void everyTextFormatsWithoutALoneApostrophe() {
        Object[] args = {2, 3, 4, 5, 6};
        for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            CoreTexts texts = CoreTexts.of(l);
            ResourceBundle raw = own(l == Locale.ENGLISH ? Locale.ROOT : l);
            assertThat(texts.locale()).isEqualTo(l == Locale.ENGLISH ? Locale.ROOT : l);
            for (String key : ownKeys(l == Locale.ENGLISH ? Locale.ROOT : l)) {
                String pattern = raw.getString(key);
                assertThat(pattern.replace("''", "")).as(key + " has a single apostrophe").doesNotContain("'");
                String text = texts.get(key, args);
                assertThat(text).as(key).isNotBlank().doesNotContain("''").doesNotContain("{").doesNotContain("}");
                if (pattern.contains("''")) {
                    assertThat(text).as(key).contains("'");
                }
            }
        }
    }

    @Test
    void germanIsGermanAndEnglishIsTheOldSentence() {
        assertThat(CoreTexts.of(Locale.ENGLISH).get("doctor.ssh-key-registered.missing", "SHA256:x", "alice"))
                .isEqualTo("The key SHA256:x is not on @alice's account.");
        assertThat(CoreTexts.of(Locale.GERMAN).get("doctor.ssh-key-registered.missing", "SHA256:x", "alice"))
                .isEqualTo("Der Schlüssel SHA256:x ist nicht im Konto von @alice.");
        assertThat(CoreTexts.of(Locale.GERMANY).get("setup.not-reached")).isEqualTo("Nicht erreicht.");
    }

    @Test
    void numbersPrintAsTheirDigitsAndPluralsFollowTheCount() {
        CoreTexts de = CoreTexts.of(Locale.GERMAN);
        CoreTexts en = CoreTexts.of(Locale.ENGLISH);
        assertThat(de.get("doctor.ssh-port.alternative", 2222, "git.example.com", "altssh.example.com", 1443))
                .isEqualTo("Port 2222 von git.example.com ist gesperrt, aber altssh.example.com:1443 antwortet.");
        assertThat(en.get("doctor.token-valid.expiring", "alice", "2031-01-02", 1234L))
                .isEqualTo("The token of @alice expires on 2031-01-02 (in 1234 days).");
        assertThat(en.get("doctor.plaintext.fixed", 1, "~/.netrc")).isEqualTo("Removed 1 entry from ~/.netrc.");
        assertThat(en.get("doctor.plaintext.fixed", 0, "~/.netrc")).isEqualTo("Removed 0 entries from ~/.netrc.");
        assertThat(en.get("doctor.plaintext.fixed", 1500, "~/.netrc")).isEqualTo("Removed 1500 entries from ~/.netrc.");
        assertThat(de.get("doctor.plaintext.fixed", 1, "~/.netrc")).isEqualTo("1 Eintrag aus ~/.netrc entfernt.");
        assertThat(de.get("doctor.plaintext.fixed", 3, "~/.netrc")).isEqualTo("3 Einträge aus ~/.netrc entfernt.");
        assertThat(en.get("setup.clean-stale-copies.removed", 1, "h:443"))
                .isEqualTo("Removed 1 plain-text copy of old credentials for h:443.");
        assertThat(en.get("setup.clean-stale-copies.removed", 2, "h:443"))
                .isEqualTo("Removed 2 plain-text copies of old credentials for h:443.");
    }

    @Test
    void theJvmDefaultLocaleIsNeverUsed() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(CoreTexts.of(Locale.ENGLISH).get("setup.not-reached")).isEqualTo("Not reached.");
            assertThat(CoreTexts.of(Locale.FRENCH).get("setup.not-reached")).isEqualTo("Not reached.");
            assertThat(CoreTexts.of(Locale.ROOT).get("setup.not-reached")).isEqualTo("Not reached.");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(CoreTexts.of(Locale.GERMAN).get("setup.not-reached")).isEqualTo("Nicht erreicht.");
        } finally {
            Locale.setDefault(before);
        }
    }
}
