package org.gitlabaccess.cli;

import java.util.Arrays;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line: parse, call the core, render, and return the contract's exit code. */
public final class Cli {
    /** Created on first use: starting Logback costs start-up time that most commands never need. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    }
    private static final List<String> TOKEN_OPTIONS = List.of("--token", "--private-token", "--password", "-t");

    private final CliContext ctx;

    public Cli(CliContext ctx) {
        this.ctx = ctx;
    }

    public int run(String... args) {
        boolean json = Arrays.asList(args).contains("--json");
        int refused = refuseSecretsInArguments(args, json);
        if (refused != ExitCodes.OK) {
            return refused;
        }
        CommandLine cmd = commandLine(args);
        cmd.setParameterExceptionHandler((ex, a) -> {
            ErrorRenderer.render(ctx, json, ExitCodes.USAGE, "usage", ex.getMessage(),
                    "See 'gitlab-access --help'" + (ex.getCommandLine().getParent() == null
                            ? "." : " or 'gitlab-access " + ex.getCommandLine().getCommandName() + " --help'."));
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, json));
        try {
            return cmd.execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /**
     * The command tree for these arguments. Picocli builds a command's model by reflection when it is
     * added, which for the whole tree is about a sixth of a second of start-up; so only the commands
     * the arguments name are added, and all of them when none is named (suggestions, the wizard) or
     * when help or the version is asked for (the root's help lists every command).
     */
    CommandLine commandLine(String... args) {
        CommandFactory factory = new CommandFactory(ctx);
        CommandLine cmd = new CommandLine(new RootCommand(ctx), factory);
        List<String> words = Arrays.asList(args);
        List<Class<?>> named = RootCommand.COMMANDS.stream()
                .filter(c -> words.contains(c.getAnnotation(CommandLine.Command.class).name())).toList();
        boolean help = words.stream().anyMatch(w -> w.equals("-h") || w.equals("--help") || w.equals("-V")
                || w.equals("--version"));
        for (Class<?> command : named.isEmpty() || help ? RootCommand.COMMANDS : named) {
            cmd.addSubcommand(new CommandLine(command, factory));
        }
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    private int handle(Exception ex, boolean json) {
        if (ex instanceof ProblemException p) {
            Log.LOG.info("{}: {}", p.reason(), p.getMessage());
            int code = ExitCodes.of(p.kind());
            ErrorRenderer.render(ctx, json, code, p.reason(), p.getMessage(), p.hint());
            return code;
        }
        Log.LOG.error("Unexpected failure: {}", Redactor.describe(ex), ex);
        ErrorRenderer.render(ctx, json, ExitCodes.CHECK_FAILED, "internal-error",
                "Something unexpected went wrong: " + Redactor.describe(ex).lines().findFirst().orElse(""),
                "Run again with --verbose; the log in the state directory has the details. Please report it.");
        return ExitCodes.CHECK_FAILED;
    }

    /**
     * A token typed on the command line is visible to every user of the machine (ps, /proc) and
     * lands in shell history: refuse it before picocli echoes it back in an error.
     */
    private int refuseSecretsInArguments(String[] args, boolean json) {
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean tokenOption = TOKEN_OPTIONS.contains(name);
            boolean tokenValue = !Redactor.redact(arg).equals(arg) && !arg.startsWith("--");
            if (tokenOption || tokenValue) {
                ErrorRenderer.render(ctx, json, ExitCodes.USAGE, "token-in-arguments",
                        "Tokens are never accepted as command-line arguments: every user of this machine "
                                + "can read them, and your shell keeps them in its history.",
                        "Use --token-file FILE, --token-stdin, or the GITLAB_TOKEN environment variable"
                                + (tokenValue ? "; a token already typed here should be revoked and replaced." : "."));
                return ExitCodes.USAGE;
            }
        }
        return ExitCodes.OK;
    }
}
