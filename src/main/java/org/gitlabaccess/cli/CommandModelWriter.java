package org.gitlabaccess.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.gitlabaccess.core.io.Environment;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Build-time only (the pom runs it after compiling): records what picocli makes of every command's
 * annotations into {@link CommandModels#RESOURCE}, which {@link CommandModels} replays at run time.
 * Each command's model is taken as {@link Cli} builds it, on its own, before it joins its parent.
 * What the replay cannot rebuild is refused here, loudly, rather than recorded wrong: a
 * {@code @Command} attribute it does not set, a method or argument group carrying options, a
 * parameter consumer. A command with an argument group is left out (it keeps its annotations).
 */
public final class CommandModelWriter {
    /** The {@code @Command} attributes the replay sets; any other must keep its default. */
    private static final Set<String> COMMAND_ATTRIBUTES = Set.of("name", "header", "description", "footer",
            "footerHeading", "sortOptions", "usageHelpAutoWidth", "scope", "versionProvider");

    private CommandModelWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0], CommandModels.class.getPackageName().replace('.', '/'), CommandModels.RESOURCE);
        byte[] recording = record();
        Files.createDirectories(out.getParent());
        Files.write(out, recording);
        System.out.println("command models: " + CommandModels.read(new ByteArrayInputStream(recording)).size()
                + " commands recorded in " + out);
    }

    /** Every command of the tree, in the order help lists them: the root, then each command and its own. */
    static List<Class<?>> commandTypes() {
        List<Class<?>> types = new ArrayList<>();
        types.add(RootCommand.class);
        for (Subcommand command : RootCommand.COMMANDS) {
            types.add(command.type());
            for (Subcommand leaf : Cli.subcommandsOf(command.type())) {
                types.add(leaf.type());
            }
        }
        return types;
    }

    static byte[] record() throws IOException {
        Environment env = new Environment(Map.of(), new Properties());
        CliContext ctx = new CliContext(env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                options -> 0, url -> false, Prompter.NONE);
        CommandFactory factory = new CommandFactory(ctx);
        List<Class<?>> recorded = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(bytes);
        for (Class<?> type : commandTypes()) {
            CommandSpec spec = new CommandLine(type, factory).getCommandSpec();
            if (hasArgGroup(spec)) {
                continue; // picocli builds group instances itself: left to the annotations
            }
            writeCommand(body, type, spec);
            recorded.add(type);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(all);
        out.writeInt(CommandModels.FORMAT);
        out.writeInt(recorded.size());
        out.write(bytes.toByteArray());
        out.flush();
        return all.toByteArray();
    }

    private static boolean hasArgGroup(CommandSpec spec) {
        return !spec.argGroups().isEmpty() || spec.mixins().values().stream().anyMatch(m -> !m.argGroups().isEmpty());
    }

    private static void writeCommand(DataOutputStream out, Class<?> type, CommandSpec spec) throws IOException {
        out.writeUTF(type.getName());
        out.writeUTF(spec.name());
        writeValues(out, commandAttributes(type));
        // The fields of every class the model binds, to tell a recording older than the classes.
        List<Class<?>> bound = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            bound.add(c);
        }
        spec.mixins().values().forEach(m -> bound.add(m.userObject().getClass()));
        out.writeInt(bound.size());
        for (Class<?> c : bound) {
            out.writeUTF(c.getName());
            out.writeInt(CommandModels.fieldsFingerprint(c));
        }
        List<Field> specFields = annotatedFields(type, Spec.class);
        out.writeInt(specFields.size());
        for (Field f : specFields) {
            out.writeUTF(f.getDeclaringClass().getName());
            out.writeUTF(f.getName());
        }
        refuseUnsupported(type, false);

        // The arguments in the order picocli added them: a mixin's together, where it was added.
        Map<ArgSpec, String> mixinOf = new IdentityHashMap<>();
        spec.mixins().forEach((name, mixin) -> {
            refuseUnsupported(mixin.userObject().getClass(), true);
            mixin.args().forEach(arg -> mixinOf.put(arg, name));
        });
        List<Object> items = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            String mixin = mixinOf.get(arg);
            if (mixin == null) {
                items.add(arg);
            } else if (!items.contains(mixin)) {
                items.add(mixin);
            }
        }
        out.writeInt(items.size());
        for (Object item : items) {
            if (item instanceof ArgSpec arg) {
                out.writeByte(CommandModels.ARG);
                writeArg(out, arg);
            } else {
                String name = (String) item;
                Field field = mixinField(type, name);
                CommandSpec mixin = spec.mixins().get(name);
                out.writeByte(CommandModels.MIXIN);
                out.writeUTF(field.getDeclaringClass().getName());
                out.writeUTF(field.getName());
                out.writeUTF(mixin.toString());
                out.writeInt(mixin.args().size());
                for (ArgSpec arg : mixin.args()) {
                    writeArg(out, arg);
                }
            }
        }
    }

    /** The {@code @Command} attributes that differ from their defaults; refused if the replay does not set them. */
    private static Map<String, Object> commandAttributes(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Command.class)) {
                throw new IllegalStateException(c + " has @Command: CommandModels replays the command's own only");
            }
        }
        Command command = type.getAnnotation(Command.class);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method m : Command.class.getDeclaredMethods()) { // every attribute, in no particular order
            Object value = invoke(m, command);
            if (equal(value, m.getDefaultValue())) {
                continue;
            }
            if (!COMMAND_ATTRIBUTES.contains(m.getName())) {
                throw new IllegalStateException(type.getSimpleName() + " sets @Command(" + m.getName()
                        + "), which CommandModels does not replay: teach it, or the command keeps its annotations");
            }
            if (!m.getName().equals("name")) { // written on its own
                values.put(m.getName(), value instanceof Class<?> c ? c.getName() : value);
            }
        }
        return new TreeMap<>(values);
    }

    private static Object invoke(Method m, Annotation a) {
        try {
            return m.invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equal(Object a, Object b) {
        return a instanceof Object[] x && b instanceof Object[] y ? Arrays.equals(x, y) : a.equals(b);
    }

    /**
     * Options and parameters on methods, parent commands, unmatched arguments, and a mixin's own
     * {@code @Command}, {@code @Spec} or mixins are not replayed (a command's {@code @Spec} fields are).
     */
    private static void refuseUnsupported(Class<?> type, boolean mixin) {
        if (mixin && type.isAnnotationPresent(Command.class)) {
            throw new IllegalStateException(type + ": a mixin's @Command is not replayed by CommandModels");
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Option.class) || m.isAnnotationPresent(Parameters.class)
                        || m.isAnnotationPresent(Command.class) || m.isAnnotationPresent(Mixin.class)) {
                    throw new IllegalStateException(m + " is annotated: CommandModels replays fields only");
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(ParentCommand.class) || f.isAnnotationPresent(Unmatched.class)
                        || mixin && (f.isAnnotationPresent(Spec.class) || f.isAnnotationPresent(Mixin.class))) {
                    throw new IllegalStateException(f + " is not replayed by CommandModels");
                }
            }
        }
    }

    private static List<Field> annotatedFields(Class<?> type, Class<? extends Annotation> annotation) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(annotation)) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static Field mixinField(Class<?> type, String name) {
        for (Field f : annotatedFields(type, Mixin.class)) {
            String mixinName = f.getAnnotation(Mixin.class).name();
            if ((mixinName.isEmpty() ? f.getName() : mixinName).equals(name)) {
                if (!mixinName.isEmpty()) {
                    throw new IllegalStateException(f + ": a named mixin is not replayed by CommandModels");
                }
                return f;
            }
        }
        throw new IllegalStateException(type + " has no @Mixin field for the mixin " + name);
    }

    private static void writeArg(DataOutputStream out, ArgSpec arg) throws IOException {
        if (!(arg.userObject() instanceof Field field)) {
            throw new IllegalStateException(arg + " is not bound to a field: CommandModels replays fields only");
        }
        // The builder holds the values as written, before picocli renders their variables. Read by
        // reflection: the two builders' common superclass, which has the getters, is not public.
        Object b = arg instanceof OptionSpec o ? o.toBuilder() : ((PositionalParamSpec) arg).toBuilder();
        if (get(b, "parameterConsumer") != null || !get(b, "preprocessor").getClass().getName().endsWith("NoOpParameterPreprocessor")) {
            throw new IllegalStateException(arg + " has a parameter consumer or preprocessor: not replayed");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        for (String name : List.of("required", "interactive", "echo", "prompt", "description", "descriptionKey", "arity",
                "paramLabel", "hideParamSyntax", "type", "auxiliaryTypes", "splitRegex", "splitRegexSynopsisLabel",
                "hidden", "inherited", "mapFallbackValue", "defaultValue", "showDefaultValue", "scopeType",
                "hasInitialValue")) {
            v.put(name, get(b, name));
        }
        v.put("converters", Arrays.stream(arg.converters()).map(Object::getClass).toArray(Class<?>[]::new));
        v.put("toString", arg.toString());
        if (arg instanceof OptionSpec) {
            for (String name : List.of("names", "help", "usageHelp", "versionHelp", "negatable", "fallbackValue", "order")) {
                v.put(name, get(b, name));
            }
        } else {
            v.put("index", get(b, "index"));
        }
        for (Object value : v.values()) {
            if (value instanceof String text && text.contains("${")
                    || value instanceof String[] lines && Arrays.stream(lines).anyMatch(l -> l.contains("${"))) {
                throw new IllegalStateException(arg + ": a value with variables is not replayed");
            }
        }
        out.writeBoolean(arg.isOption());
        out.writeUTF(field.getDeclaringClass().getName());
        out.writeUTF(field.getName());
        writeValues(out, v);
    }

    private static Object get(Object builder, String getter) {
        try {
            Method m = builder.getClass().getMethod(getter);
            m.setAccessible(true);
            return m.invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("picocli's builder has no " + getter + "()", e);
        }
    }

    private static void writeValues(DataOutputStream out, Map<String, Object> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.writeUTF(e.getKey());
            writeValue(out, e.getKey(), e.getValue());
        }
    }

    private static void writeValue(DataOutputStream out, String key, Object value) throws IOException {
        if (value == null) {
            out.writeByte(CommandModels.NULL);
        } else if (value instanceof String s) {
            out.writeByte(CommandModels.STRING);
            out.writeUTF(s);
        } else if (value instanceof String[] a) {
            out.writeByte(CommandModels.STRINGS);
            out.writeInt(a.length);
            for (String s : a) {
                out.writeUTF(s);
            }
        } else if (value instanceof Boolean b) {
            out.writeByte(CommandModels.BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeByte(CommandModels.INT);
            out.writeInt(i);
        } else if (value instanceof Range r) {
            out.writeByte(CommandModels.RANGE);
            out.writeUTF(r.toString());
            out.writeBoolean(r.isUnspecified());
        } else if (value instanceof Class<?> c) {
            out.writeByte(CommandModels.CLASS);
            out.writeUTF(c.getName());
        } else if (value instanceof Class<?>[] a) {
            out.writeByte(CommandModels.CLASSES);
            out.writeInt(a.length);
            for (Class<?> c : a) {
                out.writeUTF(c.getName());
            }
        } else if (value instanceof ScopeType s) {
            out.writeByte(CommandModels.SCOPE);
            out.writeUTF(s.name());
        } else if (value instanceof Visibility s) {
            out.writeByte(CommandModels.VISIBILITY);
            out.writeUTF(s.name());
        } else {
            throw new IllegalStateException(key + ": a " + value.getClass() + " is not recorded by CommandModels");
        }
    }
}
