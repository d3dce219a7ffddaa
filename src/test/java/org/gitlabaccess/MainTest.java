package org.gitlabaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path home;

    private Environment env() {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        return new Environment(Map.of("HOME", home.toString()), props);
    }

    @Test
    void theVersionWithoutTheCommandTreeIsWhatPicocliPrints() {
        String picocli = new CliRunner(home).run("--version").out();
        PrintStream stdout = System.out;
        try {
            for (String option : List.of("--version", "-V")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                Main.main(new String[] {option});
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(picocli);
            }
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void theTrainingRunsEachLineAsACommandLineAndLogsItsExitCode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StartupTraining.run(List.of("--version", "repos\tscan\t" + home, "frobnicate"), env(),
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(out.toString()).contains("gitlab-access ");
        assertThat(err.toString()).contains("training: exit 0: --version\n", "training: exit 0: repos scan " + home + "\n",
                "training: exit 2: frobnicate\n");
    }
}
