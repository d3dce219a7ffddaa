package org.gitlabaccess.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;

/**
 * The standard world every test starts from: two users (alice with 2FA, bob without), tokens of
 * each kind, and two projects with a commit each. Token values look real, so redaction is tested
 * on what users really paste.
 */
public final class Seed {
    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "correct-horse-battery-staple";
    public static final String BOB = "bob";
    public static final String BOB_PASSWORD = "bobs-own-password-2024";

    public static final String API_TOKEN = "glpat-aLiCeApI0123456789xy";
    public static final String READ_REPOSITORY_TOKEN = "glpat-aLiCeReAdRePo01234";
    public static final String WRITE_REPOSITORY_TOKEN = "glpat-aLiCeWrItErEpO0123";
    public static final String READ_USER_TOKEN = "glpat-aLiCeReAdUsEr01234";
    public static final String EXPIRED_TOKEN = "glpat-aLiCeExPiReD012345";
    public static final String REVOKED_TOKEN = "glpat-aLiCeReVoKeD012345";
    public static final String EXPIRING_SOON_TOKEN = "glpat-aLiCeSoOn01234567a";
    public static final String BOB_API_TOKEN = "glpat-bObApI0123456789abc";

    /** Runner authentication tokens: one live for 30 days, one expired 3 days ago. */
    public static final String RUNNER_TOKEN = "glrt-rUnNeRlIvE0123456789";
    public static final String EXPIRED_RUNNER_TOKEN = "glrt-rUnNeRoLd0123456789x";

    public static final String PROJECT_ONE = "group/project-one";
    public static final String PROJECT_TWO = "group/project-two";

    public static final List<String> ALL_TOKENS = List.of(API_TOKEN, READ_REPOSITORY_TOKEN, WRITE_REPOSITORY_TOKEN,
            READ_USER_TOKEN, EXPIRED_TOKEN, REVOKED_TOKEN, EXPIRING_SOON_TOKEN, BOB_API_TOKEN);

    private Seed() {
    }

    static void apply(GitLabState state, Path reposDir) throws IOException {
        TestUser alice = new TestUser(1, ALICE, "Alice Example", "alice@example.com", ALICE_PASSWORD, true);
        TestUser bob = new TestUser(2, BOB, "Bob Builder", "bob@example.com", BOB_PASSWORD, false);
        state.addUser(alice);
        state.addUser(bob);
        LocalDate today = state.today();
        state.addToken(API_TOKEN, "laptop api", 1, List.of("api"), today.plusDays(300));
        state.addToken(READ_REPOSITORY_TOKEN, "read only", 1, List.of("read_repository"), today.plusDays(200));
        state.addToken(WRITE_REPOSITORY_TOKEN, "git over https", 1, List.of("write_repository"), today.plusDays(200));
        state.addToken(READ_USER_TOKEN, "profile reader", 1, List.of("read_user"), today.plusDays(200));
        state.addToken(EXPIRED_TOKEN, "old laptop", 1, List.of("api", "write_repository"), today.minusDays(3));
        state.addToken(REVOKED_TOKEN, "revoked one", 1, List.of("api"), today.plusDays(100)).revoked = true;
        state.addToken(EXPIRING_SOON_TOKEN, "expiring soon", 1, List.of("api"), today.plusDays(3));
        state.addToken(BOB_API_TOKEN, "bob api", 2, List.of("api"), today.plusDays(300));
        state.addRunner(RUNNER_TOKEN, state.now().plus(Duration.ofDays(30)));
        state.addRunner(EXPIRED_RUNNER_TOKEN, state.now().minus(Duration.ofDays(3)));

        state.addProject(new TestProject(1, PROJECT_ONE, "The first project",
                bareRepository(reposDir, PROJECT_ONE), Set.of(1L, 2L)));
        state.addProject(new TestProject(2, PROJECT_TWO, "The second project",
                bareRepository(reposDir, PROJECT_TWO), Set.of(1L, 2L)));
    }

    /** A bare repository with one commit on {@code main}, made by cloning a fresh work tree into it. */
    private static Path bareRepository(Path reposDir, String pathWithNamespace) throws IOException {
        Path bare = reposDir.resolve(pathWithNamespace + ".git");
        Path work = Files.createTempDirectory(reposDir, "seed");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.writeString(work.resolve("README.md"), "# " + pathWithNamespace + "\n");
            git.add().addFilepattern("README.md").call();
            PersonIdent who = new PersonIdent("Alice Example", "alice@example.com");
            git.commit().setMessage("Initial commit").setAuthor(who).setCommitter(who).setSign(false).call();
            Files.createDirectories(bare.getParent());
            try (Git b = Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call()) {
                git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toURL())).call();
                git.push().setRemote("origin").add("main").call();
            }
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return bare;
    }
}
