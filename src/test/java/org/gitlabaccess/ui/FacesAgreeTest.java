package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jgit.api.Git;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.testkit.Clones;
import org.gitlabaccess.testkit.RecordedRequest;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wizard and {@code setup} are two faces of one session: on an instance whose SSH host and port
 * differ from its web address, both choose the same key file, the same SSH endpoint and the same
 * rewritten remotes, and each signs in once per pass (counted in the test server's request log).
 */
class FacesAgreeTest {
    private static final Messages M = new Messages(Locale.ENGLISH);
    @RegisterExtension
    static final RunningServer running = new RunningServer();
    /** The web address is "localhost"; the API names 127.0.0.1 and a port other than 22 for SSH. */
    static String web;

    @BeforeAll
    static void start() throws Exception {
        web = running.get().baseUrl().replace("127.0.0.1", "localhost");
    }

    @Test
    void wizardAndCommandLineChooseTheSameKeyEndpointAndRemotesAndSignInOnce() throws Exception {
        assertThat(running.get().sshPort()).isNotEqualTo(22);
        String project = web + "/" + Seed.PROJECT_ONE + ".git";

        Path cliHome = running.directory("cli");
        Path cliRepo = Clones.withOrigin(cliHome.resolve("src/app"), project);
        Path tokenFile = Files.writeString(cliHome.resolve("token"), Seed.API_TOKEN + "\n");
        running.get().state().clearRequests();
        var cli = new CliRunner(cliHome).run("setup", "--method", "ssh", "--yes", "--host", web, "--ca-file",
                running.get().caFile().toString(), "--ssh-host", "127.0.0.1", "--token-file", tokenFile.toString(),
                "--scan", cliHome.resolve("src").toString());
        assertThat(cli.exitCode()).as(cli.err() + cli.out()).isZero();
        assertThat(signIns()).as("setup signs in once").isEqualTo(1);

        Path wizardHome = running.directory("wizard");
        Path wizardRepo = Clones.withOrigin(wizardHome.resolve("src/app"), project);
        WizardSession session = session(wizardHome);
        session.hostKeyDecision = HostKeyDecision.ACCEPT;
        running.get().state().clearRequests();
        SameThreadTasks tasks = new SameThreadTasks();
        SignInViewModel signIn = new SignInViewModel(M, session, tasks);
        signIn.tokenProperty().set(Seed.API_TOKEN);
        signIn.check();
        assertThat(signIn.foreignSshHostProperty().get()).as("asked at sign-in, as --ssh-host is given").isNotNull();
        assertThat(signIn.useSshHost("127.0.0.1")).isTrue();
        assertThat(signIn.validProperty().get()).isTrue();
        KeyViewModel key = new KeyViewModel(M, session, tasks);
        key.prepare();
        key.commit();
        RepositoriesViewModel repos = new RepositoriesViewModel(M, session, tasks);
        repos.prepare();
        repos.rootsProperty().set(wizardHome.resolve("src").toString());
        repos.scan();
        assertThat(repos.rows()).hasSize(1);
        repos.commit();
        ReviewViewModel review = new ReviewViewModel(M, session, tasks);
        review.plan();
        assertThat(review.readyProperty().get()).as(review.errorProperty().get()).isTrue();
        ApplyViewModel apply = new ApplyViewModel(session, tasks);
        apply.start();
        assertThat(apply.succeededProperty().get()).as(apply.outcomes().toString()).isTrue();
        assertThat(signIns()).as("one pass through the wizard signs in once").isEqualTo(1);

        String keyName = "id_ed25519_127.0.0.1";
        assertThat(key.fileProperty().get()).isEqualTo(wizardHome.resolve(".ssh/" + keyName).toString());
        assertThat(cliHome.resolve(".ssh/" + keyName)).isRegularFile();
        assertThat(wizardHome.resolve(".ssh/" + keyName)).isRegularFile();
        assertThat(sshConfig(wizardHome)).isEqualTo(sshConfig(cliHome))
                .contains("HostName 127.0.0.1").contains("Port " + running.get().sshPort());
        String expected = "ssh://git@127.0.0.1:" + running.get().sshPort() + "/" + Seed.PROJECT_ONE + ".git";
        assertThat(originUrl(cliRepo)).isEqualTo(expected);
        assertThat(originUrl(wizardRepo)).isEqualTo(expected);
    }

    /** The sign-in's first request: GitLab's word on the token. */
    private static long signIns() {
        return running.get().state().requests().stream().map(RecordedRequest::path)
                .filter(p -> p.endsWith("/personal_access_tokens/self")).count();
    }

    /** The product's block with the home written as ~, so that two homes compare. */
    private static String sshConfig(Path home) throws Exception {
        return Files.readString(home.resolve(".ssh/config")).replace(home.toString(), "~");
    }

    private static WizardSession session(Path home) {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        return new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")), p),
                SiteConfig.empty(), web, running.get().caFile(), Clock.systemUTC());
    }

    private static String originUrl(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().getConfig().getString("remote", "origin", "url");
        }
    }
}
