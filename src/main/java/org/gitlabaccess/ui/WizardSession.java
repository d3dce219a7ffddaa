package org.gitlabaccess.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.MachineName;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.ssh.HostKeyDecision;

/**
 * The answers gathered across the wizard's pages, turned into the same {@link SetupRequest} the
 * command line builds: the two faces cannot disagree about what setup does.
 */
public final class WizardSession {
    private final Environment env;
    private final SiteConfig site;
    private final Path caFile;
    private final Clock clock;
    String host;
    SetupMethod method = SetupMethod.SSH;
    Secret token;
    Path keyFile;
    Secret keyPassphrase;
    boolean revokeTokenAfter;
    HostKeyDecision hostKeyDecision = HostKeyDecision.REFUSE;
    /** An SSH host the user confirmed for this instance (the API named one outside its domain), or null. */
    String sshHost;
    List<Path> scanRoots;
    java.util.Set<Path> excludedRepositories = new java.util.HashSet<>();
    org.gitlabaccess.core.gitlab.oauth.OAuthTokens oauthTokens;
    /** The language of the core's sentences (doctor, setup steps): the wizard's own, set with its texts. */
    Locale locale = Locale.ENGLISH;

    public WizardSession(Environment env, SiteConfig site, String host, Path caFile, Clock clock) {
        this.env = env;
        this.site = site;
        this.host = host;
        this.caFile = caFile;
        this.clock = clock;
        this.scanRoots = site.scanRoots();
    }

    /** Another instance forgets the SSH host confirmed for the previous one: it was confirmed for that one only. */
    void changeHost(String newHost) {
        if (!newHost.equals(host)) {
            sshHost = null;
        }
        host = newHost;
    }

    public Environment env() {
        return env;
    }

    public SiteConfig site() {
        return site;
    }

    public Path caFile() {
        return caFile;
    }

    public Clock clock() {
        return clock;
    }

    public SetupRequest request() {
        String user = env.variable("USER").or(() -> env.variable("USERNAME")).orElse(env.property("user.name")
                .orElse("user"));
        return new SetupRequest(env, site, host, caFile, sshHost, null, method, token, keyFile, keyPassphrase,
                hostKeyDecision, scanRoots, revokeTokenAfter, MachineName.of(env), user, clock, null, null,
                excludedRepositories, oauthTokens, site.oauthClientId().orElse(null), locale);
    }

    public Locale locale() {
        return locale;
    }

    /** What the doctor needs, from the same answers (the diagnosis and the Done page's report). */
    DoctorContext.Inputs doctorInputs() {
        return new DoctorContext.Inputs(env, site, host, caFile, sshHost, null, token, scanRoots, null,
                HostKeyDecision.REFUSE, MachineName.of(env), clock, locale);
    }

    public List<Path> scanRoots() {
        return scanRoots;
    }
}
