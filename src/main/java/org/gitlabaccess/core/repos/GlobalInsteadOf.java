package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * The alternative to editing every repository: one rule in the global git configuration,
 * {@code url."git@host:".insteadOf https://host/}, that makes git use SSH for every HTTPS URL of the
 * instance, clones made later included. URLs with embedded credentials do not start with the
 * plain prefix and so are not covered: they still need a per-repository rewrite.
 */
public final class GlobalInsteadOf {
    private final GitLabTarget target;

    public GlobalInsteadOf(GitLabTarget target) {
        this.target = target;
    }

    public String sshBase() {
        return target.sshBase();
    }

    public String httpsPrefix() {
        return target.webBase() + "/";
    }

    /** The edit adding the rule to {@code gitconfig}, or empty when the rule is already there. */
    public Optional<ConfigEdit> plan(Path gitconfig) {
        if (Files.exists(gitconfig)) {
            try {
                var config = GitConfigs.repository(gitconfig, null);
                if (Arrays.asList(config.getStringList("url", sshBase(), "insteadOf")).contains(httpsPrefix())) {
                    return Optional.empty();
                }
            } catch (IOException | ConfigInvalidException e) {
                throw ProblemException.of(ProblemKind.LOCAL_FILES, "gitconfig-unreadable",
                        Text.of("error.gitconfig-unreadable", gitconfig), Text.of("error.gitconfig-unreadable.hint"),
                        e);
            }
        }
        return Optional.of(new ConfigEdit(gitconfig, gitconfig, "url", sshBase(), "insteadOf", null, httpsPrefix(),
                null, false));
    }
}
