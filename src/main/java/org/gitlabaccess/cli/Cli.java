package org.gitlabaccess.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.ssh.PreparedSshClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line: parse, call the core, render, and return the contract's exit code. */
public final class Cli {
    /** Created on first use: starting Logback costs start-up time that most commands never need. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    }
    private static final Map<Class<?>, List<Subcommand>> SUBCOMMANDS = Map.of(ReposCommand.class,
            ReposCommand.COMMANDS, SshKeyCommand.class, SshKeyCommand.COMMANDS);
    private static final List<String> TOKEN_OPTIONS = List.of("--token", "--private-token", "--password", "-t");

    static {
        // Picocli registers its converters for java.sql and java.time types by reflection, loading and
        // initialising each class and those its methods name, in every process. No option has such a
        // type (--expires-at is read as text and checked by the command).
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        // No class picocli creates here is a Groovy closure; unless told so, picocli looks for Groovy's
        // Closure class on the whole class path once per process.
        System.setProperty("picocli.disable.closures", "true");
    }

    private final CliContext ctx;
    private final CommandModels models;

    public Cli(CliContext ctx) {
        this(ctx, CommandModels.load());
    }

    /** With {@link CommandModels#NONE}, every command's model is read from its annotations (the tests' reference). */
    Cli(CliContext ctx, CommandModels models) {
        this.ctx = ctx;
        this.models = models;
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
                            ? "." : " or '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'."));
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
     * The command tree for these arguments. Each command's model costs start-up time, from its
     * annotations far more than from the build's recording ({@link CommandModels}); so only the
     * commands the arguments name are added, at both levels, and all of a level's when none of them
     * is named (suggestions, the wizard, the shell completions) or when help or the version is asked
     * for (a command's help lists its commands).
     */
    CommandLine commandLine(String... args) {
        List<String> words = Arrays.asList(args);
        boolean help = words.stream().anyMatch(w -> w.equals("-h") || w.equals("--help") || w.equals("-V")
                || w.equals("--version"));
        List<Subcommand> commands = named(RootCommand.COMMANDS, words, help);
        boolean httpsOnly = words.contains("--https") && !words.contains("--ssh");
        if (commands.size() == 1 && commands.get(0).type() == VerifyCommand.class && !help && !httpsOnly) {
            // Its SSH client is built on another core while picocli builds the models, a third of the
            // command's time before it can connect. (With --https alone, only SSH remotes of DIR...
            // would use it: those build it when they come.)
            PreparedSshClient.prepare();
        }
        CommandFactory factory = new CommandFactory(ctx);
        CommandLine cmd = commandLineOf(RootCommand.class, factory);
        for (Subcommand command : commands) {
            CommandLine sub = commandLineOf(command.type(), factory);
            for (Subcommand leaf : named(SUBCOMMANDS.getOrDefault(command.type(), List.of()), words, help)) {
                sub.addSubcommand(commandLineOf(leaf.type(), factory));
            }
            cmd.addSubcommand(sub);
        }
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** A command's model: recorded at build time if it was (CommandModels), else from its annotations. */
    private CommandLine commandLineOf(Class<?> type, CommandFactory factory) {
        try {
            return models.commandLine(factory.create(type), factory);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("Could not create " + type.getSimpleName() + ": " + e, e);
        }
    }

    /** The commands under a command; none for a command without its own. */
    static List<Subcommand> subcommandsOf(Class<?> command) {
        return SUBCOMMANDS.getOrDefault(command, List.of());
    }

    /** The commands the words name; all of them when none is named, or for help. */
    private static List<Subcommand> named(List<Subcommand> commands, List<String> words, boolean help) {
        List<Subcommand> named = commands.stream().filter(c -> words.contains(c.name())).toList();
        return named.isEmpty() || help ? commands : named;
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
