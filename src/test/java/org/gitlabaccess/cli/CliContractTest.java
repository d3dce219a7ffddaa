package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.gitlabaccess.core.ProductInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "glpat-Ab3dEf6hIj9kLm2nOp5q";

    @TempDir
    Path home;

    private CliRunner cli() {
        return new CliRunner(home);
    }

    @Test
    void versionComesFromTheBuild() {
        var r = cli().run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().trim()).isEqualTo("gitlab-access " + ProductInfo.version());
        assertThat(ProductInfo.version()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void unknownCommandIsAUsageErrorOnStderr() {
        var r = cli().run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").contains("frobnicate").contains("hint: ");
    }

    @Test
    void unknownOptionWithJsonPrintsOneJsonErrorDocumentOnStdout() throws Exception {
        var r = cli().run("--json", "--no-such-option");
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("error").get("code").asInt()).isEqualTo(2);
        assertThat(doc.get("error").get("message").asText()).contains("--no-such-option");
        assertThat(doc.get("error").get("hint").asText()).isNotBlank();
        assertThat(r.err()).startsWith("error: ");
    }

    @Test
    void aTokenIsNeverAcceptedAsAnArgumentNorEchoed() throws Exception {
        for (String[] args : new String[][] {{"--token", TOKEN}, {"--token=" + TOKEN}, {TOKEN},
            {"--json", "--host", "https://gitlab.example.com", TOKEN}}) {
            var r = cli().run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.all()).doesNotContain("Ab3dEf6h");
            assertThat(r.err()).contains("never accepted as command-line arguments").contains("--token-file");
        }
        var json = cli().run("--json", TOKEN);
        assertThat(JSON.readTree(json.out()).get("error").get("reason").asText()).isEqualTo("token-in-arguments");
    }

    @Test
    void noCommandOpensTheWizardWithTheGlobalOptions() {
        AtomicReference<String> host = new AtomicReference<>();
        var r = cli().wizard(options -> {
            host.set(options.host());
            return 0;
        }).run("--host", "https://gitlab.example.com");
        assertThat(r.exitCode()).isZero();
        assertThat(host.get()).isEqualTo("https://gitlab.example.com");
    }

    @Test
    void helpListsTheGlobalOptionsAndExitCodes() {
        var r = cli().run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--host=URL", "--ssh-host=HOST", "--ssh-port=N", "--ca-file=PEM", "--json",
                "--yes", "--verbose", "--token-file=FILE", "--token-stdin", "Exit codes");
        assertThat(r.out()).contains("setup", "doctor", "login", "ssh-key", "repos", "verify");
    }

    /** Only named commands are built, to start fast; but the root's help always lists them all. */
    @Test
    void theRootsHelpListsEveryCommandWhicheverOthersAreNamed() {
        for (String[] args : new String[][] {{"--help", "doctor"}, {"-h", "repos"}}) {
            var r = cli().run(args);
            assertThat(r.exitCode()).isZero();
            String commands = r.out().substring(r.out().indexOf("Commands:"));
            assertThat(commands).contains("setup", "doctor", "login", "ssh-key", "repos", "verify");
        }
    }
}
