package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API fuzzer: every field the product reads from {@code /personal_access_tokens/self},
 * {@code /user}, {@code /user/keys}, {@code /projects} (and the whole body of those and of
 * {@code /version}) replaced by hostile values, with the command that reads it run against the test
 * server. Whatever the value, the run ends (timeout), with 0, 3 or 4 (the doctor: 0 or 1, its checks
 * failing by verdict, never by exception), without a stack trace, without a raw control character
 * in what it prints, and with nothing of the value in the home. ({@code /metadata} is not read by
 * the product, so nothing of it can be fuzzed.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = ServerRuns.STATE;
    private static final String INJECTED = "ProxyCommand touch /tmp/pwned-by-gitlab-access-fuzz";
    private static final String MEGABYTE_MARK = "FUZZFUZZFUZZ";

    @TempDir
    static Path dir;
    static GitLabTestServer server;
    /** A home with a key of its own, registered on alice's account: upload then reads id, title and expiry. */
    static Path keyHome;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        keyHome = Files.createDirectories(dir.resolve("key-home"));
        var created = new CliRunner(keyHome).run(args("ssh-key", "create"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        var uploaded = cli(keyHome).run(args("ssh-key", "upload"));
        assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @AfterEach
    void clearFaults() {
        server.faults().clear();
    }

    /** A value put where GitLab sends a field; null: the field is removed. */
    enum Hostile {
        NEWLINE_AND_PROXYCOMMAND(v -> text(v.asText("") + "\n" + INJECTED)),
        NUL(v -> text(v.asText("") + "\u0000tail")),
        TERMINAL_ESCAPE(v -> text("\u001b[31m\u001b]0;owned\u0007" + v.asText(""))),
        ONE_MEGABYTE(v -> text(MEGABYTE_MARK + "x".repeat(1 << 20))),
        NUMBER_FOR_TEXT(v -> JsonNodeFactory.instance.numberNode(42)),
        OBJECT(v -> JsonNodeFactory.instance.objectNode().put("a", "b")),
        ARRAY(v -> JsonNodeFactory.instance.arrayNode().add("x")),
        NULL(v -> JsonNodeFactory.instance.nullNode()),
        MISSING(v -> null);

        final UnaryOperator<JsonNode> value;

        Hostile(UnaryOperator<JsonNode> value) {
            this.value = value;
        }

        private static JsonNode text(String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
    }

    /** A whole answer replaced. */
    enum Body {
        NOT_JSON, EMPTY, WRONG_SHAPE, TRUNCATED, TEN_MEGABYTES
    }

    /** The command that reads an endpoint, and what it may end with. */
    enum Command {
        LOGIN("login"), SSH_KEY_UPLOAD("ssh-key", "upload"), DOCTOR("doctor", "--json");

        final String[] words;

        Command(String... words) {
            this.words = words;
        }
    }

    static Stream<Arguments> fields() {
        List<Arguments> rows = new ArrayList<>();
        add(rows, Command.LOGIN, "/personal_access_tokens/self", "scopes", "expires_at", "revoked", "active",
                "user_id", "name");
        add(rows, Command.LOGIN, "/user", "id", "username", "name");
        add(rows, Command.SSH_KEY_UPLOAD, "/user/keys", "key", "id", "title", "expires_at");
        add(rows, Command.DOCTOR, "/projects", "ssh_url_to_repo", "http_url_to_repo");
        return rows.stream();
    }

    private static void add(List<Arguments> rows, Command command, String endpoint, String... fields) {
        for (String field : fields) {
            for (Hostile h : Hostile.values()) {
                rows.add(Arguments.of(command, endpoint, field, h));
            }
        }
    }

    static Stream<Arguments> bodies() {
        List<Arguments> rows = new ArrayList<>();
        for (Body b : Body.values()) {
            rows.add(Arguments.of(Command.LOGIN, "/personal_access_tokens/self", b));
            rows.add(Arguments.of(Command.LOGIN, "/user", b));
            rows.add(Arguments.of(Command.SSH_KEY_UPLOAD, "/user/keys", b));
            rows.add(Arguments.of(Command.DOCTOR, "/projects", b));
            rows.add(Arguments.of(Command.DOCTOR, "/version", b));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} with {1} {2} = {3}")
    @MethodSource("fields")
    void aHostileFieldValue(Command command, String endpoint, String field, Hostile hostile) throws Exception {
        server.faults().rewriteJson("/api/v4" + endpoint, 10, json -> replace(json, field, hostile));
        runAndJudge(command, endpoint + " " + field + " " + hostile);
    }

    @ParameterizedTest(name = "{0} with {1} answering {2}")
    @MethodSource("bodies")
    void aHostileBody(Command command, String endpoint, Body body) throws Exception {
        boolean list = endpoint.equals("/user/keys") || endpoint.equals("/projects");
        byte[] bytes = switch (body) {
            case NOT_JSON -> "hello, this is not JSON".getBytes(StandardCharsets.UTF_8);
            case EMPTY -> new byte[0];
            case WRONG_SHAPE -> (list ? "{\"id\": 1}" : "[{\"id\": 1}]").getBytes(StandardCharsets.UTF_8);
            case TRUNCATED -> (list ? "[{\"id\": 1, \"ke" : "{\"id\": 1, \"user").getBytes(StandardCharsets.UTF_8);
            case TEN_MEGABYTES -> tenMegabytes(list);
        };
        server.faults().replaceBody("/api/v4" + endpoint, 10, bytes);
        CliRunner.Result r = runAndJudge(command, endpoint + " " + body);
        if (command != Command.DOCTOR) {
            // Nothing usable came back: a network-class failure that names the endpoint.
            assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
            assertThat(r.err()).contains("/api/v4" + endpoint);
        }
    }

    static Stream<Arguments> uploadAnswers() {
        List<Arguments> rows = new ArrayList<>();
        for (String field : List.of("id", "title", "expires_at")) {
            for (Hostile h : Hostile.values()) {
                rows.add(Arguments.of(field, h));
            }
        }
        return rows.stream();
    }

    /** The answer to the upload itself ({@code POST /user/keys}) is read too: a new key each time. */
    @ParameterizedTest(name = "ssh-key upload of a new key answered with {0} = {1}")
    @MethodSource("uploadAnswers")
    void aHostileUploadAnswer(String field, Hostile hostile) throws Exception {
        Path home = Files.createDirectories(dir.resolve("upload-" + field + "-" + hostile.name().toLowerCase()));
        var created = new CliRunner(home).run(args("ssh-key", "create"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        server.faults().rewriteJson("/api/v4/user/keys", 10, json -> json.isObject() ? replace(json, field, hostile)
                : json);
        runAndJudge(home, Command.SSH_KEY_UPLOAD, "POST /user/keys " + field + " " + hostile);
    }

    /**
     * {@code setup --method ssh} writes {@code ~/.ssh/config}, {@code known_hosts} and a key from what
     * {@code /projects} says: whatever it says, none of the hostile value may land in any file.
     */
    @ParameterizedTest(name = "setup --method ssh with /projects ssh_url_to_repo = {0}")
    @org.junit.jupiter.params.provider.EnumSource(Hostile.class)
    void setupNeverWritesAHostileSshUrl(Hostile hostile) throws Exception {
        Path home = Files.createDirectories(dir.resolve("setup-" + hostile.name().toLowerCase()));
        server.faults().rewriteJson("/api/v4/projects", 10, json -> replace(json, "ssh_url_to_repo", hostile));

        var r = cli(home).run(args("setup", "--method", "ssh", "--yes"));

        String printed = r.out() + r.err();
        assertThat(r.exitCode()).as(hostile + ": " + printed).isIn(0, 3, 4);
        assertThat(printed).as(hostile.name()).doesNotContain("Exception", "\tat ", "Something unexpected");
        assertThat(rawControlCharacters(printed)).as(hostile + ": " + printed).isEmpty();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(content).as(hostile + ": " + home.relativize(f))
                        .doesNotContain(INJECTED, "\u001b", "\u0000tail", MEGABYTE_MARK);
            }
        }
    }

    private static CliRunner.Result runAndJudge(Command command, String row) throws IOException {
        return runAndJudge(command == Command.SSH_KEY_UPLOAD ? keyHome : Files.createDirectories(dir.resolve("fuzz-home")),
                command, row);
    }

    private static CliRunner.Result runAndJudge(Path home, Command command, String row) throws IOException {
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home).run(args(command.words));

        String printed = r.out() + r.err();
        if (command == Command.DOCTOR) {
            assertThat(r.exitCode()).as(row + ": " + r.err()).isIn(0, 1);
            for (JsonNode check : JSON.readTree(r.out()).get("checks")) {
                // The doctor's catch-all for an exception inside a check.
                assertThat(check.get("summary").asText()).as(row).doesNotContain("failed unexpectedly");
            }
        } else {
            assertThat(r.exitCode()).as(row + ": " + r.err()).isIn(0, 3, 4);
        }
        // The injected line never starts a line of its own (a newline in a value is printed escaped).
        assertThat(printed).as(row).doesNotContain("Exception", "\tat ", "Something unexpected", "\n" + INJECTED);
        assertThat(rawControlCharacters(printed)).as(row + ": " + printed.substring(0, Math.min(2000, printed.length())))
                .isEmpty();
        assertThat(printed.length()).as(row + ": a megabyte value is not printed whole").isLessThan(200_000);
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
        return r;
    }

    private static JsonNode replace(JsonNode json, String field, Hostile hostile) {
        if (json instanceof ArrayNode array) {
            array.forEach(item -> replace(item, field, hostile));
        } else if (json instanceof ObjectNode object) {
            JsonNode value = hostile.value.apply(object.path(field));
            if (value == null) {
                object.remove(field);
            } else {
                object.set(field, value);
            }
        }
        return json;
    }

    private static byte[] tenMegabytes(boolean list) {
        byte[] b = new byte[10 << 20];
        Arrays.fill(b, (byte) ' ');
        b[0] = (byte) (list ? '[' : '{');
        b[b.length - 1] = (byte) (list ? ']' : '}');
        return b;
    }

    /** What a terminal would act on: C0 controls other than line feed, tab and carriage return; DEL; C1. */
    static List<String> rawControlCharacters(String s) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean layout = c == '\n' || c == '\t' || c == '\r';
            if (!layout && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
                found.add(String.format("U+%04X at %d", (int) c, i));
            }
        }
        return found;
    }

    private static CliRunner cli(Path home) {
        return ServerRuns.cli(home, Seed.API_TOKEN);
    }

    private static String[] args(String... rest) {
        return ServerRuns.args(server, rest);
    }
}
