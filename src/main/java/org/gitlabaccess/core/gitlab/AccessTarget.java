package org.gitlabaccess.core.gitlab;

import java.nio.file.Path;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.ssh.SshConfigBlock;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/**
 * Which GitLab the user means and where its SSH goes, from the user's answers (options or the
 * wizard's fields), the site configuration and the defaults: the one answer that the wizard, every
 * command and the doctor share.
 *
 * @param host the address the user gave, or null
 * @param sshHost the SSH host the user gave or confirmed, or null
 * @param sshPort the SSH port the user gave, or null
 */
public record AccessTarget(Environment env, SiteConfig site, String host, String sshHost, Integer sshPort) {

    /** The address as given: the user's, else the site configuration's, else gitlab.com. */
    public String hostText() {
        return host != null && !host.isBlank() ? host : site.host().orElse(Instance.DEFAULT_HOST);
    }

    /** The instance's address, without touching the network; a usage problem when it is no address. */
    public InstanceUrl url() {
        return InstanceUrl.parse(hostText());
    }

    /** The root for a hint, where a wrong address must not hide the hint: gitlab.com then. */
    public String rootForHint() {
        try {
            return url().toString();
        } catch (ProblemException e) {
            return Instance.DEFAULT_HOST;
        }
    }

    public Path home() {
        return UserHome.resolve(env);
    }

    /**
     * Where SSH goes: the user's host and port, the site configuration, the product's own
     * {@code ~/.ssh/config} block (without an API client), the API (with one), else the web host on 22.
     */
    public SshEndpointSelection.Selected ssh(GitLabClient client) {
        InstanceUrl url = url();
        return SshEndpointSelection.select(sshHost, sshPort, site,
                () -> SshConfigBlock.aliasFor(home().resolve(".ssh").resolve("config"), url.toString()), client,
                url.host());
    }

    /** The product's key for an SSH host: {@code ~/.ssh/id_ed25519_<host>}, named after the SSH host, not the web host. */
    public Path defaultKeyFile(SshEndpoint endpoint) {
        return SshKeyFiles.defaultKeyFile(home(), endpoint.alias());
    }
}
