package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @ParameterizedTest
    @ValueSource(strings = {"glpat-Ab3dEf6hIj9kLm2nOp5q", "gloas-0123456789abcdefghijklmn", "gldt-xyzXYZ0123456789abcd",
        "glrt-t3_AbCdEfGhIjKlMnOpQrSt", "glptt-0123456789abcdef0123", "glft-ABCDEFGHIJKLMNOPQRST",
        "glsoat-ABCDEFGHIJKLMNOPQRSTuv", "glpat-AbCdEfGh.01.0y1234abcd", "GR1348941AbCdEfGhIjKlMnOpQr"})
    void masksGitLabTokensByPrefix(String token) {
        String out = Redactor.redact("using " + token + " now");
        assertThat(out).doesNotContain(token).contains(Redactor.MASK).startsWith("using ").endsWith(" now");
    }

    @Test
    void keepsTheTokenKindSoMessagesStayUseful() {
        // A value no other test makes a known secret (a known one is masked whole).
        assertThat(Redactor.redact("token glpat-Zq8wXe7rTy6uIo5pAs4d expired")).isEqualTo("token glpat-**** expired");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://alice:s3cr3t-Passw0rd@gitlab.example.com/group/p.git|https://alice:****@gitlab.example.com/group/p.git",
        "https://oauth2:abc123def456@gitlab.com/x.git|https://oauth2:****@gitlab.com/x.git",
        "url = https://x:y@h/p|url = https://x:****@h/p",
        "https://Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5@gitlab.com/g/p.git|https://****@gitlab.com/g/p.git",
        "https://alice@gitlab.com/g/p.git|https://alice@gitlab.com/g/p.git",
        "git@gitlab.com:group/project.git|git@gitlab.com:group/project.git"})
    void masksPasswordsInUrlsButKeepsUserNames(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @Test
    void masksUserInfoOnEachLineOfAReportAndNothingAcrossLines() {
        // A report redacted as one block (repos scan's table): each line as if alone.
        String report = String.join("\n",
                "/home/a/p1  origin  https  https://gitlab.example.com/g/p1.git",
                "/home/a/p2  origin  token  https://oauth2:abc123def456@gitlab.example.com/g/p2.git",
                "/home/a/p3  origin  ssh    git@gitlab.example.com:g/p3.git",
                "see https://gitlab.example.com/help and write to support@example.com",
                "");
        assertThat(Redactor.redact(report)).isEqualTo(String.join("\n",
                "/home/a/p1  origin  https  https://gitlab.example.com/g/p1.git",
                "/home/a/p2  origin  token  https://oauth2:****@gitlab.example.com/g/p2.git",
                "/home/a/p3  origin  ssh    git@gitlab.example.com:g/p3.git",
                "see https://gitlab.example.com/help and write to support@example.com",
                ""));
        // A scheme on one line and an @ on the next are not one URL.
        assertThat(Redactor.redact("https://h/x:abc123def456\n@gitlab.example.com/p"))
                .isEqualTo("https://h/x:abc123def456\n@gitlab.example.com/p");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc|Authorization: Bearer ****",
        "authorization: Basic YWxpY2U6cGFzc3dvcmQ=|authorization: Basic ****",
        "PRIVATE-TOKEN: 8f7a6b5c4d3e2f1a0b9c|PRIVATE-TOKEN: ****",
        "GET /api/v4/user?private_token=abcdef123456 HTTP/1.1|GET /api/v4/user?private_token=**** HTTP/1.1",
        "code=xyz&code_verifier=0123456789abcdef&x=1|code=xyz&code_verifier=****&x=1",
        "{\"access_token\":\"9f8e7d6c5b4a\",\"token_type\":\"Bearer\"}|{\"access_token\":\"****\",\"token_type\":\"Bearer\"}",
        "{\"auths\":{\"registry.example.com\":{\"auth\":\"YWxpY2U6Z2xwYXQteHl6\"}}}|{\"auths\":{\"registry.example.com\":{\"auth\":\"****\"}}}"})
    void masksHeadersParametersAndJsonFields(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @Test
    void masksAnyValueOnceWrappedInASecretEvenWithoutAPattern() {
        Secret oauth = Secret.of("9c0ffee5b1ade7a1d0c4a2e6f8b0d2e4");
        assertThat(Redactor.redact("the access token 9c0ffee5b1ade7a1d0c4a2e6f8b0d2e4 was refused"))
                .isEqualTo("the access token **** was refused");
        assertThat(oauth.toString()).doesNotContain("9c0ffee5");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Cloning into 'project'... done. 3 files, fingerprint SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8";
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void describesExceptionChainsRedacted() {
        Exception e = new IllegalStateException("outer https://u:hunter22@h/x",
                new java.io.IOException("token glpat-Ab3dEf6hIj9kLm2nOp5q refused"));
        assertThat(Redactor.describe(e)).contains("IllegalStateException").contains("caused by: java.io.IOException")
                .doesNotContain("hunter22").doesNotContain("Ab3dEf6h");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:p@ss@gitlab.example.com/g/p.git|https://user:****@gitlab.example.com/g/p.git",
        "https://user:pa:ss@host/x|https://user:****@host/x",
        "https://user:pa/ss@host/x|https://user:****@host/x",
        "https://user:p%40ss%2Fw@host/x|https://user:****@host/x",
        "https://alice@example.com:pw-123@host/x|https://alice@example.com:****@host/x",
        "https://u:p@host:8443/x?y=1|https://u:****@host:8443/x?y=1",
        "https://u:p@[::1]:8443/x|https://u:****@[::1]:8443/x",
        "clone 'https://u:s3cret@host' failed|clone 'https://u:****@host' failed",
        "https://alice@host:8443/p/@x.org/|https://alice@host:8443/p/@x.org/",
        "https://registry.example.com/@scope/pkg|https://registry.example.com/@scope/pkg",
        "https://john.doe.contractor@gitlab.com/g/p.git|https://john.doe.contractor@gitlab.com/g/p.git",
        "https://gitlab.com/sec/glpat-token-scanner-tool.git|https://gitlab.com/sec/glpat-token-scanner-tool.git",
        "https://u:@host/x|https://u:@host/x"})
    void masksTheWholePasswordOfAUrlAndNothingElse(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"Authorization\": \"Bearer eyJabc.def\"}|{\"Authorization\": \"Bearer ****\"}",
        "{\"authorization\":[\"Basic YWxpY2U6cHc=\"]}|{\"authorization\":[\"Basic ****\"]}",
        "curl -H 'Authorization: Bearer abc123' https://h|curl -H 'Authorization: Bearer ****' https://h",
        "curl -H \"PRIVATE-TOKEN: abc123\" https://h|curl -H \"PRIVATE-TOKEN: ****\" https://h",
        "{\"headers\":{\"PRIVATE-TOKEN\":\"abcdef123\"}}|{\"headers\":{\"PRIVATE-TOKEN\":\"****\"}}",
        "JOB-TOKEN: 64_abcdef|JOB-TOKEN: ****",
        "Proxy-Authorization: Basic YWxpY2U6cHc=|Proxy-Authorization: Basic ****",
        "{\"password\":\"a\\\"b c\",\"user\":\"x\"}|{\"password\":\"****\",\"user\":\"x\"}",
        "{\"auths\": {\"r.example.com\": {\"auth\": \"YWxpY2U6cHc=\", \"identitytoken\": \"eyJhbGciOi\"}}}"
            + "|{\"auths\": {\"r.example.com\": {\"auth\": \"****\", \"identitytoken\": \"****\"}}}"})
    void masksHeadersInEveryForm(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @Test
    void masksNetrcPasswordsOnOneLineAndOnTheirOwn() {
        assertThat(Redactor.redact("machine gitlab.com login alice password hunter2"))
                .isEqualTo("machine gitlab.com login alice password ****");
        assertThat(Redactor.redact("machine h\n  login u\n  password s3cret\n"))
                .isEqualTo("machine h\n  login u\n  password ****\n");
        assertThat(Redactor.redact("default login u passwd \"two words\""))
                .isEqualTo("default login u passwd ****");
        assertThat(Redactor.redact("machine a login x password p1 machine b login y password p2"))
                .isEqualTo("machine a login x password **** machine b login y password ****");
        assertThat(Redactor.redact("read ~/.netrc: machine h login u password p@ss word"))
                .isEqualTo("read ~/.netrc: machine h login u password **** word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password for 'https://alice@gitlab.com': ", "the password is wrong",
        "Permission denied (publickey,password).", "authorization_pending", "see /oauth/authorize?client_id=x",
        "password", "token_type Bearer"})
    void leavesProseAboutSecretsAlone(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void aShortPassphraseIsNeverMaskedByValue() {
        Secret passphrase = Secret.exact("gitlab");
        Secret words = Secret.exact("correct horse battery staple");
        String text = "https://gitlab.com/gitlab-org/gitlab.git: correct horse battery staple";
        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(passphrase.toString()).doesNotContain("gitlab");
        words.close();
    }

    @Test
    void shapesOnlyNeverMasksByValue() {
        Secret token = Secret.of("Xq7vR2mP9kL4wN8tB3cZ6hJ1");
        assertThat(Redactor.redact("was Xq7vR2mP9kL4wN8tB3cZ6hJ1")).isEqualTo("was ****");
        assertThat(Redactor.redactShapes("https://h/Xq7vR2mP9kL4wN8tB3cZ6hJ1/x")).isEqualTo("https://h/Xq7vR2mP9kL4wN8tB3cZ6hJ1/x");
        assertThat(Redactor.redactShapes("https://Xq7vR2mP9kL4wN8tB3cZ6hJ1@h/x")).isEqualTo("https://****@h/x");
        token.close();
    }

    @ParameterizedTest
    @CsvSource({"gitlab,false", "correct horse battery staple,false", "internationalization,false",
        "hunter2hunter2,false", "Xq7vR2mP9kL4wN8tB3cZ6hJ1,true", "correct-horse-battery-staple,true",
        "9c0ffee5b1ade7a1d0c4a2e6f8b0d2e4,true"})
    void onlyValuesThatCannotBeWordsAreRemembered(String value, boolean remembered) {
        assertThat(TokenShape.rememberable(value)).isEqualTo(remembered);
    }
}
