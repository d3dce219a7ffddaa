package org.gitlabaccess.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.WireId;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.repos.GitLabTarget;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RepositoryInventory;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.ScanCancellation;
import org.gitlabaccess.core.repos.ScanListener;
import org.gitlabaccess.core.setup.AccessVerification;
import org.gitlabaccess.core.setup.AccessVerification.Remote;
import org.gitlabaccess.core.setup.AccessVerification.RemoteCheck;
import org.gitlabaccess.core.setup.AccessVerification.SshGreeting;
import org.gitlabaccess.core.setup.AccessVerification.Transport;
import org.gitlabaccess.core.ssh.SshCheckProblems;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigProblems;
import org.gitlabaccess.core.ssh.SshEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitlab-access verify}: proves access as {@code ssh -T} would. */
@Command(name = VerifyCommand.NAME, sortOptions = false,
        header = "Check access as 'ssh -T git@host' and 'git ls-remote' would: SSH, HTTPS, each repository.",
        description = {"Resolves the host through ~/.ssh/config, checks its key against ~/.ssh/known_hosts",
            "(--yes records a host not seen before; a changed key is always refused), authenticates with the",
            "configured identity (or --identity) and reads GitLab's welcome line. --https runs the plain git",
            "ls-remote with your own credential helper and CA. With DIR..., every GitLab remote of the repositories",
            "found there is tried with ls-remote over its own transport. Exit 1 when a check fails."})
final class VerifyCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "verify";

    @Option(names = "--ssh", description = "Check SSH access (the default).")
    boolean ssh;

    @Option(names = "--identity", paramLabel = "KEY", description = "Private key to use instead of ~/.ssh/config's.")
    Path identity;

    @Mixin
    KeyPassphraseFileOption keyPassphrase = new KeyPassphraseFileOption();

    @Option(names = "--https", description = "Check HTTPS access as plain git would (its credential helper and CA).")
    boolean https;

    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Also run git ls-remote for every GitLab remote of the repositories found here.")
    List<Path> directories = new ArrayList<>();

    VerifyCommand(CliContext ctx) {
        super(ctx); // its SSH client is being built already (Cli#commandLine)
    }

    @Override
    public Integer call() {
        // One SSH client for the welcome and the repositories: a key with a passphrase is decrypted once.
        try (AccessVerification verification = new AccessVerification(ctx.env(), () -> instance().http(),
                hostKeyDecision(), sshLookup())) {
            return verify(verification);
        }
    }

    private int verify(AccessVerification verification) {
        boolean checkSsh = ssh || !https;
        if (checkSsh) {
            verification.prepareSsh(); // while the clones are scanned and ssh -G is asked
        }
        List<Remote> remotes = directories.isEmpty() ? List.of() : AccessVerification.gitLabRemotes(inventory());
        ProblemException firstProblem = null;
        SshGreeting greeting = null;
        if (checkSsh) {
            greeting = greet(verification);
            if (!greeting.ok()) {
                firstProblem = SshCheckProblems.of(greeting.result());
            }
        }
        HttpsPart httpsPart = null;
        if (https) {
            // Credentials inside a URL would prove nothing about git's own credential helper.
            Optional<String> url = remotes.stream().filter(r -> r.kind() == RemoteKind.HTTPS).map(Remote::url)
                    .findFirst();
            if (url.isEmpty()) {
                httpsPart = new HttpsNotChecked("skipped", "no repository to try: give DIR...");
                warn("HTTPS not checked: no GitLab repository found; give DIR... with a clone.");
            } else {
                HttpsCheckResult plain = verification.plainGit(url.get());
                httpsPart = new HttpsChecked(url.get(), plain.outcome(), plain.refs(), String.valueOf(plain.detail()));
                if (plain.ok()) {
                    say("HTTPS: git ls-remote " + url.get() + " works with git's own credential (" + plain.refs()
                            + " refs).");
                } else if (firstProblem == null) {
                    firstProblem = new ProblemException(ProblemKind.CHECK_FAILED, "https-access",
                            "git ls-remote over HTTPS failed: " + plain.detail(),
                            "Run 'gitlab-access doctor' for the cause, or 'setup --method https' to store a token.");
                }
            }
        }
        List<RemoteCheck> repositories = null;
        if (!directories.isEmpty()) {
            repositories = repositories(verification, remotes, greeting != null && greeting.ok() ? greeting.identity()
                    : null);
            if (repositories.stream().anyMatch(c -> !c.ok()) && firstProblem == null) {
                firstProblem = new ProblemException(ProblemKind.CHECK_FAILED, "repository-access",
                        "Some repositories could not be read (see above).",
                        "Check that your account still has access to those projects.");
            }
        }
        if (json()) {
            printJson(new Document(firstProblem == null, greeting == null ? null : SshPart.of(greeting), httpsPart,
                    repositories == null ? null : repositories.stream().map(RepositoryPart::of).toList()));
        }
        if (firstProblem != null) {
            if (json()) {
                ctx.err().println("error: " + firstProblem.getMessage());
                ctx.err().println("hint: " + firstProblem.hint());
                return ExitCodes.of(firstProblem.kind());
            }
            throw firstProblem;
        }
        return ExitCodes.OK;
    }

    /** The JSON document: whether all passed, and each check that ran. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Document(boolean ok, SshPart ssh, HttpsPart https, List<RepositoryPart> repositories) {
    }

    private record SshPart(String host, String hostName, int port, String identity, SshCheckResult.Outcome outcome,
                           String username, String hostKeyFingerprint, String detail) {
        static SshPart of(SshGreeting g) {
            SshCheckResult r = g.result();
            return new SshPart(g.endpoint().alias(), g.endpoint().hostName(), g.endpoint().port(),
                    g.identity().toString(), r.outcome(), r.username(), r.hostKeyFingerprint(), r.detail());
        }
    }

    /** Plain git over HTTPS: tried on a URL, or not tried and why. */
    private sealed interface HttpsPart permits HttpsChecked, HttpsNotChecked {
    }

    private record HttpsChecked(String url, HttpsCheckResult.Outcome outcome, int refs, String detail)
            implements HttpsPart {
    }

    private record HttpsNotChecked(String outcome, String detail) implements HttpsPart {
    }

    private record RepositoryPart(String path, String remote, String url, Transport transport, WireId outcome,
                                  String detail) {
        static RepositoryPart of(RemoteCheck c) {
            Remote r = c.remote();
            return new RepositoryPart(r.repository().toString(), r.remote(), r.shownUrl(), r.transport(), c.outcome(),
                    c.detail());
        }
    }

    /** ssh -T with the resolved configuration; --ssh-port beats Port in ~/.ssh/config, as ssh -p does. */
    private SshGreeting greet(AccessVerification verification) {
        AccessTarget access = access();
        var selected = access.ssh(null);
        SshEndpoint wanted = selected.endpoint();
        var effective = sshLookup().resolve(wanted.alias(), wanted.port(), selected.portForced());
        if (effective.refusedByOpenSsh()) {
            throw SshConfigProblems.refused(effective);
        }
        effective.notice().ifPresent(this::warn);
        SshGreeting greeting;
        try (Secret passphrase = readPassphrase(keyPassphrase.file)) {
            greeting = verification.greet(effective, identity == null ? null : identity.toAbsolutePath(),
                    access.defaultKeyFile(wanted), passphrase);
        }
        if (greeting.ok()) {
            say("SSH to " + greeting.endpoint() + " as git: " + greeting.result().detail() + " (key "
                    + greeting.identity().getFileName() + ", host key " + greeting.result().hostKeyFingerprint() + ")");
        }
        return greeting;
    }

    /** The clones below DIR... with their remotes, judged against the instance in use. */
    private List<RepositoryRemotes> inventory() {
        var inventory = new RepositoryInventory(ctx.env());
        var target = GitLabTarget.of(access().url().toString(), Optional.ofNullable(global().sshHost()),
                Optional.ofNullable(global().sshPort()));
        var scan = inventory.scan(directories, ScanListener.NONE, new ScanCancellation());
        return inventory.remotes(scan, target);
    }

    /** ls-remote of every GitLab remote, over the transport its URL names. */
    private List<RemoteCheck> repositories(AccessVerification verification, List<Remote> remotes, Path key) {
        List<RemoteCheck> checks;
        try (Secret passphrase = readPassphrase(keyPassphrase.file)) {
            checks = verification.lsRemote(remotes, key, passphrase, (remote, i) -> { });
        }
        for (RemoteCheck c : checks) {
            Remote r = c.remote();
            say((c.ok() ? "✓ " : "✗ ") + r.repository() + " " + r.remote() + " (" + r.transport().id() + "): "
                    + (c.ok() ? "git ls-remote works" : c.detail()));
        }
        return checks;
    }
}
