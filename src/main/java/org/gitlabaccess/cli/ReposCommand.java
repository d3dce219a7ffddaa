package org.gitlabaccess.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gitlab-access repos}: the local clones and their remotes. */
@Command(name = ReposCommand.NAME, sortOptions = false,
        header = "Find local clones, classify their remotes, rewrite them to SSH or HTTPS, undo.",
        description = {"Finds every repository below your home (or the site's scanRoots, or DIR...), classifies "
                + "each remote for the GitLab host in use, and rewrites remotes with a journal that 'repos undo' reads."})
final class ReposCommand implements Callable<Integer> {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "repos";

    /** Its commands, in the order help lists them; {@link Cli} adds them (only the ones a command line names). */
    static final List<Subcommand> COMMANDS = List.of(new Subcommand(ReposScanCommand.NAME, ReposScanCommand.class),
            new Subcommand(ReposRewriteCommand.NAME, ReposRewriteCommand.class),
            new Subcommand(ReposUndoCommand.NAME, ReposUndoCommand.class),
            new Subcommand(ReposCloneCommand.NAME, ReposCloneCommand.class));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }
}
