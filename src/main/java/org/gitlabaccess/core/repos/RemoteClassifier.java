package org.gitlabaccess.core.repos;

/**
 * Says what a remote URL is for the instance in use: plain HTTPS, HTTPS with credentials inside,
 * SSH (after resolving {@code ~/.ssh/config} aliases), or another host (anything else, local paths
 * included). Also finds the project path, which a rewrite keeps.
 */
public final class RemoteClassifier {
    private final GitLabTarget target;
    private final SshAliases aliases;

    public RemoteClassifier(GitLabTarget target, SshAliases aliases) {
        this.target = target;
        this.aliases = aliases;
    }

    public GitLabTarget target() {
        return target;
    }

    /** The verdict on one URL: kind, the host it really reaches, and the project path (empty when not a project). */
    public record Verdict(RemoteKind kind, String host, String project) {
    }

    public Verdict classify(GitUrl url) {
        if (url.isHttp()) {
            boolean sameHost = url.host().equals(target.webHost())
                    && (url.port() == -1 || url.port() == target.webPort());
            if (!sameHost) {
                return new Verdict(RemoteKind.OTHER_HOST, url.host(), "");
            }
            String path = url.path().replaceFirst("[?#].*$", "");
            if (!target.relativeRoot().isEmpty() && path.startsWith(target.relativeRoot() + "/")) {
                path = path.substring(target.relativeRoot().length());
            }
            RemoteKind kind = url.hasEmbeddedCredentials() ? RemoteKind.HTTPS_EMBEDDED_CREDENTIALS : RemoteKind.HTTPS;
            return new Verdict(kind, url.host(), project(path));
        }
        if (url.isSsh()) {
            String real = aliases.resolve(url.host());
            boolean ours = real.equals(target.sshHost()) || real.equals(target.webHost());
            return ours ? new Verdict(RemoteKind.SSH, real, project(url.path()))
                    : new Verdict(RemoteKind.OTHER_HOST, real, "");
        }
        return new Verdict(RemoteKind.OTHER_HOST, url.host(), "");
    }

    /** {@code /group/sub/app.git/} → {@code group/sub/app}; a path that names no project gives "". */
    static String project(String path) {
        String p = path.strip();
        while (p.startsWith("/") || p.startsWith("~")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        return p.contains("/") && !p.contains("/-/") && !p.contains("..") ? p : "";
    }
}
