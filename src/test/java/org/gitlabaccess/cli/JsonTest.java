package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.setup.Change;
import org.gitlabaccess.core.setup.ChangeKind;
import org.junit.jupiter.api.Test;

/** The streaming writer prints what an indenting ObjectMapper prints, byte for byte. */
class JsonTest {
    @Test
    void writesTheSameBytesAsAnIndentingObjectMapper() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("host", "gitlab.example.com");
        doc.put("port", 22);
        doc.put("big", 12_345_678_901L);
        doc.put("ratio", 0.85);
        doc.put("ok", true);
        doc.put("missing", null);
        doc.put("empty", List.of());
        doc.put("nothing", Map.of());
        doc.put("text", "quote \" backslash \\ newline \n tab \t ümlaut → ✓ \u0001");
        List<Object> steps = new ArrayList<>();
        steps.add(Map.of("id", "sign-in"));
        steps.add(new Change(ChangeKind.REMOTE_REWRITTEN, "/home/a/src/app remote.origin.url", "https://h/x.git", null));
        steps.add(List.of(1, 2, List.of("nested")));
        doc.put("steps", steps);
        doc.put("file", Path.of("/home/a/.ssh/id_ed25519"));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);

        assertThat(Json.write(doc)).isEqualTo(mapper.writeValueAsString(doc));
        assertThat(Json.write(Map.of("error", Map.of("code", 2)))).isEqualTo(mapper.writeValueAsString(
                Map.of("error", Map.of("code", 2))));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Checks(boolean ok, String ssh, List<String> repositories) {
    }

    record Remote(String name, String project, @JsonInclude(JsonInclude.Include.NON_NULL) String pushUrl,
                  RemoteKind kind) {
    }

    @Test
    void leavesOutNullPartsWhereTheRecordOrItsComponentSaysSoAsJacksonDoes() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Object> docs = List.of(new Checks(true, null, List.of("a")), new Checks(false, "refused", null),
                new Remote("origin", null, null, RemoteKind.SSH),
                new Remote("origin", "group/app", "git@h:group/app.git", RemoteKind.SSH));
        for (Object doc : docs) {
            assertThat(Json.write(doc)).isEqualTo(mapper.writeValueAsString(doc).replace("\"SSH\"", "\"ssh\""));
        }
        assertThat(Json.write(docs.get(0))).doesNotContain("ssh");
        assertThat(Json.write(docs.get(2))).contains("\"project\" : null").doesNotContain("pushUrl");
    }
}
