package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The Linux packages' command (installers/linux/package.sh writes it) picks the archive a start maps
 * from the command line: the wizard's AOT cache with no command, {@code repos scan}'s for that
 * command, the command line's CDS archive for any other. It reads past the global options, so it
 * must know which of them take a value: the same ones as the command model.
 */
class LauncherScriptTest {
    private static final Path PACKAGE_SH = Path.of("installers/linux/package.sh");

    @Test
    void theScriptSkipsTheValueOfExactlyTheGlobalOptionsThatTakeOne() throws IOException {
        Set<String> valued = new TreeSet<>();
        Set<String> help = new TreeSet<>();
        for (OptionSpec option : ShellDocsGenerator.fullTree().getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                help.addAll(Arrays.asList(option.names()));
            } else if (option.arity().max() > 0) {
                valued.addAll(Arrays.asList(option.names()));
            }
        }
        assertThat(valued).contains("--host", "--ca-file");
        assertThat(caseLabels("value=1")).isEqualTo(valued);
        assertThat(caseLabels("command=help")).isEqualTo(help);
    }

    @Test
    void eachStartMapsTheArchiveMadeForIt(@TempDir Path dir) throws Exception {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "no /bin/sh");
        Path server = Files.createDirectories(dir.resolve("lib/runtime/lib/server"));
        for (String name : List.of("wizard.aot", "repos-scan.aot", "verify.aot", "cli.jsa")) {
            Files.writeString(server.resolve(name), "");
        }
        Path script = dir.resolve("choose.sh");
        Files.writeString(script, "app=" + dir + "\n" + chooser() + "echo \"$archive\"\n");

        String aot = "-XX:AOTCache=" + server + "/";
        String cli = "-XX:SharedArchiveFile=" + server + "/cli.jsa";
        assertThat(archive(script)).isEqualTo(aot + "wizard.aot");
        assertThat(archive(script, "--host", "https://gitlab.example")).isEqualTo(aot + "wizard.aot");
        assertThat(archive(script, "--host=https://gitlab.example", "--ca-file", "repos")).isEqualTo(aot + "wizard.aot");
        assertThat(archive(script, "repos", "scan", "/src")).isEqualTo(aot + "repos-scan.aot");
        assertThat(archive(script, "--json", "--host", "repos", "repos", "--verbose", "scan")).isEqualTo(aot + "repos-scan.aot");
        assertThat(archive(script, "repos", "rewrite", "--to", "ssh")).isEqualTo(cli);
        assertThat(archive(script, "repos")).isEqualTo(cli);
        assertThat(archive(script, "verify", "--ssh")).isEqualTo(aot + "verify.aot");
        assertThat(archive(script, "--host", "https://gitlab.example", "--ca-file", "ca.pem", "verify"))
                .isEqualTo(aot + "verify.aot");
        assertThat(archive(script, "doctor")).isEqualTo(cli);
        assertThat(archive(script, "setup", "--method", "ssh")).isEqualTo(cli);
        assertThat(archive(script, "--version")).isEqualTo(cli);
        assertThat(archive(script, "--host", "h", "--help")).isEqualTo(cli);

        // Without its cache (an install whose dump failed) the wizard maps the runtime's default
        // archive, and repos scan and verify the command line's.
        Files.delete(server.resolve("wizard.aot"));
        Files.delete(server.resolve("repos-scan.aot"));
        Files.delete(server.resolve("verify.aot"));
        assertThat(archive(script)).isEmpty();
        assertThat(archive(script, "repos", "scan")).isEqualTo(cli);
        assertThat(archive(script, "verify", "--ssh")).isEqualTo(cli);
    }

    /** The labels of the case branch in the script that does {@code action}. */
    private static Set<String> caseLabels(String action) throws IOException {
        Matcher m = Pattern.compile("^\\s*([-|a-zA-Z]+)\\) " + Pattern.quote(action) + "\\b", Pattern.MULTILINE)
                .matcher(chooser());
        assertThat(m.find()).as("a case branch doing %s in %s", action, PACKAGE_SH).isTrue();
        return new TreeSet<>(Arrays.asList(m.group(1).split("\\|")));
    }

    /** The part of the command that chooses the archive, as package.sh writes it. */
    private static String chooser() throws IOException {
        String text = Files.readString(PACKAGE_SH, StandardCharsets.UTF_8);
        int start = text.indexOf("cat <<'SCRIPT'\n");
        int end = text.indexOf("\nSCRIPT\n", start);
        assertThat(start).as("the heredoc in %s", PACKAGE_SH).isNotNegative();
        return text.substring(text.indexOf('\n', start) + 1, end + 1);
    }

    private static String archive(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
