package org.gitlabaccess.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.gitlab.ApiProblems;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.InstanceUrl;
import org.gitlabaccess.core.gitlab.Outcome;
import org.junit.jupiter.api.Test;

/** A problem says its sentences in English for the command line, and in the wizard's language when asked. */
class ProblemExceptionTest {
    private static final String URL = "https://gitlab.example.com:8443/api/v4/user";

    private static ApiResult failed(Outcome outcome, String detail, Optional<Duration> retryAfter,
            Optional<ApiResult.CertificateInfo> certificate) {
        return new ApiResult(outcome, 0, null, detail, List.of(), retryAfter, certificate, URL);
    }

    @Test
    void anUntrustedCertificateIsTheOldEnglishSentenceAndGermanWhenAsked() {
        ProblemException p = ApiProblems.of(failed(Outcome.TLS_UNTRUSTED, "PKIX", Optional.empty(),
                Optional.of(new ApiResult.CertificateInfo("CN=gitlab.example.com", "CN=Corp CA", "AB:CD"))), null, null);
        assertThat(p.reason()).isEqualTo("tls-untrusted");
        assertThat(p.getMessage()).isEqualTo("The certificate of gitlab.example.com:8443 is not trusted: subject "
                + "CN=gitlab.example.com, issued by CN=Corp CA, SHA-256 fingerprint AB:CD.");
        assertThat(p.hint()).isEqualTo("If your company uses its own certificate authority, get its CA certificate "
                + "(PEM) from IT and run again with --ca-file FILE (or caFile in the site configuration); compare the "
                + "fingerprint with the one IT gives you.");
        assertThat(p.message(Locale.ENGLISH)).isEqualTo(p.getMessage());
        assertThat(p.hint(Locale.ENGLISH)).isEqualTo(p.hint());
        assertThat(p.message(Locale.GERMAN)).isNotEqualTo(p.getMessage())
                .isEqualTo("Dem Zertifikat von gitlab.example.com:8443 wird nicht vertraut: Inhaber "
                        + "CN=gitlab.example.com, ausgestellt von CN=Corp CA, SHA-256-Fingerabdruck AB:CD.");
        assertThat(p.hint(Locale.GERMAN)).isNotEqualTo(p.hint()).startsWith("Hat Ihre Firma eine eigene "
                + "Zertifizierungsstelle").contains("--ca-file DATEI");
        assertThat(p.message(Locale.FRENCH)).isEqualTo(p.getMessage());

        ProblemException unknown = ApiProblems.of(failed(Outcome.TLS_UNTRUSTED, "PKIX", Optional.empty(),
                Optional.empty()), null, null);
        assertThat(unknown.getMessage())
                .isEqualTo("The certificate of gitlab.example.com:8443 is not trusted: unknown certificate.");
        assertThat(unknown.message(Locale.GERMAN))
                .isEqualTo("Dem Zertifikat von gitlab.example.com:8443 wird nicht vertraut: unbekanntes Zertifikat.");
    }

    @Test
    void theScopesGitLabAsksForAreAlternativesInEachLanguage() {
        ProblemException p = ApiProblems.of(new ApiResult(Outcome.INSUFFICIENT_SCOPE, 403, null, null,
                List.of("api", "read_api", "read_user"), Optional.empty(), Optional.empty(), URL), null, null);
        assertThat(p.getMessage()).isEqualTo("This token lacks the scope this step needs (GitLab asks for: "
                + "api or read_api or read_user).");
        assertThat(p.message(Locale.GERMAN)).contains("(GitLab verlangt: api oder read_api oder read_user).");
    }

    @Test
    void aWaitInSecondsPrintsItsDigitsInEveryLanguage() {
        ProblemException p = ApiProblems.of(failed(Outcome.RATE_LIMITED, null, Optional.of(Duration.ofSeconds(1500)),
                Optional.empty()), null, null);
        assertThat(p.hint()).isEqualTo("Wait 1500 seconds, then try again.");
        assertThat(p.hint(Locale.GERMAN)).isEqualTo("Warten Sie 1500 Sekunden und versuchen Sie es dann erneut.");
    }

    @Test
    void secretsInTheArgumentsAreMaskedInEveryLanguage() {
        ProblemException p = ApiProblems.of(failed(Outcome.NETWORK_OTHER,
                "via http://bob:hunter2@proxy.corp:3128 with glpat-aLiCeApI0123456789xy", Optional.empty(),
                Optional.empty()), null, null);
        for (String text : List.of(p.getMessage(), p.message(Locale.ENGLISH), p.message(Locale.GERMAN))) {
            assertThat(text).contains("http://bob:****@proxy.corp:3128").endsWith("****).")
                    .doesNotContain("hunter2").doesNotContain("aLiCeApI");
        }
        assertThat(p.getMessage()).startsWith("The connection to gitlab.example.com:8443 failed (via ");
        assertThat(p.message(Locale.GERMAN)).startsWith("Die Verbindung zu gitlab.example.com:8443 ist gescheitert (via ")
                .endsWith("****).");

        ProblemException bad = catchThrowableOfType(() -> InstanceUrl.parse("https://alice:s3cret@gitlab example.com/"),
                ProblemException.class);
        assertThat(bad.getMessage()).isEqualTo("'https://alice:****@gitlab example.com/' is not a valid address.");
        assertThat(bad.message(Locale.GERMAN)).isEqualTo("„https://alice:****@gitlab example.com/“ ist keine gültige Adresse.");
        assertThat(bad.hint(Locale.GERMAN)).startsWith("Geben Sie die Adresse an");
    }

    @Test
    void aProblemWithoutTextsIsEnglishInEveryLanguage() {
        ProblemException p = new ProblemException(ProblemKind.USAGE, "x", "Token glpat-aLiCeApI0123456789xy is bad.",
                null);
        assertThat(p.message(Locale.GERMAN)).isEqualTo(p.getMessage()).startsWith("Token ")
                .endsWith("**** is bad.").doesNotContain("aLiCeApI");
        assertThat(p.hint(Locale.GERMAN)).isNull();
        ProblemException noHint = ProblemException.of(ProblemKind.USAGE, "x", Text.of("error.oauth-expired"), null);
        assertThat(noHint.hint()).isNull();
        assertThat(noHint.hint(Locale.GERMAN)).isNull();
        assertThat(noHint.message(Locale.GERMAN)).isEqualTo("Der Gerätecode ist abgelaufen, bevor die Anmeldung "
                + "bestätigt wurde.");
    }
}
