package org.gitlabaccess.core.credentials;

import java.util.Objects;

/**
 * The attributes git's credential protocol identifies a credential by. The password is never part
 * of it: it is handed separately, as a {@link org.gitlabaccess.core.io.Secret}.
 *
 * @param host {@code host} or {@code host:port} (the port only when it is not the default)
 * @param path the repository path, only for helpers configured with {@code credential.useHttpPath}; null otherwise
 * @param username null to mean "any user" (for {@code reject}: every credential for the host)
 */
public record CredentialRequest(String protocol, String host, String path, String username) {
    public CredentialRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        for (String v : new String[] {protocol, host, path, username}) {
            if (v != null && (v.indexOf('\n') >= 0 || v.indexOf('\0') >= 0)) {
                throw new IllegalArgumentException("credential attributes cannot contain a newline");
            }
        }
    }

    public static CredentialRequest forHost(GitHost host) {
        return new CredentialRequest(host.scheme(), host.hostAndPort(), null, null);
    }

    public CredentialRequest withUsername(String name) {
        return new CredentialRequest(protocol, host, path, name);
    }

    /** The key=value lines git reads, without the terminating blank line. */
    String lines() {
        StringBuilder sb = new StringBuilder();
        sb.append("protocol=").append(protocol).append('\n');
        sb.append("host=").append(host).append('\n');
        if (path != null && !path.isEmpty()) {
            sb.append("path=").append(path).append('\n');
        }
        if (username != null) {
            sb.append("username=").append(username).append('\n');
        }
        return sb.toString();
    }
}
