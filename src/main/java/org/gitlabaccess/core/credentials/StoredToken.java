package org.gitlabaccess.core.credentials;

import java.util.List;

/**
 * What storing a token for git came to.
 *
 * @param verified git's {@code fill} now returns exactly this token for the host
 * @param helpers the helpers that received it
 * @param warnings what the user should know (an unknown helper got a copy, say)
 */
public record StoredToken(GitHost host, String username, boolean verified, List<HelperEntry> helpers,
                          List<String> warnings) {
}
