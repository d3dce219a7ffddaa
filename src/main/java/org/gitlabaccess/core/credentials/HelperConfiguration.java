package org.gitlabaccess.core.credentials;

import java.util.List;

/**
 * What configuring a helper for a host came to.
 *
 * @param key the key written, {@code credential.https://host.helper}
 * @param chain the helpers git now runs for the host
 * @param others helpers still in effect besides the one configured (set later in the configuration
 *               order, e.g. in a repository's {@code .git/config}); empty when ours is the only one
 */
public record HelperConfiguration(String key, HelperSpec spec, HelperChain chain, List<HelperEntry> others) {
    public boolean exclusive() {
        return others.isEmpty();
    }
}
