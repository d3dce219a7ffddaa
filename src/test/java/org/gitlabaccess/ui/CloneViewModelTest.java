package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wizard's "Clone your projects": the account's projects, preselected, searched, cloned. */
class CloneViewModelTest {
    @RegisterExtension
    static final RunningServer running = new RunningServer();

    @Test
    void listsPreselectsSearchesAndClonesTheTickedProjectsInBothLanguages() throws Exception {
        assumeTrue(Processes.available("git") && Processes.available("ssh"));
        Path home = running.directory("home");
        var setup = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("setup", "--method", "ssh", "--yes",
                "--host", running.get().baseUrl(), "--ca-file", running.get().caFile().toString());
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        Properties p = new Properties();
        p.putAll(System.getProperties());
        WizardSession session = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), p), SiteConfig.empty(), running.get().baseUrl(), running.get().caFile(), Clock.systemUTC());
        session.token = Secret.of(Seed.API_TOKEN);
        CloneViewModel vm = new CloneViewModel(new Messages(Locale.ENGLISH), session, new SameThreadTasks());

        vm.load();
        assertThat(vm.rootProperty().get()).isEqualTo(home.resolve("src").toString());
        assertThat(vm.rows()).extracting(r -> r.project.path()).containsExactly(Seed.PROJECT_ONE, Seed.PROJECT_TWO);
        assertThat(vm.selected()).as("the most recently active are ticked").hasSize(2);
        assertThat(vm.statusProperty().get()).isEqualTo("2 projects; 2 ticked.");
        vm.filterProperty().set("TWO");
        assertThat(vm.visibleRows()).hasSize(1);
        vm.setAll(false);
        vm.filterProperty().set("");
        assertThat(vm.selected()).extracting(m -> m.path()).containsExactly(Seed.PROJECT_ONE);

        vm.cloneSelected();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("One project cloned, none skipped, none failed.");
        assertThat(home.resolve("src/" + Seed.PROJECT_ONE + "/.git")).isDirectory();
        assertThat(home.resolve("src/" + Seed.PROJECT_TWO)).doesNotExist();

        CloneViewModel german = new CloneViewModel(new Messages(Locale.GERMAN), session, new SameThreadTasks());
        german.load();
        german.cloneSelected();
        assertThat(german.statusProperty().get())
                .isEqualTo("Ein Projekt geklont, eines übersprungen (sein Ordner existiert), keines fehlgeschlagen.");
    }
}
