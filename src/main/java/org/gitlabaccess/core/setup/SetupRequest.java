package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.HostKeyDecision;

/**
 * Everything the workflow needs from its caller (the CLI's options or the wizard's answers).
 *
 * @param host the --host value or null (site configuration, else gitlab.com)
 * @param keyFile the key to create or reuse, or null for ~/.ssh/id_ed25519_<host>
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
                           org.gitlabaccess.core.credentials.PlaintextApproval plaintextApproval,
                           java.util.Set<Path> excludedRepositories,
                           org.gitlabaccess.core.gitlab.oauth.OAuthTokens oauthTokens, String oauthClientId,
                           java.util.Locale locale) {

    public boolean signedInWithBrowser() {
        return oauthTokens != null;
    }

    public SetupRequest {
        excludedRepositories = excludedRepositories == null ? java.util.Set.of() : java.util.Set.copyOf(excludedRepositories);
    }
}
