package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helper detection and classification against real git configuration files read by the real git. */
class CredentialHelperDetectorTest {
    @TempDir
    Path dir;

    static final GitHost HOST = GitHost.of("https://gitlab.example.com");

    @BeforeAll
    static void git() {
        assumeTrue(Processes.available("git"), "git is not installed");
    }

    private Sandbox layered() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("home"));
        // XDG config is read before ~/.gitconfig: its helper comes first, and is reset below.
        Files.createDirectories(s.home().resolve(".config/git"));
        Files.writeString(s.home().resolve(".config/git/config"), "[credential]\n\thelper = libsecret\n");
        Files.writeString(s.home().resolve(".gitconfig"), """
                [credential]
                \thelper = store --file ~/.my-creds
                [credential "https://gitlab.example.com"]
                \thelper =
                \thelper = "!f() { echo username=x; echo password=hunter2-inline-secret; }; f"
                [credential "https://*.example.com"]
                \thelper = cache --timeout 300
                [credential "https://gitlab.example.com:8443"]
                \thelper = osxkeychain
                [credential "gitlab.example.com"]
                \thelper = /usr/local/bin/git-credential-manager
                [credential "https://github.com"]
                \thelper = wincred
                """);
        return s;
    }

    @Test
    void collectsEveryMatchingHelperInGitsOrderAndAppliesTheReset() throws IOException {
        Sandbox s = layered();
        HelperChain chain = new CredentialHelperDetector(s.git()).detect(HOST);

        assertThat(chain.configured()).extracting(HelperEntry::kind).containsExactly(HelperKind.SECURE,
                HelperKind.PLAINTEXT, HelperKind.RESET, HelperKind.UNKNOWN, HelperKind.EPHEMERAL, HelperKind.SECURE);
        assertThat(chain.configured()).extracting(HelperEntry::name).containsExactly("libsecret", "store", "",
                "!shell", "cache", "manager");
        assertThat(chain.configured().get(0).origin()).endsWith(".config/git/config");
        assertThat(chain.configured().get(1).scope()).isEqualTo("global");
        assertThat(chain.configured().get(1).plaintextFile()).contains(s.home().resolve(".my-creds"));
        assertThat(chain.effective()).extracting(HelperEntry::name).containsExactly("!shell", "cache", "manager");
        assertThat(chain.leaksToPlaintextOrUnknown()).isTrue();
        // A helper's inline secret is never shown.
        assertThat(chain.configured().get(3).command()).doesNotContain("hunter2-inline-secret");
        assertThat(chain.configured().get(3).describe()).doesNotContain("hunter2-inline-secret");
    }

    @Test
    void portAndHostMustMatch() throws IOException {
        Sandbox s = layered();
        HelperChain other = new CredentialHelperDetector(s.git()).detect(GitHost.of("https://gitlab.example.com:8443"));
        assertThat(other.effective()).extracting(HelperEntry::name).containsExactly("libsecret", "store",
                "osxkeychain"); // https://*.example.com means port 443
        HelperChain github = new CredentialHelperDetector(s.git()).detect(GitHost.of("https://github.com"));
        assertThat(github.effective()).extracting(HelperEntry::name).containsExactly("libsecret", "store", "wincred");
    }

    @Test
    void anEmptyConfigurationHasNoHelpers() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("empty"));
        HelperChain chain = new CredentialHelperDetector(s.git()).detect(HOST);
        assertThat(chain.isEmpty()).isTrue();
    }

    @Test
    void aRepositorysOwnHelperCountsWhenDetectingFromIt() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("repo-home"));
        Path repo = Files.createDirectories(dir.resolve("repo"));
        assertThat(Processes.run(repo, s.processEnv(), "git", "init", "-q").exitCode()).isZero();
        Processes.run(repo, s.processEnv(), "git", "config", "credential.helper", "store");
        HelperChain chain = new CredentialHelperDetector(s.git()).detect(HOST, repo, null);
        assertThat(chain.effective()).singleElement().satisfies(e -> {
            assertThat(e.scope()).isEqualTo("local");
            assertThat(e.kind()).isEqualTo(HelperKind.PLAINTEXT);
        });
    }

    @Test
    void classifiesHelpersByTheProgramGitRuns() {
        HelperClassifier c = new HelperClassifier(Path.of("/home/u"));
        assertThat(c.classify("global", "", "credential.helper", "manager").kind()).isEqualTo(HelperKind.SECURE);
        assertThat(c.classify("global", "", "credential.helper", "manager-core").kind()).isEqualTo(HelperKind.SECURE);
        assertThat(c.classify("global", "", "credential.helper",
                "C:/Program\\ Files/Git/mingw64/bin/git-credential-manager.exe").kind()).isEqualTo(HelperKind.SECURE);
        assertThat(c.classify("global", "", "credential.helper", "osxkeychain").kind()).isEqualTo(HelperKind.SECURE);
        assertThat(c.classify("global", "", "credential.helper",
                "/usr/share/doc/git/contrib/credential/libsecret/git-credential-libsecret").kind())
                .isEqualTo(HelperKind.SECURE);
        assertThat(c.classify("global", "", "credential.helper", "cache --timeout=3600").kind())
                .isEqualTo(HelperKind.EPHEMERAL);
        HelperEntry store = c.classify("global", "", "credential.helper", "store --file=/tmp/creds");
        assertThat(store.kind()).isEqualTo(HelperKind.PLAINTEXT);
        assertThat(store.plaintextFile()).contains(Path.of("/tmp/creds"));
        assertThat(c.classify("global", "", "credential.helper", "store").plaintextFile())
                .contains(Path.of("/home/u/.git-credentials"));
        assertThat(c.classify("global", "", "credential.helper", "!git credential-store --file x").kind())
                .isEqualTo(HelperKind.PLAINTEXT);
        assertThat(c.classify("global", "", "credential.helper", "/opt/corp/token-helper.sh").kind())
                .isEqualTo(HelperKind.UNKNOWN);
        assertThat(c.classify("global", "", "credential.helper", "").kind()).isEqualTo(HelperKind.RESET);
    }

    @Test
    void configuringAHelperForTheHostResetsInheritedOnesAndMovesItLast() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("configure"));
        Files.writeString(s.home().resolve(".gitconfig"), """
                [credential "https://gitlab.example.com"]
                \thelper = store
                [credential]
                \thelper = store
                [user]
                \tname = Alice
                """);
        Path socket = s.home().resolve("cache dir/sock");
        HelperConfiguration c = new HelperConfigurator(s.git()).configure(HOST,
                new HelperSpec.Cache(socket, Duration.ofHours(1)));
        assertThat(c.key()).isEqualTo("credential.https://gitlab.example.com.helper");
        assertThat(c.exclusive()).as(c.others().toString()).isTrue();
        assertThat(c.chain().effective()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(HelperKind.EPHEMERAL);
            assertThat(e.command()).isEqualTo("cache --timeout 3600 --socket '" + socket + "'");
        });
        // Other hosts keep the generic helper; the user's other settings stay.
        assertThat(new CredentialHelperDetector(s.git()).detect(GitHost.of("https://github.com")).effective())
                .extracting(HelperEntry::name).containsExactly("store");
        assertThat(Files.readString(s.home().resolve(".gitconfig"))).contains("name = Alice");

        // Running again gives the same configuration, not a second copy.
        new HelperConfigurator(s.git()).configure(HOST, new HelperSpec.Cache(socket, Duration.ofHours(1)));
        assertThat(new CredentialHelperDetector(s.git()).detect(HOST).configured()).hasSize(3);
    }

    @Test
    void aHelperInTheRepositoryIsReportedAsStillInEffect() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("repo-after"));
        HelperConfiguration c = new HelperConfigurator(s.git()).configure(HOST, HelperSpec.Secure.named("manager"));
        assertThat(c.exclusive()).isTrue();
        Path repo = Files.createDirectories(dir.resolve("repo2"));
        Processes.run(repo, s.processEnv(), "git", "init", "-q");
        Processes.run(repo, s.processEnv(), "git", "config", "credential.helper", "store");
        HelperChain fromRepo = new CredentialHelperDetector(s.git()).detect(HOST, repo, null);
        assertThat(fromRepo.effective()).extracting(HelperEntry::name).containsExactly("manager", "store");
    }

    @Test
    void theStoreHelperNeedsApprovalOfTheExactFile() {
        Path file = dir.resolve(".git-credentials");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HelperSpec.Store(file, null))
                .hasMessageContaining("not approved");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HelperSpec.Store(file,
                PlaintextApproval.confirmedFor(dir.resolve("other")))).hasMessageContaining("not approved");
        assertThat(new HelperSpec.Store(file, PlaintextApproval.confirmedFor(file)).configValue())
                .isEqualTo("store --file " + file);
        assertThat(PlaintextApproval.question(file)).contains(file.toString()).contains("plain text");
    }

    @Test
    void theBestHelperOnAMachineWithoutKeyringIsTheCache() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("finder"));
        SecureHelperFinder finder = new SecureHelperFinder(s.git(), () -> false);
        assertThat(finder.options()).last().satisfies(o -> assertThat(o.spec()).isInstanceOf(HelperSpec.Cache.class));
        if (!s.env().isWindows() && !s.env().isMac()) {
            assertThat(finder.best().spec()).isInstanceOf(HelperSpec.Cache.class);
        }
    }

    @Test
    void oldOrMissingGitIsAClearProblem() throws IOException {
        Sandbox s = Sandbox.in(dir.resolve("nogit"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GitCommand(s.env(), "/nonexistent/git")
                        .requireUsable())
                .isInstanceOf(org.gitlabaccess.core.ProblemException.class)
                .hasMessageContaining("not installed")
                .satisfies(e -> assertThat(((org.gitlabaccess.core.ProblemException) e).hint()).contains("Install"));
        Path fake = dir.resolve("old-git");
        Files.writeString(fake, "#!/bin/sh\necho 'git version 2.25.1'\n");
        fake.toFile().setExecutable(true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GitCommand(s.env(), fake.toString())
                .requireUsable()).hasMessageContaining("2.25.1 is too old");
        assertThat(GitVersion.parse("git version 2.45.1.windows.1")).isEqualTo(new GitVersion(2, 45, 1));
    }
}
