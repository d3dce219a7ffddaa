package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the credential helpers in effect for a host from git's own view of its configuration
 * ({@code git config --show-scope --show-origin --get-regexp}), so includes, {@code XDG_CONFIG_HOME},
 * {@code GIT_CONFIG_GLOBAL} and the system file count exactly as they do for git. (Git 2.39's
 * {@code --get-urlmatch} reports only one value and no origin, so the URL matching is done here.)
 */
public final class CredentialHelperDetector {
    private final GitCommand git;

    public CredentialHelperDetector(GitCommand git) {
        this.git = git;
    }

    /** The helpers for the host, as git sees them from the home directory (no repository config). */
    public HelperChain detect(GitHost host) {
        return detect(host, null, null);
    }

    /**
     * @param workDir a repository whose local configuration counts too, or null
     * @param username the user name a request would carry (for {@code credential.https://user@host} keys), or null
     */
    public HelperChain detect(GitHost host, Path workDir, String username) {
        GitCommand.Result r = git.run(workDir, List.of("config", "--show-scope", "--show-origin", "-z",
                "--get-regexp", "^credential\\..*helper$"));
        // Exit 1: no such key at all.
        List<HelperEntry> entries = new ArrayList<>();
        if (!r.ok()) {
            return HelperChain.of(host, entries);
        }
        HelperClassifier classifier = new HelperClassifier(git.home());
        String[] parts = r.stdout().split("\0", -1);
        for (int i = 0; i + 2 < parts.length; i += 3) {
            String scope = parts[i];
            String origin = parts[i + 1];
            String keyAndValue = parts[i + 2];
            int nl = keyAndValue.indexOf('\n');
            String key = nl < 0 ? keyAndValue : keyAndValue.substring(0, nl);
            String value = nl < 0 ? "" : keyAndValue.substring(nl + 1);
            if (applies(key, host, username)) {
                entries.add(classifier.classify(scope, origin, key, value));
            }
        }
        return HelperChain.of(host, entries);
    }

    static boolean applies(String key, GitHost host, String username) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.equals("credential.helper")) {
            return true;
        }
        if (!lower.startsWith("credential.") || !lower.endsWith(".helper")) {
            return false;
        }
        String url = key.substring("credential.".length(), key.length() - ".helper".length());
        return ConfigUrlMatch.matches(url, host, username);
    }
}
