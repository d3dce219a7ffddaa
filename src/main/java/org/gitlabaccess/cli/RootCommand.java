package org.gitlabaccess.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/** {@code gitlab-access}: with no command, the wizard. */
@Command(name = "gitlab-access",
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Fixes Git access to GitLab: SSH keys or a stored token, rewritten remotes, verified access.",
        description = {"With no command, opens the wizard.",
                "A token is read from --token-file, --token-stdin or GITLAB_TOKEN, never from an argument."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 success, 1 a check or verification failed, 2 usage error,",
                "  3 authentication, 4 network or TLS, 5 local files."})
public final class RootCommand implements Callable<Integer> {
    /** The commands, in the order help lists them; {@link Cli} adds them (only the ones a command line names). */
    static final List<Subcommand> COMMANDS = List.of(new Subcommand(SetupCommand.NAME, SetupCommand.class),
            new Subcommand(DoctorCommand.NAME, DoctorCommand.class),
            new Subcommand(LoginCommand.NAME, LoginCommand.class),
            new Subcommand(SshKeyCommand.NAME, SshKeyCommand.class),
            new Subcommand(ReposCommand.NAME, ReposCommand.class),
            new Subcommand(VerifyCommand.NAME, VerifyCommand.class));

    private final CliContext ctx;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    public RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    public GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        return ctx.wizard().start(global);
    }
}
