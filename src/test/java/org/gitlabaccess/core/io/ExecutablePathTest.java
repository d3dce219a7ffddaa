package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablePathTest {
    @TempDir
    Path dir;

    @Test
    void findsTheFirstExecutableInAnAbsoluteEntryAndNeverLooksInRelativeOnes() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"));
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(first.resolve("tool"), "#!/bin/sh\n"); // not executable: passed over
        Path tool = Files.writeString(second.resolve("tool"), "#!/bin/sh\n");
        assumeTrue(tool.toFile().setExecutable(true));
        // The working directory's own copy, reachable only through the relative entries.
        Path planted = Path.of("").toAbsolutePath().resolve("target/planted-tool-" + ProcessHandle.current().pid());
        Files.createDirectories(planted);
        Path plantedTool = Files.writeString(planted.resolve("tool"), "#!/bin/sh\n");
        assumeTrue(plantedTool.toFile().setExecutable(true));
        String relative = Path.of("").toAbsolutePath().relativize(planted).toString();
        try {
            String path = String.join(File.pathSeparator, "", ".", relative, first.toString(), second.toString());
            Environment env = new Environment(Map.of("PATH", path), new Properties());
            assertThat(ExecutablePath.of(env, "tool")).contains(tool);
            Environment onlyRelative = new Environment(Map.of("PATH", relative + File.pathSeparator + "."),
                    new Properties());
            assertThat(ExecutablePath.of(onlyRelative, "tool")).isEmpty();
            // Children are started the same way: the absolute directory's program, by its full path.
            assertThat(ChildProcesses.builder(env, List.of("tool", "--flag")).command())
                    .containsExactly(tool.toString(), "--flag");
            // Found in no absolute directory: not left to the JDK's own search, which would look in them.
            assertThatThrownBy(() -> ChildProcesses.builder(onlyRelative, List.of("tool")))
                    .isInstanceOf(IOException.class).hasMessageContaining("tool is not installed");
            // And children search only the absolute entries too.
            assertThat(ChildProcesses.environment(env).get("PATH"))
                    .isEqualTo(String.join(File.pathSeparator, first.toString(), second.toString()));
        } finally {
            Files.delete(plantedTool);
            Files.delete(planted);
        }
    }
}
