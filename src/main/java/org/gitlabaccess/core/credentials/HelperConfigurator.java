package org.gitlabaccess.core.credentials;

import java.util.List;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.repos.GitConfigFileUpdate;

/**
 * Configures a credential helper for the GitLab host only, in the user's global git configuration,
 * as {@code credential.https://host.helper}: other hosts keep whatever the user chose for them.
 *
 * <p>The helper is preceded by an empty value. Git hands a new credential to every helper in
 * effect, so without the reset a generic {@code credential.helper=store} inherited from the system
 * or global file would receive a plain-text copy of the token next to the secure one. The section
 * is (re)written at the end of the global file, so generic helpers earlier in the file are reset
 * too; helpers configured later in git's order (a repository's own configuration) still apply and
 * are reported in {@link HelperConfiguration#others()}. The file is edited in-process
 * ({@link GitConfigFileUpdate}): only these lines change, and mode, owner and link stay.
 */
public final class HelperConfigurator {
    private final GitCommand git;
    private final CredentialHelperDetector detector;
    private final GitConfigFileUpdate config;

    public HelperConfigurator(GitCommand git) {
        this(git, new AtomicFile());
    }

    public HelperConfigurator(GitCommand git, AtomicFile atomic) {
        this.git = git;
        this.detector = new CredentialHelperDetector(git);
        this.config = new GitConfigFileUpdate(atomic);
    }

    public HelperConfiguration configure(GitHost host, HelperSpec spec) {
        String subsection = host.baseUrl();
        String key = "credential." + subsection + ".helper";
        config.apply(GitConfigFileUpdate.globalFile(git.environment()), c -> {
            List<String[]> existing = c.entriesOf("credential", subsection);
            if (!existing.isEmpty() && existing.stream().allMatch(e -> e[0].equalsIgnoreCase("helper"))) {
                // Nothing else of the user's in the section: move it to the end of the file.
                c.removeSection("credential", subsection);
            } else {
                c.remove("credential", subsection, "helper", null);
            }
            c.add("credential", subsection, "helper", "");
            c.add("credential", subsection, "helper", spec.configValue());
        });
        HelperChain chain = detector.detect(host);
        List<HelperEntry> others = chain.effective().stream()
                .filter(e -> !(e.scope().equals("global") && e.command().equals(spec.configValue())
                        && e.key().equalsIgnoreCase(key)))
                .toList();
        return new HelperConfiguration(key, spec, chain, others);
    }

    /** Removes the helper configuration for the host (the reset and the helper). */
    public void remove(GitHost host) {
        config.apply(GitConfigFileUpdate.globalFile(git.environment()),
                c -> c.remove("credential", host.baseUrl(), "helper", null));
    }
}
