package org.gitlabaccess.core.repos;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.gitlab.InstanceUrl;

/**
 * The GitLab instance the remotes are judged against, known offline: the web address (with any
 * relative root such as {@code /gitlab}) and the SSH host and port. Built from the options and the
 * site configuration, never by probing the network.
 */
public record GitLabTarget(String scheme, String webHost, int webPort, String relativeRoot, String sshHost,
                           int sshPort) {

    public GitLabTarget {
        webHost = webHost.toLowerCase(Locale.ROOT);
        sshHost = sshHost.toLowerCase(Locale.ROOT);
        relativeRoot = relativeRoot.replaceAll("/+$", "");
    }

    /** The web address taken as given (its path is the relative root); SSH host and port default to the web host and 22. */
    public static GitLabTarget of(String webAddress, Optional<String> sshHost, Optional<Integer> sshPort) {
        InstanceUrl url = InstanceUrl.parse(webAddress);
        String root = URI.create(url.toString()).getRawPath();
        return new GitLabTarget(url.scheme(), url.host(), url.port(), root == null ? "" : root,
                // Whatever the caller checked: only a host name or address and a port become part of a remote URL.
                NetworkNames.requireHost(sshHost.filter(h -> !h.isBlank()).orElse(url.host()), "the SSH host",
                        ProblemKind.USAGE),
                NetworkNames.requirePort(sshPort.orElse(22), "the SSH port", ProblemKind.USAGE));
    }

    public GitLabTarget withSsh(String host, int port) {
        return new GitLabTarget(scheme, webHost, webPort, relativeRoot,
                NetworkNames.requireHost(host, "the SSH host", ProblemKind.USAGE),
                NetworkNames.requirePort(port, "the SSH port", ProblemKind.USAGE));
    }

    /** {@code https://host[:port][/root]}, no trailing slash. */
    public String webBase() {
        boolean defaultPort = scheme.equals("https") && webPort == 443 || scheme.equals("http") && webPort == 80;
        return scheme + "://" + webHost + (defaultPort ? "" : ":" + webPort) + relativeRoot;
    }

    public String httpsUrl(String project) {
        return webBase() + "/" + project + ".git";
    }

    /** scp-like on port 22 (what GitLab shows); {@code ssh://} with the port otherwise, since scp-like cannot carry one. */
    public String sshUrl(String project) {
        return sshBase() + project + ".git";
    }

    /** What every SSH URL of this instance starts with: {@code git@host:} or {@code ssh://git@host:port/}. */
    public String sshBase() {
        return sshPort == 22 ? "git@" + sshHost + ":" : "ssh://git@" + sshHost + ":" + sshPort + "/";
    }
}
