package org.gitlabaccess.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.TokenInput;
import org.gitlabaccess.core.setup.StepOutcome;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems with local files keep their old English for the command line and are German when asked. */
class LocalProblemsTextTest {

    @Test
    void anExistingKeyFileIsNeverOverwrittenInEitherLanguage(@TempDir Path dir) throws IOException {
        Path key = dir.resolve("id_ed25519");
        Files.writeString(key, "already here");
        ProblemException p = catchThrowableOfType(() -> SshKeyFiles.create(key, "me@test", null),
                ProblemException.class);
        assertThat(p.reason()).isEqualTo("key-exists");
        assertThat(p.getMessage()).isEqualTo("A key already exists at " + key + "; it is never overwritten.");
        assertThat(p.hint()).isEqualTo("Reuse it (ssh-key upload --file " + key + ".pub), or choose another file "
                + "with --file.");
        assertThat(p.message(Locale.ENGLISH)).isEqualTo(p.getMessage());
        assertThat(p.message(Locale.GERMAN))
                .isEqualTo("Unter " + key + " liegt bereits ein Schlüssel; er wird nie überschrieben.");
        assertThat(p.hint(Locale.GERMAN)).isEqualTo("Verwenden Sie ihn weiter (ssh-key upload --file " + key
                + ".pub), oder wählen Sie mit --file eine andere Datei.");
    }

    @Test
    void aCorruptSiteConfigurationInEitherLanguage(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{ \"host\": ");
        ProblemException p = catchThrowableOfType(() -> SiteConfig.load(List.of(notJson)), ProblemException.class);
        assertThat(p.reason()).isEqualTo("site-config-corrupt");
        assertThat(p.getMessage()).isEqualTo("The configuration file " + notJson + " is not valid JSON.");
        assertThat(p.hint()).isEqualTo("Fix or remove the file; see README for its format.");
        assertThat(p.message(Locale.GERMAN)).isEqualTo("Die Konfigurationsdatei " + notJson
                + " ist kein gültiges JSON.");
        assertThat(p.hint(Locale.GERMAN)).isEqualTo("Korrigieren oder entfernen Sie die Datei; ihr Format beschreibt "
                + "die README.");

        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        ProblemException q = catchThrowableOfType(() -> SiteConfig.load(List.of(array)), ProblemException.class);
        assertThat(q.getMessage()).isEqualTo("The configuration file " + array + " does not hold a JSON object.");
        assertThat(q.message(Locale.GERMAN)).isEqualTo("Die Konfigurationsdatei " + array
                + " enthält kein JSON-Objekt.");
    }

    @Test
    void anEmptyTokenSaysWhereInTheSameLanguage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token.txt"), "\n");
        Environment env = new Environment(Map.of("HOME", dir.toString()), new Properties());
        ProblemException p = catchThrowableOfType(() -> new TokenInput().read(new TokenInput.Source(file, false),
                new ByteArrayInputStream(new byte[0]), env), ProblemException.class);
        assertThat(p.reason()).isEqualTo("token-empty");
        assertThat(p.getMessage()).isEqualTo("No token was found in the file " + file + ".");
        assertThat(p.hint()).isEqualTo("Put the personal access token there, on its own line.");
        assertThat(p.message(Locale.GERMAN)).isEqualTo("In der Datei " + file + " wurde kein Token gefunden.");

        ProblemException stdin = catchThrowableOfType(() -> new TokenInput().read(new TokenInput.Source(null, true),
                new ByteArrayInputStream(new byte[0]), env), ProblemException.class);
        assertThat(stdin.getMessage()).isEqualTo("No token was found in standard input.");
        assertThat(stdin.message(Locale.GERMAN)).isEqualTo("In der Standardeingabe wurde kein Token gefunden.");
    }

    @Test
    void aFailedStepSaysTheProblemInTheRunnersLanguage(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("config.json"), "nope");
        ProblemException p = catchThrowableOfType(() -> SiteConfig.load(List.of(notJson)), ProblemException.class);
        StepOutcome german = StepOutcome.failed(org.gitlabaccess.core.setup.StepId.SIGN_IN, p, Locale.GERMAN);
        assertThat(german.summary()).isEqualTo("Die Konfigurationsdatei " + notJson + " ist kein gültiges JSON.");
        assertThat(german.hint()).startsWith("Korrigieren oder entfernen Sie die Datei");
        StepOutcome english = StepOutcome.failed(org.gitlabaccess.core.setup.StepId.SIGN_IN, p);
        assertThat(english.summary()).isEqualTo(p.getMessage());
        assertThat(english.hint()).isEqualTo(p.hint());
    }
}
