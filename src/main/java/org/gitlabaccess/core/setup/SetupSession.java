package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.SshEndpointSelection;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.repos.RemoteUndo;
import org.gitlabaccess.core.repos.RewritePlan;
import org.gitlabaccess.core.repos.ScanCancellation;
import org.gitlabaccess.core.repos.ScanListener;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshConfigProblems;

/**
 * One setup, from sign-in to the report: the wizard and {@code setup} drive this and nothing else.
 * It signs in once for the same instance and credential, plans without changing anything (each step
 * plans on its own, so the order does not matter), applies the method's steps, and afterwards undoes
 * the rewrite, revokes the setup token or writes the report. The faces give new answers with
 * {@link #update}; what does not depend on a changed answer is kept.
 */
public final class SetupSession {
    private SetupRequest request;
    private SignedIn signedIn;
    /** The sign-in under way, and the answers it was started with. */
    private CompletableFuture<SignedIn> signingIn;
    private SetupRequest signingInFor;
    private SshEndpointSelection.Selected ssh;
    private SshConfigLookup sshLookup;
    private SessionScan scans;

    public SetupSession(SetupRequest request) {
        this.request = request;
    }

    public synchronized SetupRequest request() {
        return request;
    }

    /**
     * The user's newest answers. The sign-in is kept while the instance, the CA, the method and the
     * credential are the same; where SSH goes is kept while the SSH host and port are too.
     */
    public synchronized void update(SetupRequest next) {
        if (!sameSignIn(request, next)) {
            signedIn = null;
        }
        if (!sameSsh(request, next)) {
            ssh = null;
        }
        if (!request.env().equals(next.env())) {
            sshLookup = null;
            scans = null;
        }
        request = next;
    }

    /**
     * Signs in, once: the instance, the client, and GitLab's verdict on the credential; a problem
     * (unreachable host, a token that does not fit the method) is thrown. No lock is held while
     * GitLab answers, so that the wizard's thread may give new answers meanwhile.
     */
    public SignedIn signIn(Progress progress) {
        SetupRequest asked;
        CompletableFuture<SignedIn> pending;
        CompletableFuture<SignedIn> mine = null;
        synchronized (this) {
            if (signedIn != null) {
                return signedIn;
            }
            asked = request;
            if (signingIn != null && sameSignIn(signingInFor, asked)) {
                // Another task is signing in with the same answers: one sign-in, both get its answer.
                pending = signingIn;
            } else {
                pending = null;
                mine = new CompletableFuture<>();
                signingIn = mine;
                signingInFor = asked;
            }
        }
        if (pending == null) {
            return signInNow(asked, progress, mine);
        }
        Optional<SignedIn> shared = awaitSignIn(pending);
        // The other task was cancelled (the user changed an answer, or went back): this one signs in itself.
        return shared.isPresent() ? shared.get() : signIn(progress);
    }

    private SignedIn signInNow(SetupRequest asked, Progress progress, CompletableFuture<SignedIn> mine) {
        try {
            SignedIn done = SignedIn.of(asked, CoreTexts.of(asked.locale()), progress);
            synchronized (this) {
                if (sameSignIn(request, asked)) {
                    signedIn = done;
                }
                if (signingIn == mine) {
                    signingIn = null;
                }
            }
            mine.complete(done);
            return done;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                if (signingIn == mine) {
                    signingIn = null;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                mine.cancel(false); // this task's cancellation is not an answer for the tasks waiting on it
            } else {
                mine.completeExceptionally(e);
            }
            throw e;
        }
    }

    /** The other task's sign-in; empty when that task was cancelled. */
    private static Optional<SignedIn> awaitSignIn(CompletableFuture<SignedIn> pending) {
        try {
            return Optional.of(pending.get());
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while another task signed in");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Where SSH goes. Setting up SSH asks GitLab (after the user's and the site's answers); HTTPS
     * asks no API: the answers, the product's {@code ~/.ssh/config} block, else the web host.
     */
    public SshEndpointSelection.Selected sshEndpoint() {
        SetupRequest asked;
        synchronized (this) {
            if (ssh != null) {
                return ssh;
            }
            asked = request;
        }
        SignedIn s = asked.method() == SetupMethod.SSH ? signIn(Progress.NONE) : null;
        // GitLab is asked without the lock held, as for the sign-in; kept only if the answers it was for still stand.
        SshEndpointSelection.Selected selected = asked.target().ssh(s == null ? null : s.client());
        synchronized (this) {
            if (sameSsh(request, asked)) {
                ssh = selected;
            }
        }
        return selected;
    }

    /** The key setup creates or reuses: the one asked for, else the product's key named after the SSH host. */
    public Path keyFile() {
        return request().keyFileFor(sshEndpoint().endpoint());
    }

    /**
     * The repositories under the request's roots, walked afresh, and what the method's rewrite would do
     * to each (the review and the rewrite read this walk again). Unticked repositories are listed too.
     */
    public RepositoryPreview previewRepositories(ScanListener listener, ScanCancellation cancellation) {
        SetupState state = newState();
        var scan = state.scans().fresh(state.request().scanRootsOrHome(), listener, cancellation);
        RewritePlan plan = RewriteRemotesStep.plan(state, scan, RewriteRemotesStep.targetForm(state.request()), false);
        return new RepositoryPreview(plan.edits(), scan.repositories().size(), plan.alreadyInTargetForm());
    }

    /** Every change the method's steps would make, each step planned on its own; nothing is changed. */
    public List<Change> plan() {
        signIn(Progress.NONE);
        List<Change> changes = new ArrayList<>();
        for (SetupStep step : SetupFlows.forMethod(request().method())) {
            changes.addAll(step.plan(newState()));
        }
        return changes;
    }

    /** Runs the method's steps; each outcome goes to the listener as soon as it is known. */
    public SetupReport apply(Progress progress, Consumer<StepOutcome> listener) {
        SetupReport done = new SetupRunner(SetupFlows.forMethod(request().method()))
                .run(newState(), progress, listener);
        if (done.tokenRevoked()) {
            forgetSignIn();
        }
        return done;
    }

    /**
     * Puts the remotes of the latest rewrite back (from its journal), writing an undo journal.
     *
     * @return how many repositories were restored; 0 when there was nothing to undo
     */
    public int undoLatestRewrite() {
        SetupRequest r = request();
        RemoteUndo undo = new RemoteUndo(r.env(), r.clock());
        return undo.latest().map(plan -> undo.apply(plan).changed().size()).orElse(0);
    }

    /**
     * True while a personal access token of this setup is still valid after the run the report
     * tells of (a browser sign-in's token is revoked by the run itself).
     */
    public boolean tokenRevocableAfter(SetupReport run) {
        return !run.tokenRevoked() && request().token() != null;
    }

    /** Revokes the setup's credential on GitLab, as the revoke step does; the sign-in is forgotten with it. */
    public void revokeToken() {
        RevokeTokenStep.revoke(request(), signIn(Progress.NONE));
        forgetSignIn();
    }

    private synchronized void forgetSignIn() {
        signedIn = null;
        ssh = null;
    }

    /**
     * Renews the product's key for this instance (see {@link KeyRotation}): a new key with the given
     * expiry replaces the old one on the account and on disk, or nothing changes.
     *
     * @param expiresAt the new key's expiry; null for the site configuration's {@code keyExpiryDays}, else 365 days
     */
    public KeyRenewal renewKey(LocalDate expiresAt, Progress progress) {
        SetupRequest r = request();
        SignedIn s = signIn(progress);
        var endpoint = sshEndpoint();
        LocalDate expiry = expiresAt != null ? expiresAt : LocalDate.now(r.clock().withZone(ZoneOffset.UTC))
                .plusDays(r.site().keyExpiryDays().orElse(SshKeyUploader.DEFAULT_EXPIRY_DAYS));
        var effective = newState().sshLookup().resolve(endpoint.endpoint().alias(), endpoint.endpoint().port(),
                endpoint.portForced());
        if (effective.refusedByOpenSsh()) {
            throw SshConfigProblems.refused(effective);
        }
        return new KeyRotation(r, s.client(), effective).rotate(keyFile(), expiry, progress);
    }

    /** The projects the user is a member of, most recently active first; {@code search} narrows them on GitLab. */
    public List<MemberProject> memberProjects(String search) {
        return ProjectClones.memberProjects(signIn(Progress.NONE).client(), search);
    }

    /**
     * Where clones go: the site configuration's {@code cloneRoot} ({@code ~/} is the home, a relative
     * path is below it), else {@code ~/src}.
     */
    public Path cloneRoot() {
        SetupRequest r = request();
        Path home = r.target().home();
        String configured = r.site().cloneRoot().orElse("~/src");
        return configured.equals("~") ? home
                : configured.startsWith("~/") ? home.resolve(configured.substring(2)) : home.resolve(configured);
    }

    /**
     * Clones the projects below {@code root}, over the method's transport with the remotes in the form
     * the rewrite gives them (the SSH host as {@code ~/.ssh/config} names it, or the web address).
     */
    public CloneReport cloneProjects(List<MemberProject> projects, Path root, Progress progress) {
        SetupState state = newState();
        var target = RewriteRemotesStep.target(state);
        Function<String, String> url = state.request().method() == SetupMethod.SSH ? target::sshUrl : target::httpsUrl;
        return new ProjectClones(new GitCommand(state.request().env())).cloneAll(projects, root, url, progress);
    }

    /** The doctor's inputs from the same answers: the diagnosis and the report look at what setup does. */
    public DoctorContext.Inputs doctorInputs(CoreTexts.Wording wording) {
        SetupRequest r = request();
        return new DoctorContext.Inputs(r.env(), r.site(), r.host(), r.caFile(), r.sshHost(), r.sshPort(), r.token(),
                r.scanRoots(), null, HostKeyDecision.REFUSE, r.machineName(), r.clock(), r.locale(), wording);
    }

    /** A pass of the steps over this session's answers and what it learned so far. */
    private synchronized SetupState newState() {
        if (sshLookup == null) {
            sshLookup = SshConfigLookup.of(request.env());
        }
        if (scans == null) {
            scans = new SessionScan(request.env());
        }
        return new SetupState(request, CoreTexts.of(request.locale()), this, sshLookup, scans);
    }

    private static boolean sameSignIn(SetupRequest a, SetupRequest b) {
        return a.env().equals(b.env()) && Objects.equals(a.host(), b.host()) && Objects.equals(a.caFile(), b.caFile())
                && a.method() == b.method() && sameSecret(a.token(), b.token()) && a.oauthTokens() == b.oauthTokens()
                && a.site().equals(b.site());
    }

    /** The same sign-in and the same SSH host and port asked for: where SSH goes is the same answer. */
    private static boolean sameSsh(SetupRequest a, SetupRequest b) {
        return sameSignIn(a, b) && Objects.equals(a.sshHost(), b.sshHost()) && Objects.equals(a.sshPort(), b.sshPort());
    }

    private static boolean sameSecret(Secret a, Secret b) {
        return a == null ? b == null : b != null && a.sameValueAs(b);
    }
}
