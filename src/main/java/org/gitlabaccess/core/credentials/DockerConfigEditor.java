package org.gitlabaccess.core.credentials;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gitlabaccess.core.io.AtomicFile;

/**
 * Removes one dead login from a docker config file when the docker CLI is not there to
 * {@code docker logout}. Prefer {@link DockerCli#logout(String)}: docker knows its own file.
 *
 * <p>The rewrite is atomic and keeps the permissions, without a backup (the file holds secrets).
 * Every other entry keeps its key order and value; the layout is docker's own (tab indentation,
 * {@code "key": value}), which is what the CLI writes, but a hand-edited file's spacing is not kept:
 * Jackson re-serialises the tree rather than editing the text.
 */
public final class DockerConfigEditor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicFile files;

    public DockerConfigEditor(AtomicFile files) {
        this.files = files;
    }

    /** @return true when the entry existed and was removed */
    public boolean removeLogin(Path configFile, String registryKey) {
        JsonNode before = DockerCredentials.read(configFile);
        if (!(before.path("auths") instanceof ObjectNode auths) || !auths.has(registryKey)) {
            return false;
        }
        boolean[] removed = {false};
        try {
            // Read again under the lock, so a login docker saved meanwhile is not lost.
            files.update(configFile, current -> {
                removed[0] = false;
                if (current.isEmpty()) {
                    return null;
                }
                JsonNode root = JSON.readTree(current.get());
                if (!(root.path("auths") instanceof ObjectNode locked) || !locked.has(registryKey)) {
                    return null;
                }
                locked.remove(registryKey);
                removed[0] = true;
                return (write(root) + "\n").getBytes(StandardCharsets.UTF_8);
            }, AtomicFile.Options.ownerOnly());
        } catch (IOException e) {
            throw GitCredentialsFiles.unwritable(configFile, e);
        }
        return removed[0];
    }

    /** Docker's layout: Go's {@code json.MarshalIndent(v, "", "\t")}. */
    static String write(JsonNode root) throws IOException {
        DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(tabs).withArrayIndenter(tabs);
        return JSON.writer(printer).writeValueAsString(root);
    }
}
