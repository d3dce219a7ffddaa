package org.gitlabaccess.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One login leaves docker's config.json; every other byte, comma placement included, stays. */
class DockerAuthsCutTest {
    /** Docker's own layout (tabs); the values are irrelevant to the cut. */
    private static final String DOCKER = "{\n\t\"auths\": {\n\t\t\"a.example\": {\n\t\t\t\"auth\": \"QQ==\"\n\t\t},\n"
            + "\t\t\"b.example\": {\n\t\t\t\"auth\": \"Qg==\"\n\t\t},\n\t\t\"c.example\": {}\n\t},\n"
            + "\t\"credsStore\": \"desktop\"\n}";

    private static String cut(String json, String key) throws IOException {
        byte[] out = DockerAuthsCut.without(json.getBytes(StandardCharsets.UTF_8), key);
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theFirstEntryGoesWithTheCommaAfterIt() throws IOException {
        assertThat(cut(DOCKER, "a.example")).isEqualTo("{\n\t\"auths\": {\n\t\t\"b.example\": {\n\t\t\t\"auth\": "
                + "\"Qg==\"\n\t\t},\n\t\t\"c.example\": {}\n\t},\n\t\"credsStore\": \"desktop\"\n}");
    }

    @Test
    void aMiddleOrLastEntryGoesWithTheCommaBeforeIt() throws IOException {
        assertThat(cut(DOCKER, "b.example")).isEqualTo("{\n\t\"auths\": {\n\t\t\"a.example\": {\n\t\t\t\"auth\": "
                + "\"QQ==\"\n\t\t},\n\t\t\"c.example\": {}\n\t},\n\t\"credsStore\": \"desktop\"\n}");
        assertThat(cut(DOCKER, "c.example")).isEqualTo("{\n\t\"auths\": {\n\t\t\"a.example\": {\n\t\t\t\"auth\": "
                + "\"QQ==\"\n\t\t},\n\t\t\"b.example\": {\n\t\t\t\"auth\": \"Qg==\"\n\t\t}\n\t},\n"
                + "\t\"credsStore\": \"desktop\"\n}");
    }

    @Test
    void theOnlyEntryLeavesAnEmptyAuthsAsDockerWritesIt() throws IOException {
        assertThat(cut("{\"auths\": {\n  \"a.example\": {\"auth\": \"QQ==\"}\n}, \"x\": 1}", "a.example"))
                .isEqualTo("{\"auths\": {}, \"x\": 1}");
    }

    @Test
    void onlyTheTopLevelAuthsIsTouchedAndAnAbsentKeyChangesNothing() throws IOException {
        String nested = "{\"proxies\": {\"auths\": {\"a.example\": 1}}, \"auths\": {\"b.example\": {}}}";
        assertThat(cut(nested, "a.example")).isNull();
        assertThat(cut(nested, "b.example")).isEqualTo("{\"proxies\": {\"auths\": {\"a.example\": 1}}, \"auths\": {}}");
        assertThat(cut("{\"auths\": {}}", "a.example")).isNull();
        assertThat(cut("[]", "a.example")).isNull();
    }

    @Test
    void everyCopyOfADuplicatedKeyGoesForDockerReadsTheLast() throws IOException {
        assertThat(cut("{\"auths\": {\"a.example\": {\"auth\": \"QQ==\"}, \"b.example\": {}, "
                + "\"a.example\": {\"auth\": \"QjI=\"}}}", "a.example")).isEqualTo("{\"auths\": {\"b.example\": {}}}");
    }

    @Test
    void aScalarValueIsCutToItsEnd() throws IOException {
        assertThat(cut("{\"auths\": {\"a.example\": \"odd, but JSON\", \"b.example\": {}}}", "a.example"))
                .isEqualTo("{\"auths\": {\"b.example\": {}}}");
    }

    @Test
    void aCorruptFileIsAnErrorNotACut() {
        assertThatThrownBy(() -> cut("{\"auths\": {\"a.example\": ", "a.example"))
                .isInstanceOf(JacksonException.class);
    }
}
