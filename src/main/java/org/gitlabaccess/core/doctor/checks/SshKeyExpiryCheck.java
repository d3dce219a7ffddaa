package org.gitlabaccess.core.doctor.checks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.setup.KeyRenewal;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/**
 * The key SSH offers for the host, as registered on the account: a month's warning before its
 * {@code expires_at}, a failure from that instant on (when GitLab's shell answers
 * "Your SSH key has expired"). Whether the key is registered at all is ssh-key-registered's job;
 * this check says nothing about an unregistered key.
 */
public final class SshKeyExpiryCheck implements Check {
    /** GitLab's own reminder comes a week before; a month leaves time for a change request. */
    static final int WARN_DAYS = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    @Override
    public CheckId id() {
        return CheckId.SSH_KEY_EXPIRY;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!c.hasToken()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-expiry.no-token"));
        }
        if (c.instanceProblem().isPresent() || c.verdictProblem().isPresent()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-expiry.no-account"));
        }
        var identity = c.sshIdentity();
        if (identity.isEmpty()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-expiry.no-key"));
        }
        SshKey key;
        SshKeyUploader.Registered found;
        try {
            key = c.accountKey().key();
            var onAccount = c.accountKey().registered();
            if (onAccount.isEmpty()) {
                return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-expiry.not-registered", key.fingerprint()));
            }
            found = onAccount.get();
        } catch (ProblemException e) {
            // Reading the key or the account already failed in ssh-key-present / ssh-key-registered, with its fix.
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-expiry.unreadable", e.message(c.locale())));
        }
        if (found.expiresAt() == null || found.expiresAt().isBlank()) {
            return CheckResult.ok(id(), c.texts().get("doctor.ssh-key-expiry.never", key.fingerprint()));
        }
        // findOnAccount has checked the field is GitLab's timestamp.
        Instant when = OffsetDateTime.parse(found.expiresAt()).toInstant();
        String shown = WHEN.format(when.atOffset(ZoneOffset.UTC));
        var clock = c.inputs().clock();
        Fix fix = renewal(c, identity.get(), key);
        if (ExpiryWindow.keyExpired(when, clock)) {
            return CheckResult.fail(id(), c.texts().get("doctor.ssh-key-expiry.expired", key.fingerprint(), shown), fix);
        }
        long days = ExpiryWindow.daysLeft(when.atOffset(ZoneOffset.UTC).toLocalDate(), clock);
        if (ExpiryWindow.keyDueWithin(when, WARN_DAYS, clock)) {
            return CheckResult.warn(id(), c.texts().get("doctor.ssh-key-expiry.expiring", key.fingerprint(), shown,
                    days), fix);
        }
        return CheckResult.ok(id(), c.texts().get("doctor.ssh-key-expiry.ok", key.fingerprint(), shown, days));
    }

    /**
     * With a token that may upload keys, the doctor renews the key itself (ssh-key rotate: the new key is
     * proven over SSH before the old one goes); otherwise the wizard's SSH setup or the manual steps.
     */
    private static Fix renewal(DoctorContext c, Path keyFile, SshKey key) {
        String manual = c.texts().get("doctor.ssh-key-expiry.fix", c.instance().root());
        // Only the product's own key is renewed by itself: a personal key (id_rsa, one named in ~/.ssh/config)
        // may be trusted elsewhere too, and replacing it would lock those doors.
        if (!c.verdict().canSetUpSsh()
                || !keyFile.equals(SshKeyFiles.defaultKeyFile(c.home(), c.sshEndpoint().alias()))) {
            return Fix.manual(manual, Remedy.SET_UP_SSH);
        }
        return Fix.automatic(manual, c.texts().get("doctor.ssh-key-expiry.consent", keyFile, key.fingerprint()),
                context -> {
                    var in = context.inputs();
                    SetupRequest request = SetupRequest.builder(in.env(), in.site()).host(in.host()).caFile(in.caFile())
                            .sshHost(in.sshHost()).sshPort(in.sshPort()).token(in.token()).keyFile(keyFile)
                            .keyPassphrase(in.keyPassphrase()).hostKeyDecision(in.hostKeyDecision()).clock(in.clock())
                            .locale(in.locale()).build();
                    KeyRenewal renewed = new SetupSession(request).renewKey(null, Progress.NONE);
                    return String.join(" ", Stream.concat(Stream.of(context.texts().get("doctor.ssh-key-expiry.renewed",
                            renewed.oldFingerprint(), renewed.newFingerprint(), renewed.expiresAt())),
                            renewed.warnings().stream()).toList());
                });
    }
}
