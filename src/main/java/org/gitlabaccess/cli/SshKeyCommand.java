package org.gitlabaccess.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code gitlab-access ssh-key}: create, upload and configure the SSH key. */
@Command(name = SshKeyCommand.NAME, header = "Create, upload, configure and rotate an ed25519 SSH key for GitLab.",
        description = "Run 'gitlab-access ssh-key COMMAND --help' for each command.")
final class SshKeyCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "ssh-key";

    /** Its commands, in the order help lists them; {@link Cli} adds them (only the ones a command line names). */
    static final List<Subcommand> COMMANDS = List.of(new Subcommand(SshKeyCreateCommand.NAME, SshKeyCreateCommand.class),
            new Subcommand(SshKeyUploadCommand.NAME, SshKeyUploadCommand.class),
            new Subcommand(SshKeyConfigureCommand.NAME, SshKeyConfigureCommand.class),
            new Subcommand(SshKeyRotateCommand.NAME, SshKeyRotateCommand.class));

    SshKeyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.out());
        return ExitCodes.USAGE;
    }
}
