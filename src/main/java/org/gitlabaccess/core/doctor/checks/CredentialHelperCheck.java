package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.CredentialHelperDetector;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.HelperEntry;
import org.gitlabaccess.core.credentials.HelperKind;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;

/** Which credential helpers git runs for the host: none, plaintext, ephemeral or secure. */
public final class CredentialHelperCheck implements Check {
    @Override
    public String id() {
        return "credential-helper";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitCommand git = new GitCommand(c.inputs().env());
        try {
            git.requireUsable();
        } catch (ProblemException e) {
            return CheckResult.skip(id(), "Not checked: " + e.getMessage());
        }
        GitHost host = GitHost.of(c.url().toString());
        var chain = new CredentialHelperDetector(git).detect(host);
        if (chain.isEmpty()) {
            return CheckResult.ok(id(), "No credential helper for " + host.hostAndPort()
                    + ": git asks each time over HTTPS (fine when you use SSH).");
        }
        String list = String.join("; ", chain.effective().stream().map(HelperEntry::describe).toList());
        if (chain.effective().stream().anyMatch(e -> e.kind() == HelperKind.PLAINTEXT)) {
            return CheckResult.warn(id(), "Git keeps passwords for " + host.hostAndPort() + " in plain text: " + list + ".",
                    Fix.manual("Run 'gitlab-access setup --method https' (a secure helper for this host only), or "
                            + "switch to SSH."));
        }
        if (chain.effective().stream().anyMatch(e -> e.kind() == HelperKind.UNKNOWN)) {
            return CheckResult.warn(id(), "A credential helper of unknown safety runs for " + host.hostAndPort() + ": "
                    + list + ".", Fix.manual("Check what it does with passwords, or configure a secure helper."));
        }
        if (chain.effective().stream().allMatch(e -> e.kind() == HelperKind.EPHEMERAL)) {
            return CheckResult.ok(id(), "Git keeps the token in memory only (" + list + ").");
        }
        return CheckResult.ok(id(), "Git keeps credentials for " + host.hostAndPort() + " securely (" + list + ").");
    }
}
