package org.gitlabaccess.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.oauth.OAuthTokens;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;
import org.gitlabaccess.core.ssh.HostKeyDecision;

/**
 * The answers gathered across the wizard's pages, turned into the same {@link SetupRequest} the
 * command line builds, and the one core {@link SetupSession} every page drives: the two faces
 * cannot disagree about what setup does.
 */
public final class WizardSession {
    private final Environment env;
    private final SiteConfig site;
    private final Path caFile;
    private final Clock clock;
    private final SetupSession setup;
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
    Set<Path> excludedRepositories = new HashSet<>();
    OAuthTokens oauthTokens;
    /** The language of the core's sentences (doctor, setup steps): the wizard's own, set with its texts. */
    Locale locale = Locale.ENGLISH;

    public WizardSession(Environment env, SiteConfig site, String host, Path caFile, Clock clock) {
        this.env = env;
        this.site = site;
        this.scanRoots = site.scanRoots();
        this.host = host;
        this.caFile = caFile;
        this.clock = clock;
        this.setup = new SetupSession(request());
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

    /** The answers so far, as the request the command line builds from its options. */
    public SetupRequest request() {
        return SetupRequest.builder(env, site).host(host).caFile(caFile).sshHost(sshHost).method(method).token(token)
                .keyFile(keyFile).keyPassphrase(keyPassphrase).hostKeyDecision(hostKeyDecision).scanRoots(scanRoots)
                .revokeTokenAfter(revokeTokenAfter).excludedRepositories(excludedRepositories)
                .oauth(oauthTokens, null).clock(clock).locale(locale).build();
    }

    /**
     * The core session, told the newest answers first. Called on the wizard's thread; the session
     * it returns is then used by a background task.
     */
    SetupSession setup() {
        setup.update(request());
        return setup;
    }

    public Locale locale() {
        return locale;
    }

    /** What the doctor needs, from the same answers (the diagnosis and the Done page's report). */
    DoctorContext.Inputs doctorInputs() {
        return setup().doctorInputs(CoreTexts.Wording.WINDOW);
    }

    public List<Path> scanRoots() {
        return scanRoots;
    }
}
