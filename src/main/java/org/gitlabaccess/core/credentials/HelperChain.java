package org.gitlabaccess.core.credentials;

import java.util.List;

/**
 * The credential helpers git consults for a host. Git collects every matching
 * {@code credential.helper} and {@code credential.<url>.helper} value in configuration order (system,
 * global, local, worktree, command line); an empty value forgets those before it. On {@code fill} it
 * asks them in order until one answers; on {@code approve} and {@code reject} it tells all of them.
 * So one plaintext helper in the effective list gets a copy of every token stored.
 *
 * @param configured every matching value, resets included, in git's order
 * @param effective the helpers git actually runs (after the last reset)
 */
public record HelperChain(GitHost host, List<HelperEntry> configured, List<HelperEntry> effective) {

    public static HelperChain of(GitHost host, List<HelperEntry> configured) {
        int start = 0;
        for (int i = 0; i < configured.size(); i++) {
            if (configured.get(i).kind() == HelperKind.RESET) {
                start = i + 1;
            }
        }
        return new HelperChain(host, List.copyOf(configured), List.copyOf(configured.subList(start, configured.size())));
    }

    public boolean isEmpty() {
        return effective.isEmpty();
    }

    /** True when a token stored now would end up somewhere unsafe or unknown. */
    public boolean leaksToPlaintextOrUnknown() {
        return effective.stream().anyMatch(e -> e.kind() == HelperKind.PLAINTEXT || e.kind() == HelperKind.UNKNOWN);
    }
}
