package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The models CommandModels builds from the build's recording are the ones picocli makes from the
 * annotations: every attribute of every argument, in order, every command's usage help, and what
 * command lines parse to (or fail with).
 */
class CommandModelsTest {
    private final CliContext ctx = new CliContext(new Environment(Map.of(), new Properties()),
            new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), options -> 0, url -> false, Prompter.NONE);
    private final CommandFactory factory = new CommandFactory(ctx);
    private final CommandModels models = CommandModels.load();

    @Test
    void theBuildRecordedEveryCommandButThoseWithAnArgumentGroup() {
        List<String> missing = CommandModelWriter.commandTypes().stream().filter(t -> !models.has(t))
                .map(Class::getSimpleName).toList();
        assertThat(missing).containsExactlyInAnyOrder("SetupCommand", "LoginCommand");
        assertThat(models.size()).isEqualTo(CommandModelWriter.commandTypes().size() - 2);
    }

    @Test
    void everyRecordedCommandHasTheArgumentsItsAnnotationsGive() throws Exception {
        for (Class<?> type : CommandModelWriter.commandTypes()) {
            if (!models.has(type)) {
                continue;
            }
            CommandSpec annotated = new CommandLine(type, factory).getCommandSpec();
            Object command = factory.create(type);
            CommandSpec recorded = models.spec(command, factory);
            String what = type.getSimpleName();

            assertThat(recorded.name()).as(what).isEqualTo(annotated.name());
            assertThat(recorded.scopeType()).as(what).isEqualTo(annotated.scopeType());
            assertThat(classOf(recorded.versionProvider())).as(what).isEqualTo(classOf(annotated.versionProvider()));
            assertThat(usageAttributes(recorded)).as(what).isEqualTo(usageAttributes(annotated));
            assertThat(recorded.mixins().keySet()).as(what).containsExactlyElementsOf(annotated.mixins().keySet());
            annotated.mixins().forEach((name, mixin) -> assertThat(recorded.mixins().get(name).toString())
                    .as(what + " mixin " + name).isEqualTo(mixin.toString()));
            assertThat(recorded.args()).as(what).hasSameSizeAs(annotated.args());
            for (int i = 0; i < annotated.args().size(); i++) {
                ArgSpec a = annotated.args().get(i);
                ArgSpec r = recorded.args().get(i);
                assertThat(attributes(r)).as(what + " " + a).isEqualTo(attributes(a));
                assertThat(typeInfo(r.typeInfo())).as(what + " " + a).isEqualTo(typeInfo(a.typeInfo()));
            }
            if (command instanceof BaseCommand base) {
                assertThat(base.spec).as(what + ": its @Spec field").isSameAs(recorded);
            }
        }
    }

    @Test
    void everyCommandsUsageHelpIsTheSame() {
        Map<String, String> annotated = usages(new Cli(ctx, CommandModels.NONE).commandLine());
        Map<String, String> recorded = usages(new Cli(ctx, models).commandLine());
        assertThat(recorded.keySet()).containsExactlyElementsOf(annotated.keySet());
        assertThat(recorded).hasSize(CommandModelWriter.commandTypes().size());
        recorded.forEach((name, usage) -> assertThat(usage).as(name).isEqualTo(annotated.get(name)));
    }

    @Test
    void commandLinesParseTheSameOrFailTheSame() {
        List<String[]> lines = List.of(
                new String[] {"--version"},
                new String[] {"--host", "https://gitlab.example", "--json", "repos", "scan", "/a", "/b"},
                new String[] {"repos", "--verbose", "scan", "--ssh-port", "2222", "--ssh-host", "ssh.example"},
                new String[] {"repos", "rewrite", "--help"},
                new String[] {"repos", "scan", "--ssh-port", "0"},
                new String[] {"repos", "scan", "--ssh-host", "-bad"},
                new String[] {"repos", "scan", "--no-such-option"},
                new String[] {"verify", "--ssh", "--https", "--ca-file", "/ca.pem", "--yes"},
                new String[] {"verify", "--key-passphrase-file"},
                new String[] {"doctor", "--token-file", "/t", "--token-stdin"},
                new String[] {"ssh-key", "rotate", "--file", "/k", "--expires-at", "2027-01-01"},
                new String[] {"ssh-key", "upload", "--title", "laptop", "-h"},
                new String[] {"ssh-key", "configure", "--file"},
                new String[] {"repos", "undo", "--json"},
                new String[] {"repos", "clone", "group/project", "--to", "ssh"},
                new String[] {"login", "--web", "--method", "ssh"},
                new String[] {"setup", "--method", "https", "--scan", "/src"});
        for (String[] line : lines) {
            assertThat(parse(new Cli(ctx, models), line)).as(String.join(" ", line))
                    .isEqualTo(parse(new Cli(ctx, CommandModels.NONE), line));
        }
    }

    @Test
    void aRecordingOfAnotherFormatOrAnUnreadableOneIsNotUsed() {
        assertThat(CommandModels.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 99})).size()).isZero();
        assertThat(CommandModels.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0, 0, 5})).size()).isZero();
        assertThat(CommandModels.read(null).size()).isZero();
    }

    @Test
    void aRecordingThatNoLongerFitsTheClassesFallsBackToTheAnnotations() throws Exception {
        byte[] recording = CommandModelWriter.record();
        String stale = new String(recording, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("scanDirectories", "scanDirectorieZ");
        CommandModels broken = CommandModels.read(new ByteArrayInputStream(
                stale.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        ReposScanCommand command = new ReposScanCommand(ctx);
        assertThatThrownBy(() -> broken.spec(command, factory)).isInstanceOf(NoSuchFieldException.class);
        CommandLine fallback = broken.commandLine(new ReposScanCommand(ctx), factory);
        assertThat(fallback.getCommandSpec().positionalParameters()).hasSize(1);
        assertThat(fallback.getCommandSpec().mixins()).containsKey("scanDirectories");
    }

    @Test
    void aClassWithAFieldMoreOrLessHasAnotherFingerprint() {
        assertThat(CommandModels.fieldsFingerprint(TwoFields.class))
                .isEqualTo(CommandModels.fieldsFingerprint(TwoFieldsReordered.class))
                .isNotEqualTo(CommandModels.fieldsFingerprint(ThreeFields.class))
                .isNotEqualTo(CommandModels.fieldsFingerprint(TwoFieldsRetyped.class));
    }

    @SuppressWarnings("unused")
    private static final class TwoFields {
        String host;
        boolean json;
    }

    @SuppressWarnings("unused")
    private static final class TwoFieldsReordered {
        boolean json;
        String host;
    }

    @SuppressWarnings("unused")
    private static final class ThreeFields {
        String host;
        boolean json;
        boolean yes;
    }

    @SuppressWarnings("unused")
    private static final class TwoFieldsRetyped {
        String host;
        Boolean json;
    }

    /** What a command line parses to: every command's matched arguments and their values, or the error. */
    private static List<String> parse(Cli cli, String[] line) {
        List<String> result = new ArrayList<>();
        try {
            ParseResult parsed = cli.commandLine(line).parseArgs(line);
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                result.add(p.commandSpec().qualifiedName());
                for (OptionSpec o : p.matchedOptions()) {
                    result.add(o.longestName() + "=" + String.valueOf((Object) o.getValue()));
                }
                for (PositionalParamSpec pp : p.matchedPositionals()) {
                    result.add(pp.paramLabel() + "=" + String.valueOf((Object) pp.getValue()));
                }
                result.add("help=" + p.isUsageHelpRequested() + ",version=" + p.isVersionHelpRequested());
            }
        } catch (CommandLine.ParameterException e) {
            result.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return result;
    }

    private static Map<String, String> usages(CommandLine root) {
        Map<String, String> usages = new LinkedHashMap<>();
        collect(root, usages);
        return usages;
    }

    private static void collect(CommandLine cmd, Map<String, String> into) {
        into.put(cmd.getCommandSpec().qualifiedName(), cmd.getUsageMessage(CommandLine.Help.Ansi.OFF));
        cmd.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    private static Object classOf(Object o) {
        return o == null ? null : o.getClass();
    }

    private static List<Object> usageAttributes(CommandSpec spec) {
        var u = spec.usageMessage();
        return List.of(List.of(u.header()), List.of(u.description()), List.of(u.footer()), u.footerHeading(),
                u.sortOptions(), u.autoWidth(), u.headerHeading(), u.synopsisHeading(), u.descriptionHeading(),
                u.optionListHeading(), u.parameterListHeading(), u.commandListHeading(), u.abbreviateSynopsis(),
                u.showDefaultValues(), u.hidden(), String.valueOf(u.requiredOptionMarker()));
    }

    /**
     * Every attribute picocli's builder of the argument has, by its public getters (so one picocli
     * adds is compared too), but the bindings, which are the replay's own by design.
     */
    private static Map<String, Object> attributes(ArgSpec arg) throws Exception {
        Object builder = arg instanceof OptionSpec o ? o.toBuilder() : ((PositionalParamSpec) arg).toBuilder();
        Map<String, Object> values = new LinkedHashMap<>();
        List<Method> getters = Arrays.stream(builder.getClass().getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass().getName().startsWith("picocli."))
                .filter(m -> !List.of("getter", "setter", "scope", "build", "typeInfo", "toString", "hashCode")
                        .contains(m.getName()))
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
        for (Method m : getters) {
            m.setAccessible(true);
            values.put(m.getName(), comparable(m.invoke(builder)));
        }
        values.put("toString", arg.toString());
        values.put("hasInitialValue", arg.hasInitialValue());
        values.put("initialValue", comparable(arg.initialValue()));
        return values;
    }

    private static Object comparable(Object value) {
        if (value instanceof Object[] a) {
            return Arrays.stream(a).map(CommandModelsTest::comparable).toList();
        }
        if (value instanceof ArgSpec a) { // root: the argument itself, whose equality includes its command
            return "argument " + a;
        }
        if (value instanceof CommandLine.ITypeConverter<?> c) {
            return c.getClass();
        }
        if (value instanceof CommandLine.Range r) {
            return r + (r.isUnspecified() ? " (unspecified)" : "");
        }
        if (value instanceof Iterable<?> i && !(value instanceof List<?>)) {
            List<Object> list = new ArrayList<>();
            i.forEach(list::add);
            return list;
        }
        return value;
    }

    /** The type as picocli sees it (not the generic arguments' names, which only @Unmatched reads). */
    private static String typeInfo(ITypeInfo t) {
        return t.getClassName() + " " + Arrays.stream(t.getAuxiliaryTypes()).map(Class::getName)
                .collect(Collectors.joining(",")) + " multi=" + t.isMultiValue() + " boolean=" + t.isBoolean()
                + " enum=" + t.isEnum() + " " + t.getEnumConstantNames() + " optional=" + t.isOptional();
    }
}
