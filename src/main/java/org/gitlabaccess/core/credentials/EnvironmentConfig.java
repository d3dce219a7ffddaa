package org.gitlabaccess.core.credentials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Git configuration for one command given through the environment instead of {@code git -c}: the
 * arguments of a process are visible to every local user, its environment only to its owner.
 * {@code GIT_CONFIG_COUNT} and its pairs from git 2.31 on; the older {@code GIT_CONFIG_PARAMETERS}
 * (what {@code -c} itself sets for git's children) before that.
 */
final class EnvironmentConfig {
    static final GitVersion COUNT_SINCE = new GitVersion(2, 31, 0);

    private EnvironmentConfig() {
    }

    static Map<String, String> of(List<Map.Entry<String, String>> entries, GitVersion git) {
        Map<String, String> env = new HashMap<>();
        if (git.isAtLeast(COUNT_SINCE)) {
            env.put("GIT_CONFIG_COUNT", Integer.toString(entries.size()));
            for (int i = 0; i < entries.size(); i++) {
                env.put("GIT_CONFIG_KEY_" + i, entries.get(i).getKey());
                env.put("GIT_CONFIG_VALUE_" + i, entries.get(i).getValue());
            }
            return env;
        }
        StringBuilder parameters = new StringBuilder();
        for (Map.Entry<String, String> e : entries) {
            if (parameters.length() > 0) {
                parameters.append(' ');
            }
            parameters.append(singleQuoted(e.getKey())).append('=').append(singleQuoted(e.getValue()));
        }
        env.put("GIT_CONFIG_PARAMETERS", parameters.toString());
        return env;
    }

    /** Git's own shell quoting ({@code sq_quote}): a quote becomes {@code '\''}. */
    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
