package org.gitlabaccess.core.gitlab;

import org.gitlabaccess.core.NetworkNames;

/**
 * Which SSH host the API may name for an instance without the user confirming it: the instance's
 * own host, a host under it ({@code ssh.gitlab.example.com} for {@code gitlab.example.com}), or a
 * sibling under the instance's parent domain ({@code gitlab-ssh.example.com}). The parent is the
 * instance host without its first label, and counts only when it has at least two labels and does
 * not look like a public suffix of the {@code co.uk} kind (a label of two or three letters before a
 * two-letter country code): {@code gitlab.com} allows {@code altssh.gitlab.com} but not
 * {@code evil.com}. IP addresses allow only themselves. No public-suffix list is consulted.
 */
public final class SshHostPolicy {
    private SshHostPolicy() {
    }

    public static boolean belongsTo(String sshHost, String instanceHost) {
        String ssh = NetworkNames.host(sshHost).orElse(null);
        String web = NetworkNames.host(instanceHost).orElse(null);
        if (ssh == null || web == null) {
            return false;
        }
        if (ssh.equals(web)) {
            return true;
        }
        if (isAddress(ssh) || isAddress(web)) {
            return false;
        }
        if (ssh.endsWith("." + web)) {
            return true;
        }
        int dot = web.indexOf('.');
        String parent = dot < 0 ? "" : web.substring(dot + 1);
        String[] labels = parent.split("\\.");
        if (parent.isEmpty() || labels.length < 2 || looksLikePublicSuffix(labels)) {
            return false;
        }
        return ssh.endsWith("." + parent);
    }

    private static boolean looksLikePublicSuffix(String[] labels) {
        return labels.length == 2 && labels[1].length() == 2 && labels[0].length() <= 3;
    }

    private static boolean isAddress(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
