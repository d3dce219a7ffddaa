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
        assertThat(Redactor.redact("token glpat-Ab3dEf6hIj9kLm2nOp5q expired")).isEqualTo("token glpat-**** expired");
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
}
