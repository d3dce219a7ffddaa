package org.gitlabaccess.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigProblems;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitlab-access verify}: proves access as {@code ssh -T} would. */
@Command(name = "verify", sortOptions = false,
        header = "Check access as 'ssh -T git@host' and 'git ls-remote' would: SSH, HTTPS, each repository.",
        description = {"Resolves the host through ~/.ssh/config, checks its key against ~/.ssh/known_hosts",
            "(--yes records a host not seen before; a changed key is always refused), authenticates with the",
            "configured identity (or --identity) and reads GitLab's welcome line. --https runs the plain git",
            "ls-remote with your own credential helper and CA. With DIR..., every GitLab remote of the repositories",
            "found there is tried with ls-remote over its own transport. Exit 1 when a check fails."})
final class VerifyCommand extends BaseCommand {
    @Option(names = "--ssh", description = "Check SSH access (the default).")
    boolean ssh;

    @Option(names = "--identity", paramLabel = "KEY", description = "Private key to use instead of ~/.ssh/config's.")
    Path identity;

    @Option(names = "--key-passphrase-file", paramLabel = "F", description = "The key's passphrase (first line).")
    Path passphraseFile;

    @Option(names = "--https", description = "Check HTTPS access as plain git would (its credential helper and CA).")
    boolean https;

    @picocli.CommandLine.Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Also run git ls-remote for every GitLab remote of the repositories found here.")
    java.util.List<Path> directories = new java.util.ArrayList<>();

    VerifyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        boolean checkSsh = ssh || !https;
        Map<String, Object> doc = new LinkedHashMap<>();
        boolean ok = true;
        org.gitlabaccess.core.ProblemException firstProblem = null;
        SshCheckResult sshResult = null;
        Path key = null;
        if (checkSsh) {
            var r = sshCheck(doc);
            sshResult = r.result();
            key = r.key();
            if (!sshResult.ok()) {
                ok = false;
                firstProblem = org.gitlabaccess.core.ssh.SshCheckProblems.of(sshResult);
            }
        }
        if (https) {
            var plain = httpsCheck(doc);
            if (plain != null && !plain.ok()) {
                ok = false;
                if (firstProblem == null) {
                    firstProblem = new org.gitlabaccess.core.ProblemException(org.gitlabaccess.core.ProblemKind.CHECK_FAILED,
                            "https-access", "git ls-remote over HTTPS failed: " + plain.detail(),
                            "Run 'gitlab-access doctor' for the cause, or 'setup --method https' to store a token.");
                }
            }
        }
        if (!directories.isEmpty()) {
            List<Map<String, Object>> repos = repositories(checkSsh && sshResult != null && sshResult.ok(), key);
            doc.put("repositories", repos);
            if (repos.stream().anyMatch(m -> !"ok".equals(m.get("outcome")))) {
                ok = false;
                if (firstProblem == null) {
                    firstProblem = new org.gitlabaccess.core.ProblemException(org.gitlabaccess.core.ProblemKind.CHECK_FAILED,
                            "repository-access", "Some repositories could not be read (see above).",
                            "Check that your account still has access to those projects.");
                }
            }
        }
        if (json()) {
            Map<String, Object> full = new LinkedHashMap<>();
            full.put("ok", ok);
            full.putAll(doc);
            printJson(full);
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

    private record SshOutcome(SshCheckResult result, Path key) {
    }

    private SshOutcome sshCheck(Map<String, Object> doc) {
        var selected = sshSelection(null);
        SshEndpoint wanted = selected.endpoint();
        // --ssh-port beats Port in ~/.ssh/config, as ssh -p does.
        var effective = sshLookup().resolve(wanted.alias(), wanted.port(), selected.portForced());
        if (effective.refusedByOpenSsh()) {
            throw SshConfigProblems.refused(effective);
        }
        effective.notice().ifPresent(this::warn);
        SshEndpoint endpoint = effective.endpoint();
        Path key = identity != null ? identity.toAbsolutePath() : effective.identityFiles().stream()
                .filter(Files::isRegularFile).findFirst()
                .orElse(SshKeyFiles.defaultKeyFile(home(), wanted.alias()));
        SshCheckResult result;
        try (Secret passphrase = readPassphrase(passphraseFile);
             SshAccessCheck check = new SshAccessCheck(hostKeyDecision(),
                     Duration.ofSeconds(15))) {
            result = check.greet(effective, key, passphrase);
        }
        Map<String, Object> ssh = new LinkedHashMap<>();
        ssh.put("host", endpoint.alias());
        ssh.put("hostName", endpoint.hostName());
        ssh.put("port", endpoint.port());
        ssh.put("identity", key.toString());
        ssh.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ssh.put("username", result.username());
        ssh.put("hostKeyFingerprint", result.hostKeyFingerprint());
        ssh.put("detail", result.detail());
        doc.put("ssh", ssh);
        if (result.ok()) {
            say("SSH to " + endpoint + " as git: " + result.detail() + " (key " + key.getFileName() + ", host key "
                    + result.hostKeyFingerprint() + ")");
        }
        return new SshOutcome(result, key);
    }

    /** Plain git over HTTPS with the user's configuration, against the first GitLab repository found (or the API's). */
    private org.gitlabaccess.core.credentials.HttpsCheckResult httpsCheck(Map<String, Object> doc) {
        String url = firstRepositoryUrl(false);
        if (url == null) {
            doc.put("https", Map.of("outcome", "skipped", "detail", "no repository to try: give DIR..."));
            warn("HTTPS not checked: no GitLab repository found; give DIR... with a clone.");
            return null;
        }
        var git = new org.gitlabaccess.core.credentials.GitCommand(ctx.env());
        var r = new org.gitlabaccess.core.credentials.HttpsAccessCheck(instance().http(), ctx.env(), git, null)
                .gitLsRemote(url);
        doc.put("https", Map.of("url", url, "outcome", r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "refs", r.refs(), "detail", String.valueOf(r.detail())));
        if (r.ok()) {
            say("HTTPS: git ls-remote " + url + " works with git's own credential (" + r.refs() + " refs).");
        }
        return r;
    }

    private List<org.gitlabaccess.core.repos.RepositoryRemotes> inventory() {
        var inventory = new org.gitlabaccess.core.repos.RepositoryInventory(ctx.env());
        var target = org.gitlabaccess.core.repos.GitLabTarget.of(instanceUrl().toString(),
                java.util.Optional.ofNullable(global().sshHost()), java.util.Optional.ofNullable(global().sshPort()));
        var scan = inventory.scan(directories, org.gitlabaccess.core.repos.ScanListener.NONE,
                new org.gitlabaccess.core.repos.ScanCancellation());
        return inventory.remotes(scan, target);
    }

    private String firstRepositoryUrl(boolean ssh) {
        if (directories.isEmpty()) {
            return null;
        }
        for (var repo : inventory()) {
            for (var u : repo.urls()) {
                boolean wanted = ssh ? u.kind() == org.gitlabaccess.core.repos.RemoteKind.SSH
                        : u.kind() == org.gitlabaccess.core.repos.RemoteKind.HTTPS;
                if (wanted && u.key().equals(org.gitlabaccess.core.repos.RemoteUrl.URL)) {
                    return u.effective().raw();
                }
            }
        }
        return null;
    }

    /** ls-remote of every GitLab remote, over the transport its URL names. */
    private List<Map<String, Object>> repositories(boolean sshUsable, Path key) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        var git = new org.gitlabaccess.core.credentials.GitCommand(ctx.env());
        try (Secret passphrase = readPassphrase(passphraseFile);
             var sshCheck = new org.gitlabaccess.core.ssh.GitOverSshCheck(home(), key, passphrase)) {
            for (var repo : inventory()) {
                for (var u : repo.urls()) {
                    if (u.kind() == org.gitlabaccess.core.repos.RemoteKind.OTHER_HOST
                            || !u.key().equals(org.gitlabaccess.core.repos.RemoteUrl.URL)) {
                        continue;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", repo.repository().path().toString());
                    m.put("remote", u.remote());
                    m.put("url", u.effective().redacted());
                    String outcome;
                    String detail;
                    if (u.kind() == org.gitlabaccess.core.repos.RemoteKind.SSH) {
                        m.put("transport", "ssh");
                        var r = sshCheck.lsRemote(u.effective().raw());
                        outcome = r.ok() ? "ok" : r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
                        detail = r.detail();
                    } else {
                        m.put("transport", "https");
                        var r = new org.gitlabaccess.core.credentials.HttpsAccessCheck(instance().http(), ctx.env(), git,
                                null).gitLsRemote(u.effective().raw());
                        outcome = r.ok() ? "ok" : r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
                        detail = r.detail();
                    }
                    m.put("outcome", outcome);
                    m.put("detail", detail);
                    out.add(m);
                    say(("ok".equals(outcome) ? "✓ " : "✗ ") + repo.repository().path() + " " + u.remote() + " ("
                            + m.get("transport") + "): " + ("ok".equals(outcome) ? "git ls-remote works" : detail));
                }
            }
        }
        return out;
    }
}
