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
import org.gitlabaccess.testkit.Clones;
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
        return session(home, SiteConfig.empty(), server.baseUrl());
    }

    private static WizardSession session(Path home, SiteConfig site, String host) {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        return new WizardSession(new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")), p),
                site, host, server.caFile(), Clock.systemUTC());
    }

    private static SiteConfig site(java.util.Optional<String> method, java.util.Optional<String> oauthClientId) {
        return new SiteConfig(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), method, java.util.Optional.empty(), java.util.List.of(), oauthClientId,
                java.util.Optional.empty(), java.util.List.of(), java.util.List.of());
    }

    private static String originUrl(Path repo) throws Exception {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
            return git.getRepository().getConfig().getString("remote", "origin", "url");
        }
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
    void aGermanSignInSaysWhyTheTokenIsRefusedInGerman() throws Exception {
        Messages de = new Messages(Locale.GERMAN);
        WizardSession s = session(Files.createDirectories(dir.resolve("signin-de")));
        s.locale = de.locale();
        SignInViewModel vm = new SignInViewModel(de, s, new SameThreadTasks());
        vm.tokenProperty().set(Seed.EXPIRED_TOKEN);
        vm.check();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Dieses Token ist abgelaufen, darum lehnt GitLab es ab.");
        assertThat(vm.hintProperty().get()).startsWith("Erstellen Sie unter ").contains("personal_access_tokens")
                .endsWith(" ein neues und versuchen Sie es erneut.");
        vm.tokenProperty().set("glpat-NoSuChToKeN0123456789");
        vm.check();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("GitLab unter 127.0.0.1:")
                .endsWith(" akzeptiert dieses Token nicht: Es ist falsch eingegeben, wurde gelöscht oder gehört zu "
                        + "einer anderen GitLab-Instanz.");
        assertThat(vm.hintProperty().get()).startsWith("Erstellen Sie unter ").contains("personal_access_tokens");

        SignInViewModel en = new SignInViewModel(M, session(Files.createDirectories(dir.resolve("signin-en"))),
                new SameThreadTasks());
        en.tokenProperty().set("glpat-NoSuChToKeN0123456789");
        en.check();
        assertThat(en.messageProperty().get()).startsWith("GitLab at 127.0.0.1:")
                .endsWith(" does not accept this token: it is mistyped, was deleted, or belongs to another GitLab "
                        + "instance.");
        assertThat(en.hintProperty().get()).startsWith("Create a new one at ").endsWith(" and try again.");
    }

    @Test
    void keyNeedsMatchingPassphrasesAndNeverAnExistingFileForANewKey() throws Exception {
        Path home = Files.createDirectories(dir.resolve("key"));
        WizardSession s = session(home);
        s.token = org.gitlabaccess.core.io.Secret.of(Seed.API_TOKEN);
        KeyViewModel vm = new KeyViewModel(M, s, new SameThreadTasks());
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
        // The default stays the core's to name, and it names the same file.
        assertThat(s.keyFile).isNull();
        assertThat(s.setup().keyFile()).isEqualTo(home.resolve(".ssh/id_ed25519_127.0.0.1"));
        vm.fileProperty().set(home.resolve(".ssh/id_other").toString());
        vm.commit();
        assertThat(s.keyFile).isEqualTo(home.resolve(".ssh/id_other"));
        assertThat(s.keyPassphrase.reveal()).isEqualTo("correct horse battery");
    }

    @Test
    void repositoriesListsWhatChangesAndUntickedOnesAreLeftAlone() throws Exception {
        Path home = Files.createDirectories(dir.resolve("repos"));
        for (String name : new String[] {"one", "two"}) {
            Clones.withOrigin(home.resolve("src/" + name), server.httpUrl(Seed.PROJECT_ONE));
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
        WizardSession s = session(home, site(java.util.Optional.empty(),
                java.util.Optional.of(org.gitlabaccess.testkit.OAuthProvider.CLIENT_ID)), server.baseUrl());
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
    @Test
    void diagnoseRunsEveryDoctorCheckAndStops() throws Exception {
        WizardSession s = session(Files.createDirectories(dir.resolve("diagnose")));
        DiagnoseViewModel vm = new DiagnoseViewModel(s, new SameThreadTasks());
        vm.run();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.results()).extracting(org.gitlabaccess.core.doctor.CheckResult::id)
                .containsExactlyInAnyOrderElementsOf(org.gitlabaccess.core.doctor.checks.DoctorChecks.all().stream()
                        .map(org.gitlabaccess.core.doctor.Check::id).toList());
        // Before sign-in there is no token: the window says when it will be checked, not which option gives it.
        var token = vm.results().stream().filter(r -> r.id() == org.gitlabaccess.core.doctor.CheckId.TOKEN_VALID)
                .findFirst().orElseThrow();
        assertThat(token.summary()).isEqualTo("Not checked yet: your token is checked once you sign in.");
        assertThat(vm.results()).allSatisfy(r -> assertThat(r.summary()).as(r.id().id()).doesNotContain("--token"));
    }

    @Test
    void diagnoseSpeaksTheLanguageOfTheWizardsTexts() throws Exception {
        WizardSession s = session(Files.createDirectories(dir.resolve("diagnose-de")));
        s.locale = new Messages(Locale.GERMAN).locale();
        assertThat(s.request().locale()).isEqualTo(Locale.GERMAN);
        DiagnoseViewModel vm = new DiagnoseViewModel(s, new SameThreadTasks());
        vm.run();
        var reachable = vm.results().stream().filter(r -> r.id() == org.gitlabaccess.core.doctor.CheckId.HOST_REACHABLE).findFirst().orElseThrow();
        assertThat(reachable.summary()).startsWith("GitLab antwortet unter ").endsWith(".");
    }

    @Test
    void methodIsSshUnlessTheSiteAsksForHttpsAndCommittingChoosesIt() throws Exception {
        WizardSession plain = session(Files.createDirectories(dir.resolve("method")));
        MethodViewModel vm = new MethodViewModel(plain, true);
        assertThat(vm.httpsProperty().get()).isFalse();
        plain.method = SetupMethod.HTTPS;
        vm.commit();
        assertThat(plain.method).isEqualTo(SetupMethod.SSH);

        WizardSession https = session(Files.createDirectories(dir.resolve("method-https")),
                site(java.util.Optional.of("HTTPS"), java.util.Optional.empty()), server.baseUrl());
        assertThat(new MethodViewModel(https, false).httpsProperty().get()).as("HTTPS not offered").isFalse();
        MethodViewModel preset = new MethodViewModel(https, true);
        assertThat(preset.httpsProperty().get()).isTrue();
        preset.commit();
        assertThat(https.method).isEqualTo(SetupMethod.HTTPS);
        preset.httpsProperty().set(false);
        preset.commit();
        assertThat(https.method).isEqualTo(SetupMethod.SSH);
    }

    @Test
    void aForeignSshHostFromTheApiIsUsedOnlyOnceTheUserConfirmsIt() throws Exception {
        // Web address "localhost"; the API names 127.0.0.1 as its SSH host: not the instance's domain.
        Path home = Files.createDirectories(dir.resolve("foreign-ssh"));
        WizardSession s = session(home, SiteConfig.empty(), server.baseUrl().replace("127.0.0.1", "localhost"));
        s.token = org.gitlabaccess.core.io.Secret.of(Seed.API_TOKEN);
        ReviewViewModel vm = new ReviewViewModel(M, s, new SameThreadTasks());

        vm.plan();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.foreignSshHostProperty().get()).isNotNull();
        assertThat(vm.foreignSshHostProperty().get().endpoint().hostName()).isEqualTo("127.0.0.1");
        assertThat(vm.errorProperty().get()).contains("127.0.0.1").doesNotContain("--ssh-host");
        assertThat(s.sshHost).as("nothing is taken before the user's word").isNull();

        assertThat(vm.useSshHost("evil.example.net\nProxyCommand touch /tmp/x")).isFalse();
        assertThat(vm.useSshHost("-oProxyCommand=x")).isFalse();
        assertThat(s.sshHost).isNull();

        vm.declineSshHost();
        assertThat(vm.errorProperty().get()).contains("choose HTTPS");
        assertThat(vm.foreignSshHostProperty().get()).isNull();

        vm.plan();
        assertThat(vm.useSshHost(" 127.0.0.1 ")).isTrue();
        assertThat(s.sshHost).isEqualTo("127.0.0.1");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.lines()).as("the API's port goes with the host it named")
                .anySatisfy(l -> assertThat(l).startsWith("Add a marked block to: ~/.ssh/config")
                .contains("127.0.0.1").contains(String.valueOf(server.sshPort())));
        assertThat(home.resolve(".ssh/config")).as("planning writes nothing").doesNotExist();

        s.changeHost(server.baseUrl());
        assertThat(s.sshHost).as("confirmed for the previous instance only").isNull();
    }

    @Test
    void reviewListsTheSshChangesOrSaysWhyNotAndOffersRevokingOnlyForSsh() throws Exception {
        WizardSession s = session(Files.createDirectories(dir.resolve("review")));
        s.token = org.gitlabaccess.core.io.Secret.of(Seed.API_TOKEN);
        ReviewViewModel vm = new ReviewViewModel(M, s, new SameThreadTasks());
        vm.plan();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.lines()).anySatisfy(l -> assertThat(l).startsWith("Create: ~/.ssh/id_ed25519")
                        .contains("new ed25519 key"))
                .anySatisfy(l -> assertThat(l).startsWith("Register the key on GitLab: " + server.baseUrl()))
                .anySatisfy(l -> assertThat(l).startsWith("Add a marked block to: ~/.ssh/config"))
                .allSatisfy(l -> assertThat(l).doesNotContain(Seed.API_TOKEN));
        assertThat(vm.revokeOfferedProperty().get()).isTrue();
        vm.revokeProperty().set(true);
        vm.commit();
        assertThat(s.revokeTokenAfter).isTrue();

        s.token = org.gitlabaccess.core.io.Secret.of(Seed.EXPIRED_TOKEN);
        vm.plan();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("expired").contains("personal_access_tokens")
                .doesNotContain("Exception");

        s.method = SetupMethod.HTTPS;
        vm.plan();
        assertThat(vm.revokeOfferedProperty().get()).isFalse();
        vm.commit();
        assertThat(s.revokeTokenAfter).as("HTTPS keeps the token it stores").isFalse();
    }

    @Test
    void doneSummarisesTheSetupUndoesTheRemoteAndRevokesTheToken() throws Exception {
        Path home = Files.createDirectories(dir.resolve("done"));
        Path repo = Clones.withOrigin(home.resolve("src/app"), server.httpUrl(Seed.PROJECT_ONE));
        // A token of its own: revoking a seeded one would break the other tests on this server.
        String token = server.state().newTokenValue("glpat-");
        server.state().addToken(token, "wizard setup", 1, java.util.List.of("api"),
                server.state().today().plusDays(10));
        WizardSession s = session(home);
        s.token = org.gitlabaccess.core.io.Secret.of(token);
        s.hostKeyDecision = org.gitlabaccess.core.ssh.HostKeyDecision.ACCEPT;
        s.scanRoots = java.util.List.of(home.resolve("src"));
        ApplyViewModel apply = new ApplyViewModel(s, new SameThreadTasks());
        apply.start();
        assertThat(apply.succeededProperty().get()).as(apply.outcomes().toString()).isTrue();
        assertThat(originUrl(repo)).isEqualTo(server.sshUrl(Seed.PROJECT_ONE));

        DoneViewModel vm = new DoneViewModel(M, apply, s, new SameThreadTasks());
        vm.prepare();
        long changed = apply.reportProperty().get().steps().stream()
                .filter(o -> o.status() == org.gitlabaccess.core.setup.StepStatus.CHANGED).count();
        assertThat(changed).isGreaterThan(1);
        assertThat(vm.summaryProperty().get()).startsWith(changed + " changes made.").contains("SSH works");
        assertThat(vm.revokeOfferedProperty().get()).isTrue();

        Path report = home.resolve("report.md");
        vm.saveReport(report);
        assertThat(vm.resultProperty().get()).contains("Report saved to").contains(report.toString());
        assertThat(vm.reportAvailableProperty().get()).isTrue();
        assertThat(Files.readString(report)).isNotBlank().doesNotContain(token);

        vm.undo();
        assertThat(vm.resultProperty().get()).isEqualTo(M.get("done.undone", 1));
        assertThat(vm.undoAvailableProperty().get()).isFalse();
        assertThat(originUrl(repo)).isEqualTo(server.httpUrl(Seed.PROJECT_ONE));

        vm.revoke();
        assertThat(vm.resultProperty().get()).isEqualTo(M.get("done.revoked"));
        assertThat(vm.revokeAvailableProperty().get()).isFalse();
        assertThat(server.state().token(token).orElseThrow().revoked()).isTrue();
        SignInViewModel signIn = new SignInViewModel(M, s, new SameThreadTasks());
        signIn.tokenProperty().set(token);
        signIn.check();
        assertThat(signIn.validProperty().get()).isFalse();
        assertThat(signIn.messageProperty().get()).containsIgnoringCase("revoked");
    }

    @Test
    void doneOffersRevokingOnlyWhileTheTokenIsStillThereAndSaysWhyARevokeFailed() throws Exception {
        // Nothing listens on port 1: the revoke cannot reach GitLab.
        WizardSession s = session(Files.createDirectories(dir.resolve("done-unreachable")), SiteConfig.empty(),
                "https://127.0.0.1:1");
        s.token = org.gitlabaccess.core.io.Secret.of(Seed.API_TOKEN);
        ApplyViewModel apply = new ApplyViewModel(s, new SameThreadTasks());
        apply.reportProperty().set(new org.gitlabaccess.core.setup.SetupReport(java.util.List.of(
                org.gitlabaccess.core.setup.StepOutcome.unchanged(org.gitlabaccess.core.setup.StepId.VERIFY_SSH, "SSH works.",
                        new org.gitlabaccess.core.setup.StepDetails.None()),
                org.gitlabaccess.core.setup.StepOutcome.changed(org.gitlabaccess.core.setup.StepId.REVOKE_TOKEN, "Revoked.",
                        java.util.List.of(), new org.gitlabaccess.core.setup.StepDetails.None())), java.util.List.of()));
        DoneViewModel vm = new DoneViewModel(M, apply, s, new SameThreadTasks());
        vm.prepare();
        assertThat(vm.revokeOfferedProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo(M.get("done.summary", 1, "SSH works."));

        vm.revoke();
        assertThat(vm.revokeAvailableProperty().get()).as("a failed revoke can be tried again").isTrue();
        assertThat(vm.resultProperty().get()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain(Seed.API_TOKEN);
    }
}
