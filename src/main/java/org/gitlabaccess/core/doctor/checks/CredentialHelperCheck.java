package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.CredentialHelperDetector;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.HelperEntry;
import org.gitlabaccess.core.credentials.HelperKind;
import org.gitlabaccess.core.credentials.SecureHelperFinder;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;

/** Which credential helpers git runs for the host: none, plaintext, ephemeral or secure. */
public final class CredentialHelperCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.CREDENTIAL_HELPER;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitCommand git = c.git();
        try {
            git.requireUsable();
        } catch (ProblemException e) {
            return CheckResult.skip(id(), c.texts().get("doctor.not-checked", e.message(c.locale())));
        }
        GitHost host = GitHost.of(c.url().toString());
        var chain = new CredentialHelperDetector(git).detect(host);
        if (chain.isEmpty()) {
            return CheckResult.ok(id(), c.texts().get("doctor.credential-helper.none", host.hostAndPort()));
        }
        String list = String.join("; ", chain.effective().stream().map(HelperEntry::describe).toList());
        if (chain.effective().stream().anyMatch(e -> e.kind() == HelperKind.PLAINTEXT)) {
            return CheckResult.warn(id(), c.texts().get("doctor.credential-helper.plaintext", host.hostAndPort(), list),
                    Fix.manual(c.texts().get("doctor.credential-helper.plaintext.fix"), Remedy.SET_UP_HTTPS));
        }
        if (chain.effective().stream().anyMatch(e -> e.kind() == HelperKind.UNKNOWN)) {
            return CheckResult.warn(id(), c.texts().get("doctor.credential-helper.unknown", host.hostAndPort(), list),
                    Fix.manual(c.texts().get("doctor.credential-helper.unknown.fix"), Remedy.NONE));
        }
        if (chain.effective().stream().allMatch(e -> e.kind() == HelperKind.EPHEMERAL)) {
            return CheckResult.ok(id(), c.texts().get("doctor.credential-helper.ephemeral", list));
        }
        // libsecret keeps nothing without a Secret Service (a desktop keyring) on the session bus: over
        // SSH, in a container or a bare window manager, every fetch asks for a password that 2FA refuses.
        boolean libsecret = chain.effective().stream().anyMatch(e -> e.kind() == HelperKind.SECURE
                && e.name().contains("libsecret"));
        if (libsecret && !c.inputs().env().isWindows() && !c.inputs().env().isMac()
                && !SecureHelperFinder.secretServiceAnswers(c.inputs().env())) {
            return CheckResult.warn(id(), c.texts().get("doctor.credential-helper.no-keyring", host.hostAndPort(), list),
                    Fix.manual(c.texts().get("doctor.credential-helper.no-keyring.fix"), Remedy.SET_UP_SSH));
        }
        return CheckResult.ok(id(), c.texts().get("doctor.credential-helper.secure", host.hostAndPort(), list));
    }
}
