package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.RewritePlan;
import org.gitlabaccess.core.repos.ScanResult;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKey;

/**
 * One pass of the steps, made by {@link SetupSession}: what the session knows (the sign-in, the SSH
 * endpoint, the walk for repositories, each learned once) and what the steps learn as they go.
 */
public final class SetupState {
    private final SetupRequest request;
    private final CoreTexts texts;
    private final SetupSession session;
    private final SshConfigLookup sshLookup;
    private final SessionScan scans;
    SshKey key;
    SshEndpoint endpoint;
    final List<String> warnings = new ArrayList<>();
    List<RepositoryRemotes> inventory = List.of();
    /** Git files the scan would not read (FIFOs, devices, too large), reported with the rewrite. */
    List<ScanResult.Skipped> skippedFiles = List.of();
    RewritePlan repositories;
    private AccessVerification verification;

    SetupState(SetupRequest request, CoreTexts texts, SetupSession session, SshConfigLookup sshLookup,
               SessionScan scans) {
        this.request = request;
        this.texts = texts;
        this.session = session;
        this.sshLookup = sshLookup;
        this.scans = scans;
    }

    /** The pass's verification: one SSH client for its checks, closed with {@link #close()}. */
    synchronized AccessVerification verification() {
        if (verification == null) {
            verification = AccessVerification.sharing(this);
        }
        return verification;
    }

    /** Ends what the pass kept open (the SSH client of its checks). */
    synchronized void close() {
        if (verification != null) {
            verification.close();
            verification = null;
        }
    }

    public SetupRequest request() {
        return request;
    }

    /** The steps' sentences, in the language of the request. */
    public CoreTexts texts() {
        return texts;
    }

    public Path home() {
        return request.target().home();
    }

    /** The session's sign-in (signing in now if it has not yet). */
    public SignedIn signedIn() {
        return session.signIn(Progress.NONE);
    }

    SignedIn signIn(Progress progress) {
        return session.signIn(progress);
    }

    public Instance instance() {
        return signedIn().instance();
    }

    public GitLabClient client() {
        return signedIn().client();
    }

    public TokenVerdict verdict() {
        return signedIn().verdict();
    }

    public SshKey key() {
        return key;
    }

    /** Where SSH goes: as selected before the steps, then as the port check found it (an alternative port). */
    public SshEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = session.sshEndpoint().endpoint();
        }
        return endpoint;
    }

    /** OpenSSH's view of ~/.ssh/config for this session (each host asked once). */
    public SshConfigLookup sshLookup() {
        return sshLookup;
    }

    /** The repositories found, with their remotes (after the rewrite step: as they were before it). */
    public List<RepositoryRemotes> inventory() {
        return inventory;
    }

    SessionScan scans() {
        return scans;
    }

    public List<String> warnings() {
        return warnings;
    }
}
