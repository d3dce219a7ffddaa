package org.gitlabaccess.cli;

import picocli.CommandLine.Command;

/** {@code gitlab-access ssh-key}: create, upload and configure the SSH key. */
@Command(name = "ssh-key", header = "Create, upload, configure and rotate an ed25519 SSH key for GitLab.",
        subcommands = {SshKeyCreateCommand.class, SshKeyUploadCommand.class, SshKeyConfigureCommand.class,
            SshKeyRotateCommand.class},
        description = "Run 'gitlab-access ssh-key COMMAND --help' for each command.")
final class SshKeyCommand extends BaseCommand {
    SshKeyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.out());
        return ExitCodes.USAGE;
    }
}
