package org.gitlabaccess.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages' view models, run on the calling thread (no window needed). */
class ViewModelsTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static final Messages M = new Messages(Locale.ENGLISH);

    @BeforeAll
    static void start() throws Exception {
        server = GitLabTestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static WizardSession session(Path home) {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        return new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")), p),
                SiteConfig.empty(), server.baseUrl(), server.caFile(), Clock.systemUTC());
    }

    @Test
    void welcomeAcceptsHostNamesAndRefusesOtherSchemes() {
        WelcomeViewModel vm = new WelcomeViewModel(null);
        assertThat(vm.hostProperty().get()).isEqualTo("https://gitlab.com");
        vm.hostProperty().set("gitlab.example.com");
        assertThat(vm.hostValidProperty().get()).isTrue();
        vm.hostProperty().set("ssh://gitlab.example.com");
        assertThat(vm.hostValidProperty().get()).isFalse();
    }

    @Test
    void signInGivesTheVerdictOrTheReasonAndTheMethodDecidesTheScope() throws Exception {
        WizardSession s = session(Files.createDirectories(dir.resolve("signin")));
        SignInViewModel vm = new SignInViewModel(M, s, new SameThreadTasks());
        vm.tokenProperty().set(" " + Seed.API_TOKEN + "\n");
        vm.check();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("@alice").contains("api");
        vm.tokenProperty().set(Seed.EXPIRED_TOKEN);
        vm.check();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("expired");
        assertThat(vm.hintProperty().get()).contains("personal_access_tokens");
        s.method = SetupMethod.SSH;
        vm.tokenProperty().set(Seed.WRITE_REPOSITORY_TOKEN);
        vm.check();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("api scope");
        assertThat(vm.creationPage()).contains("scopes=api");
    }

    @Test
    void keyNeedsMatchingPassphrasesAndNeverAnExistingFileForANewKey() throws Exception {
        Path home = Files.createDirectories(dir.resolve("key"));
        WizardSession s = session(home);
        KeyViewModel vm = new KeyViewModel(M, s);
        vm.prepare();
        assertThat(vm.fileProperty().get()).endsWith("id_ed25519_127.0.0.1");
        assertThat(vm.reuseProperty().get()).isFalse();
        assertThat(vm.validProperty().get()).isTrue();
        vm.passphraseProperty().set("correct horse battery");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.strengthProperty().get()).contains("differ");
        vm.confirmationProperty().set("correct horse battery");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.strengthProperty().get()).contains("good");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_ed25519_127.0.0.1"), "existing");
        vm.fileProperty().set(home.resolve(".ssh/id_ed25519_127.0.0.1").toString() + " ");
        assertThat(vm.validProperty().get()).isFalse();
        vm.reuseProperty().set(true);
        assertThat(vm.validProperty().get()).isTrue();
        vm.commit();
        assertThat(s.keyFile).isEqualTo(home.resolve(".ssh/id_ed25519_127.0.0.1"));
        assertThat(s.keyPassphrase.reveal()).isEqualTo("correct horse battery");
    }

    @Test
    void repositoriesListsWhatChangesAndUntickedOnesAreLeftAlone() throws Exception {
        Path home = Files.createDirectories(dir.resolve("repos"));
        for (String name : new String[] {"one", "two"}) {
            Path repo = Files.createDirectories(home.resolve("src/" + name));
            org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call().close();
            Files.writeString(repo.resolve(".git/config"), Files.readString(repo.resolve(".git/config"))
                    + "[remote \"origin\"]\n\turl = " + server.httpUrl(Seed.PROJECT_ONE) + "\n");
        }
        WizardSession s = session(home);
        s.token = org.gitlabaccess.core.io.Secret.of(Seed.API_TOKEN);
        RepositoriesViewModel vm = new RepositoriesViewModel(M, s, new SameThreadTasks());
        vm.prepare();
        vm.rootsProperty().set(home.resolve("src").toString());
        vm.scan();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.statusProperty().get()).contains("2 repositories found");
        assertThat(vm.rows().get(0).after).isEqualTo(server.sshUrl(Seed.PROJECT_ONE));
        vm.filterProperty().set("two");
        assertThat(vm.visibleRows()).hasSize(1);
        vm.setAll(false);
        vm.commit();
        assertThat(s.excludedRepositories).containsExactly(home.resolve("src/two"));
    }

    @Test
    void browserSignInThenApplySetsUpSshAndRevokesTheSignIn() throws Exception {
        Path home = Files.createDirectories(dir.resolve("browser"));
        Properties p = new Properties();
        p.putAll(System.getProperties());
        SiteConfig site = new SiteConfig(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(),
                java.util.Optional.of(org.gitlabaccess.testkit.OAuthProvider.CLIENT_ID), java.util.List.of());
        WizardSession s = new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH",
                System.getenv("PATH")), p), site, server.baseUrl(), server.caFile(), Clock.systemUTC());
        s.hostKeyDecision = org.gitlabaccess.core.ssh.HostKeyDecision.ACCEPT;
        s.scanRoots = java.util.List.of(Files.createDirectories(home.resolve("src")));
        SignInViewModel vm = new SignInViewModel(M, s, new SameThreadTasks());
        assertThat(vm.browserSignInAvailable()).isTrue();
        var browser = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.ALWAYS)
                .sslContext(org.gitlabaccess.testkit.TestHttp.trusting(server.certificates().caCertificate())).build();
        vm.signInWithBrowser(url -> {
            new Thread(() -> {
                try {
                    browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            return true;
        });
        assertThat(vm.validProperty().get()).as(vm.messageProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("@alice");

        ApplyViewModel apply = new ApplyViewModel(s, new SameThreadTasks());
        apply.start();
        assertThat(apply.succeededProperty().get()).as(apply.outcomes().toString()).isTrue();
        assertThat(server.oauth().activeOAuthTokens()).isZero();
        assertThat(Files.readString(home.resolve(".ssh/config"))).contains("# BEGIN gitlab-access 127.0.0.1");
    }
}
