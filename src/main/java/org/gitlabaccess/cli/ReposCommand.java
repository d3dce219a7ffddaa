package org.gitlabaccess.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gitlab-access repos}: the local clones and their remotes. */
@Command(name = "repos", sortOptions = false,
        header = "Find local clones, classify their remotes, rewrite them to SSH or HTTPS, undo.",
        description = {"Finds every repository below your home (or the site's scanRoots, or DIR...), classifies "
                + "each remote for the GitLab host in use, and rewrites remotes with a journal that 'repos undo' reads."})
final class ReposCommand implements Callable<Integer> {
    /** Its commands, in the order help lists them; {@link Cli} adds them (only the ones a command line names). */
    static final List<Class<?>> COMMANDS = List.of(ReposScanCommand.class, ReposRewriteCommand.class,
            ReposUndoCommand.class, ReposCloneCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }
}
