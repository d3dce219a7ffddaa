package org.gitlabaccess.core.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.InstanceUrl;
import org.gitlabaccess.core.gitlab.SshEndpointSelection;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.gitlab.TokenInspector;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshConfigProblems;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/**
 * What the checks share, computed once and on demand (checks run in parallel): the instance, the
 * token's verdict, the SSH endpoint and identity. A failure to compute one is kept, so each check
 * can say "skipped: the host is unreachable" rather than fail again.
 */
public final class DoctorContext {
    /**
     * The caller's inputs.
     *
     * @param locale the language of the checks' sentences (the command line: English; the wizard: its own)
     * @param wording whether the sentences may name commands and options (not in the window)
     */
    public record Inputs(Environment env, SiteConfig site, String host, Path caFile, String sshHost, Integer sshPort,
                         Secret token, List<Path> scanRoots, Secret keyPassphrase, HostKeyDecision hostKeyDecision,
                         String machineName, Clock clock, Locale locale, CoreTexts.Wording wording) {
        /** The same inputs, with another answer for a host key seen for the first time. */
        public Inputs withHostKeyDecision(HostKeyDecision decision) {
            return new Inputs(env, site, host, caFile, sshHost, sshPort, token, scanRoots, keyPassphrase, decision,
                    machineName, clock, locale, wording);
        }
    }

    private final Inputs in;
    private final Path home;
    private final CoreTexts texts;
    private final Memo<InstanceUrl> url;
    private final Memo<Instance> instance;
    private final Memo<TokenVerdict> verdict;
    private final Memo<SshEndpoint> sshEndpoint;
    private final Memo<SshConfigLookup.Effective> sshEffective;
    private final SshConfigLookup sshLookup;
    private final Memo<SshEndpointSelection.Selected> sshSelection;
    private final Memo<AccountKey> accountKey;
    private final GitCommand git;

    public DoctorContext(Inputs inputs) {
        this.in = inputs;
        this.home = UserHome.resolve(inputs.env());
        this.texts = CoreTexts.of(inputs.locale(), inputs.wording());
        this.url = new Memo<>(() -> InstanceUrl.parse(in.host() != null ? in.host()
                : in.site().host().orElse(Instance.DEFAULT_HOST)));
        this.instance = new Memo<>(() -> {
            Instance found = Instance.resolve(in.env(), in.site(), in.host(), in.caFile());
            found.probe();
            return found;
        });
        this.verdict = new Memo<>(() -> new TokenInspector(in.clock(), in.machineName()).inspect(client().orElseThrow()));
        this.sshSelection = new Memo<>(this::computeSshSelection);
        this.sshEndpoint = new Memo<>(() -> sshSelection.get().endpoint());
        this.sshLookup = SshConfigLookup.of(inputs.env());
        this.git = new GitCommand(inputs.env());
        this.sshEffective = new Memo<>(this::computeSshEffective);
        this.accountKey = new Memo<>(this::computeAccountKey);
    }

    /** The one git of this run: its version is asked once, however many checks run it. */
    public GitCommand git() {
        return git;
    }

    public Inputs inputs() {
        return in;
    }

    /** The checks' sentences, in the language of the inputs. */
    public CoreTexts texts() {
        return texts;
    }

    /** The language of the checks' sentences, the problems' ones included. */
    public Locale locale() {
        return in.locale();
    }

    public Path home() {
        return home;
    }

    public InstanceUrl url() {
        return url.get();
    }

    /** The instance, or the problem that kept us from reaching it. */
    public Instance instance() {
        return instance.get();
    }

    public Optional<ProblemException> instanceProblem() {
        return instance.problem();
    }

    public Optional<GitLabClient> client() {
        return in.token() == null ? Optional.empty() : Optional.of(instance().client(in.token()));
    }

    public boolean hasToken() {
        return in.token() != null;
    }

    public TokenVerdict verdict() {
        return verdict.get();
    }

    public Optional<ProblemException> verdictProblem() {
        return verdict.problem();
    }

    public SshEndpoint sshEndpoint() {
        return sshEndpoint.get();
    }

    /** The endpoint as ~/.ssh/config resolves it (HostName, Port), and its identity files. */
    public SshConfigLookup.Effective sshEffective() {
        return sshEffective.get();
    }

    /** The key SSH would offer for the host: ~/.ssh/config's IdentityFile, else ours, else the usual defaults. */
    public Optional<Path> sshIdentity() {
        for (Path p : sshEffective().identityFiles()) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        Path ours = SshKeyFiles.defaultKeyFile(home, sshEndpoint().alias());
        if (Files.isRegularFile(ours)) {
            return Optional.of(ours);
        }
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            Path p = home.resolve(".ssh").resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The public half of {@link #sshIdentity} and its entry on the account, if any. */
    public record AccountKey(SshKey key, Optional<SshKeyUploader.Registered> registered) {
    }

    /**
     * The identity's public key as the account holds it: read once for the checks that need it (the
     * account's key list may take several pages). Only with an identity, a token and an answering
     * instance.
     */
    public AccountKey accountKey() {
        return accountKey.get();
    }

    private AccountKey computeAccountKey() {
        SshKey key = SshKeyFiles.readPublic(SshKeyFiles.publicFileOf(sshIdentity().orElseThrow()));
        return new AccountKey(key, new SshKeyUploader().findOnAccount(client().orElseThrow(), key));
    }

    /** Discovery is asked only when the instance answered; a refused API host is this memo's problem. */
    private SshEndpointSelection.Selected computeSshSelection() {
        GitLabClient api = hasToken() && instance.problem().isEmpty() ? client().orElseThrow() : null;
        return new AccessTarget(in.env(), in.site(), in.host(), in.sshHost(), in.sshPort()).ssh(api);
    }

    /** OpenSSH's resolution; a configuration ssh refuses fails every SSH check with OpenSSH's own words. */
    private SshConfigLookup.Effective computeSshEffective() {
        var selected = sshSelection.get();
        var effective = sshLookup.resolve(selected.endpoint().alias(), selected.endpoint().port(), selected.portForced());
        if (effective.refusedByOpenSsh()) {
            throw SshConfigProblems.refused(effective);
        }
        return effective;
    }

    /** Computes once; remembers a ProblemException as the answer too. */
    static final class Memo<T> {
        private final Supplier<T> supplier;
        private T value;
        private ProblemException problem;
        private boolean done;

        Memo(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (!done) {
                try {
                    value = supplier.get();
                } catch (ProblemException e) {
                    problem = e;
                }
                done = true;
            }
            if (problem != null) {
                throw problem;
            }
            return value;
        }

        synchronized Optional<ProblemException> problem() {
            try {
                get();
                return Optional.empty();
            } catch (ProblemException e) {
                return Optional.of(e);
            }
        }
    }
}
