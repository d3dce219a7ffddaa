package org.gitlabaccess.core.credentials;

import java.util.List;

/**
 * Configures a credential helper for the GitLab host only, in the user's global git configuration,
 * as {@code credential.https://host.helper}: other hosts keep whatever the user chose for them.
 *
 * <p>The helper is preceded by an empty value. Git hands a new credential to every helper in
 * effect, so without the reset a generic {@code credential.helper=store} inherited from the system
 * or global file would receive a plain-text copy of the token next to the secure one. The section
 * is (re)written at the end of the global file, so generic helpers earlier in the file are reset
 * too; helpers configured later in git's order (a repository's own configuration) still apply and
 * are reported in {@link HelperConfiguration#others()}.
 */
public final class HelperConfigurator {
    private final GitCommand git;
    private final CredentialHelperDetector detector;

    public HelperConfigurator(GitCommand git) {
        this.git = git;
        this.detector = new CredentialHelperDetector(git);
    }

    public HelperConfiguration configure(GitHost host, HelperSpec spec) {
        String section = "credential." + host.baseUrl();
        String key = section + ".helper";
        GitCommand.Result existing = git.run(null, List.of("config", "--global", "--get-regexp",
                "^" + ereQuote(section) + "\\."));
        boolean onlyHelpers = existing.ok() && existing.stdout().lines()
                .allMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith(key.toLowerCase(java.util.Locale.ROOT)));
        if (onlyHelpers) {
            // Nothing else of the user's in the section: move it to the end of the file.
            git.run(null, List.of("config", "--global", "--remove-section", section));
        } else if (existing.ok()) {
            git.run(null, List.of("config", "--global", "--unset-all", key));
        }
        add(key, "");
        add(key, spec.configValue());
        HelperChain chain = detector.detect(host);
        List<HelperEntry> others = chain.effective().stream()
                .filter(e -> !(e.scope().equals("global") && e.command().equals(spec.configValue())
                        && e.key().equalsIgnoreCase(key)))
                .toList();
        return new HelperConfiguration(key, spec, chain, others);
    }

    /** Removes the helper configuration for the host (the reset and the helper). */
    public void remove(GitHost host) {
        git.run(null, List.of("config", "--global", "--unset-all", "credential." + host.baseUrl() + ".helper"));
    }

    /** Quotes text for the POSIX extended regular expressions git config matches keys with. */
    static String ereQuote(String text) {
        return text.replaceAll("([.\\[\\]{}()*+?^$|\\\\])", "\\\\$1");
    }

    private void add(String key, String value) {
        GitCommand.Result r = git.run(null, List.of("config", "--global", "--add", key, value));
        if (!r.ok()) {
            throw new org.gitlabaccess.core.ProblemException(org.gitlabaccess.core.ProblemKind.LOCAL_FILES,
                    "git-config-failed", "Git could not change the global configuration (" + r.stderr().strip() + ").",
                    "Check that ~/.gitconfig is writable and not locked by another git command, then try again.");
        }
    }
}
