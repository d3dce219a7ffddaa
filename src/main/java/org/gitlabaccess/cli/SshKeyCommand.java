package org.gitlabaccess.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code gitlab-access ssh-key}: create, upload and configure the SSH key. */
@Command(name = "ssh-key", header = "Create, upload, configure and rotate an ed25519 SSH key for GitLab.",
        description = "Run 'gitlab-access ssh-key COMMAND --help' for each command.")
final class SshKeyCommand extends BaseCommand {
    /** Its commands, in the order help lists them; {@link Cli} adds them (only the ones a command line names). */
    static final List<Class<?>> COMMANDS = List.of(SshKeyCreateCommand.class, SshKeyUploadCommand.class,
            SshKeyConfigureCommand.class, SshKeyRotateCommand.class);

    SshKeyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.out());
        return ExitCodes.USAGE;
    }
}
