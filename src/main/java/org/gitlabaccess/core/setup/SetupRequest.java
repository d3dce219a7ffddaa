package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.credentials.PlaintextApproval;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.oauth.OAuthTokens;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.MachineName;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.UserName;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Everything the workflow needs from its caller (the CLI's options or the wizard's answers), built
 * by both faces through the one {@link Builder}.
 *
 * @param host the --host value or null (site configuration, else gitlab.com)
 * @param keyFile the key to create or reuse, or null for ~/.ssh/id_ed25519_<ssh host>
 * @param revokeTokenAfter revoke the setup token once SSH works (it is no longer needed)
 * @param credentialHelper HTTPS: the helper to use by name, or null for the best one available
 * @param plaintextApproval HTTPS: the user's explicit consent to a plain-text file, or null
 * @param excludedRepositories repositories the user unticked: their remotes are left as they are
 * @param oauthTokens a browser sign-in's tokens instead of a personal access token (SSH only), or null
 * @param oauthClientId the OAuth application those tokens belong to (to revoke them at the end)
 * @param locale the language of the steps' sentences (the command line: English; the wizard: its own)
 */
public record SetupRequest(Environment env, SiteConfig site, String host, Path caFile, String sshHost, Integer sshPort,
                           SetupMethod method, Secret token, Path keyFile, Secret keyPassphrase,
                           HostKeyDecision hostKeyDecision, List<Path> scanRoots, boolean revokeTokenAfter,
                           String machineName, String userName, Clock clock, String credentialHelper,
                           PlaintextApproval plaintextApproval, Set<Path> excludedRepositories,
                           OAuthTokens oauthTokens, String oauthClientId, Locale locale) {

    public SetupRequest {
        excludedRepositories = excludedRepositories == null ? Set.of() : Set.copyOf(excludedRepositories);
        scanRoots = scanRoots == null ? List.of() : List.copyOf(scanRoots);
    }

    public static Builder builder(Environment env, SiteConfig site) {
        return new Builder(env, site);
    }

    public boolean signedInWithBrowser() {
        return oauthTokens != null;
    }

    /** Which instance, and where its SSH goes, as the user asked. */
    public AccessTarget target() {
        return new AccessTarget(env, site, host, sshHost, sshPort);
    }

    /** The key to create or reuse: the one asked for, else the product's key named after the SSH host. */
    public Path keyFileFor(SshEndpoint endpoint) {
        return keyFile != null ? keyFile.toAbsolutePath() : target().defaultKeyFile(endpoint);
    }

    /** The comment of a key the product creates: who, on which machine, by what, when. */
    public String keyComment() {
        return userName + "@" + machineName + " gitlab-access " + LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The roots to look for repositories in: the ones asked for, else the home. */
    public List<Path> scanRootsOrHome() {
        return scanRoots.isEmpty() ? List.of(target().home()) : scanRoots;
    }

    /**
     * The answers, each with its default: the site's scan roots and OAuth application, this machine's
     * and account's names, the system clock, English, and a host key never accepted unasked.
     */
    public static final class Builder {
        private final Environment env;
        private final SiteConfig site;
        private String host;
        private Path caFile;
        private String sshHost;
        private Integer sshPort;
        private SetupMethod method = SetupMethod.SSH;
        private Secret token;
        private Path keyFile;
        private Secret keyPassphrase;
        private HostKeyDecision hostKeyDecision = HostKeyDecision.REFUSE;
        private List<Path> scanRoots;
        private boolean revokeTokenAfter;
        private Clock clock = Clock.systemUTC();
        private String credentialHelper;
        private PlaintextApproval plaintextApproval;
        private Set<Path> excludedRepositories = Set.of();
        private OAuthTokens oauthTokens;
        private String oauthClientId;
        private Locale locale = Locale.ENGLISH;

        private Builder(Environment env, SiteConfig site) {
            this.env = env;
            this.site = site;
            this.scanRoots = site.scanRoots();
            this.oauthClientId = site.oauthClientId().orElse(null);
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder caFile(Path value) {
            caFile = value;
            return this;
        }

        public Builder sshHost(String value) {
            sshHost = value;
            return this;
        }

        public Builder sshPort(Integer value) {
            sshPort = value;
            return this;
        }

        public Builder method(SetupMethod value) {
            method = value;
            return this;
        }

        public Builder token(Secret value) {
            token = value;
            return this;
        }

        public Builder keyFile(Path value) {
            keyFile = value;
            return this;
        }

        public Builder keyPassphrase(Secret value) {
            keyPassphrase = value;
            return this;
        }

        public Builder hostKeyDecision(HostKeyDecision value) {
            hostKeyDecision = value;
            return this;
        }

        /** Where to look for repositories; empty or null keeps the site configuration's (else the home). */
        public Builder scanRoots(List<Path> value) {
            if (value != null && !value.isEmpty()) {
                scanRoots = value;
            }
            return this;
        }

        public Builder revokeTokenAfter(boolean value) {
            revokeTokenAfter = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder credentialHelper(String value) {
            credentialHelper = value;
            return this;
        }

        public Builder plaintextApproval(PlaintextApproval value) {
            plaintextApproval = value;
            return this;
        }

        public Builder excludedRepositories(Set<Path> value) {
            excludedRepositories = value;
            return this;
        }

        /** A browser sign-in's tokens, and the application they belong to (null: the site configuration's). */
        public Builder oauth(OAuthTokens tokens, String clientId) {
            oauthTokens = tokens;
            if (clientId != null) {
                oauthClientId = clientId;
            }
            return this;
        }

        public Builder locale(Locale value) {
            locale = value;
            return this;
        }

        public SetupRequest build() {
            return new SetupRequest(env, site, host, caFile, sshHost, sshPort, method, token, keyFile, keyPassphrase,
                    hostKeyDecision, scanRoots, revokeTokenAfter, MachineName.of(env), UserName.of(env), clock,
                    credentialHelper, plaintextApproval, excludedRepositories, oauthTokens, oauthClientId, locale);
        }
    }
}
