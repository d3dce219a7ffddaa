package org.gitlabaccess.core.runner;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.io.Secret;

/**
 * gitlab-runner's {@code config.toml}: the runners registered on this host. Read with a TOML parser
 * and bounded; a corrupt or unreadable file is a problem that names the file, never its content
 * (it holds the runners' tokens).
 */
public record RunnerConfig(Path file, List<RegisteredRunner> runners) {
    /** Where gitlab-runner keeps it when it runs as a system service (as root). */
    public static final Path DEFAULT_FILE = Path.of("/etc/gitlab-runner/config.toml");

    private static final TomlMapper TOML = new TomlMapper();

    public RunnerConfig {
        runners = List.copyOf(runners);
    }

    public static RunnerConfig read(Path file) {
        JsonNode root;
        try {
            root = TOML.readTree(BoundedFiles.readRegular(file, BoundedFiles.CONFIG_LIMIT));
        } catch (JacksonException e) {
            // Not kept as the cause: the parser's message quotes the text around the error, maybe a token.
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "runner-config-unreadable",
                    e.getLocation() != null && e.getLocation().getLineNr() > 0
                            ? Text.of("error.runner-config-unreadable.line", file, e.getLocation().getLineNr())
                            : Text.of("error.runner-config-unreadable", file),
                    Text.of("error.runner-config-unreadable.hint"));
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "runner-config-unreadable",
                    Text.of("error.runner-config-unreadable", file), Text.of("error.runner-config-unreadable.hint"), e);
        }
        List<RegisteredRunner> runners = new ArrayList<>();
        // [[runners]] is an array of tables; a lone [runners] table is no runner the service would start.
        JsonNode entries = root.path("runners").isArray() ? root.path("runners") : JsonNodeFactory.instance.arrayNode();
        for (JsonNode r : entries) {
            List<String> environment = new ArrayList<>();
            r.path("environment").forEach(v -> environment.add(v.asText()));
            String token = r.path("token").asText("");
            runners.add(new RegisteredRunner(r.path("name").asText(""), r.path("url").asText(""),
                    token.isBlank() ? null : Secret.of(token), r.path("executor").asText(""), environment));
        }
        return new RunnerConfig(file, runners);
    }
}
