package org.gitlabaccess.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;

/**
 * The commands' picocli models as the build recorded them ({@link CommandModelWriter}), built in code
 * instead of from the annotations. Picocli reads a command's annotations by reflection, and the JDK
 * parses each annotation and generates a proxy class per annotation type for it: about 40 ms of every
 * command's start, which no CDS archive or AOT cache holds. The recording is of what picocli made of
 * the annotations (every attribute of every option and parameter, in order, with its mixin), so the
 * models are the same; {@code CommandModelsTest} compares them attribute by attribute and by their
 * usage help. A command the recording lacks (a build without it, a command with an argument group,
 * which this does not rebuild) is read from its annotations as before.
 */
final class CommandModels {
    static final String RESOURCE = "command-models.bin";
    /** Bumped when the format changes: a recording of another format is not read. */
    static final int FORMAT = 2;
    static final byte ARG = 0;
    static final byte MIXIN = 1;
    /** No recording: every command from its annotations. */
    static final CommandModels NONE = new CommandModels(Map.of());

    private static volatile CommandModels loaded;

    private final Map<String, Recorded> commands;

    private CommandModels(Map<String, Recorded> commands) {
        this.commands = commands;
    }

    /** The recording in the jar, read once; {@link #NONE} when there is none or it cannot be read. */
    static CommandModels load() {
        CommandModels models = loaded;
        if (models == null) {
            models = read(CommandModels.class.getResourceAsStream(RESOURCE));
            loaded = models;
        }
        return models;
    }

    static CommandModels read(InputStream resource) {
        if (resource == null) {
            return NONE;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(resource))) {
            if (in.readInt() != FORMAT) {
                return NONE;
            }
            Map<String, Recorded> commands = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                Recorded command = Recorded.read(in);
                commands.put(command.type, command);
            }
            return new CommandModels(commands);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The command line of this command object, from the recording if it has the command. */
    CommandLine commandLine(Object command, CommandLine.IFactory factory) {
        if (!has(command.getClass())) {
            return new CommandLine(command, factory);
        }
        try {
            return new CommandLine(spec(command, factory), factory);
        } catch (Exception e) {
            // A recording that does not fit the classes (a stale build): the annotations decide.
            return new CommandLine(command, factory);
        }
    }

    /** The recorded model of a command the recording has, for this command object. */
    CommandSpec spec(Object command, CommandLine.IFactory factory) throws Exception {
        return commands.get(command.getClass().getName()).spec(command, factory);
    }

    boolean has(Class<?> type) {
        return commands.containsKey(type.getName());
    }

    int size() {
        return commands.size();
    }

    /** One command as recorded: its attributes, the fields that get its spec, its arguments and mixins in order. */
    private record Recorded(String type, String name, Map<String, Object> attributes, Map<String, Integer> fields,
            List<String[]> specFields, List<Item> items) {
        static Recorded read(DataInputStream in) throws IOException {
            String type = in.readUTF();
            String name = in.readUTF();
            Map<String, Object> attributes = readValues(in);
            Map<String, Integer> fields = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                fields.put(in.readUTF(), in.readInt());
            }
            List<String[]> specFields = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                specFields.add(new String[] {in.readUTF(), in.readUTF()});
            }
            List<Item> items = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                items.add(Item.read(in));
            }
            return new Recorded(type, name, attributes, fields, specFields, items);
        }

        CommandSpec spec(Object command, CommandLine.IFactory factory) throws Exception {
            for (Map.Entry<String, Integer> f : fields.entrySet()) {
                if (fieldsFingerprint(Class.forName(f.getKey())) != f.getValue()) {
                    throw new NoSuchFieldException(f.getKey() + " has other fields than when its model was recorded");
                }
            }
            CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory);
            spec.name(name);
            var usage = spec.usageMessage();
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                Object v = a.getValue();
                switch (a.getKey()) {
                    case "header" -> usage.header((String[]) v);
                    case "description" -> usage.description((String[]) v);
                    case "footer" -> usage.footer((String[]) v);
                    case "footerHeading" -> usage.footerHeading((String) v);
                    case "sortOptions" -> usage.sortOptions((Boolean) v);
                    case "usageHelpAutoWidth" -> usage.autoWidth((Boolean) v);
                    case "scope" -> spec.scopeType((ScopeType) v);
                    case "versionProvider" -> spec.versionProvider(
                            (CommandLine.IVersionProvider) factory.create(Class.forName((String) v)));
                    default -> throw new IllegalStateException("unknown command attribute " + a.getKey());
                }
            }
            for (Item item : items) {
                if (item.kind == MIXIN) {
                    Object mixin = new FieldAccess(member(item.mixinField[0], item.mixinField[1])).get(command);
                    CommandSpec mixinSpec = CommandSpec.wrapWithoutInspection(mixin, factory).withToString(item.label);
                    for (Arg arg : item.args) {
                        mixinSpec.add(arg.build(mixin, factory));
                    }
                    spec.addMixin(item.mixinField[1], mixinSpec);
                } else {
                    spec.add(item.args.get(0).build(command, factory));
                }
            }
            for (String[] f : specFields) {
                new FieldAccess(member(f[0], f[1])).set(command, spec);
            }
            return spec;
        }
    }

    /** An argument of the command's own, or a mixin (the field holding it) with its arguments. */
    private record Item(byte kind, String[] mixinField, String label, List<Arg> args) {
        static Item read(DataInputStream in) throws IOException {
            byte kind = in.readByte();
            String[] mixinField = kind == MIXIN ? new String[] {in.readUTF(), in.readUTF()} : null;
            String label = kind == MIXIN ? in.readUTF() : null;
            List<Arg> args = new ArrayList<>();
            for (int n = kind == MIXIN ? in.readInt() : 1; n > 0; n--) {
                args.add(Arg.read(in));
            }
            return new Item(kind, mixinField, label, args);
        }
    }

    /** An option or positional parameter: the field it sets, and every attribute picocli gave it. */
    private record Arg(boolean option, String declaringClass, String field, Map<String, Object> attributes) {
        static Arg read(DataInputStream in) throws IOException {
            boolean option = in.readBoolean();
            String declaringClass = in.readUTF();
            String field = in.readUTF();
            return new Arg(option, declaringClass, field, readValues(in));
        }

        ArgSpec build(Object owner, CommandLine.IFactory factory) throws Exception {
            FieldBinding binding = new FieldBinding(owner, member(declaringClass, field));
            ITypeConverter<?>[] converters = converters(factory);
            Object initialValue = flag("hasInitialValue") ? binding.get() : null;
            // The same attributes on either builder (their common superclass is not public).
            if (option) {
                OptionSpec.Builder o = OptionSpec.builder((String[]) attributes.get("names"))
                        .help(flag("help")).usageHelp(flag("usageHelp")).versionHelp(flag("versionHelp"))
                        .negatable(flag("negatable")).fallbackValue(text("fallbackValue")).order((Integer) attributes.get("order"))
                        .required(flag("required")).interactive(flag("interactive")).echo(flag("echo")).prompt(text("prompt"))
                        .description(lines("description")).descriptionKey(text("descriptionKey")).arity(range("arity"))
                        .paramLabel(text("paramLabel")).hideParamSyntax(flag("hideParamSyntax")).type(type("type"))
                        .auxiliaryTypes(types("auxiliaryTypes")).converters(converters).splitRegex(text("splitRegex"))
                        .splitRegexSynopsisLabel(text("splitRegexSynopsisLabel")).hidden(flag("hidden"))
                        .inherited(flag("inherited"))
                        .defaultValue(text("defaultValue")).showDefaultValue(visibility()).scopeType(scope())
                        .getter(binding).setter(binding).userObject(binding.field.field).withToString(text("toString"))
                        .hasInitialValue(flag("hasInitialValue")).initialValue(initialValue);
                o.mapFallbackValue(text("mapFallbackValue")); // on its own: it returns the common builder
                return o.build();
            }
            PositionalParamSpec.Builder p = PositionalParamSpec.builder().index(range("index"))
                    .required(flag("required")).interactive(flag("interactive")).echo(flag("echo")).prompt(text("prompt"))
                    .description(lines("description")).descriptionKey(text("descriptionKey")).arity(range("arity"))
                    .paramLabel(text("paramLabel")).hideParamSyntax(flag("hideParamSyntax")).type(type("type"))
                    .auxiliaryTypes(types("auxiliaryTypes")).converters(converters).splitRegex(text("splitRegex"))
                    .splitRegexSynopsisLabel(text("splitRegexSynopsisLabel")).hidden(flag("hidden"))
                    .inherited(flag("inherited"))
                    .defaultValue(text("defaultValue")).showDefaultValue(visibility()).scopeType(scope())
                    .getter(binding).setter(binding).userObject(binding.field.field).withToString(text("toString"))
                    .hasInitialValue(flag("hasInitialValue")).initialValue(initialValue);
            p.mapFallbackValue(text("mapFallbackValue"));
            return p.build();
        }

        private ITypeConverter<?>[] converters(CommandLine.IFactory factory) throws Exception {
            Class<?>[] types = types("converters");
            ITypeConverter<?>[] converters = new ITypeConverter<?>[types.length];
            for (int i = 0; i < converters.length; i++) {
                converters[i] = (ITypeConverter<?>) factory.create(types[i]);
            }
            return converters;
        }

        private String text(String name) {
            return (String) attributes.get(name);
        }

        private String[] lines(String name) {
            return (String[]) attributes.get(name);
        }

        private Range range(String name) {
            return (Range) attributes.get(name);
        }

        private Class<?> type(String name) {
            return (Class<?>) attributes.get(name);
        }

        private Class<?>[] types(String name) {
            return (Class<?>[]) attributes.get(name);
        }

        private Visibility visibility() {
            return (Visibility) attributes.get("showDefaultValue");
        }

        private ScopeType scope() {
            return (ScopeType) attributes.get("scopeType");
        }

        private boolean flag(String name) {
            return (Boolean) attributes.get(name);
        }
    }

    /** Sets and reads an option's field, as picocli's own binding of an annotated field does. */
    private static final class FieldBinding implements IGetter, ISetter {
        private final Object owner;
        private final FieldAccess field;

        FieldBinding(Object owner, Field field) throws IllegalAccessException {
            this.owner = owner;
            this.field = new FieldAccess(field);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) field.get(owner);
        }

        @Override
        public <T> T set(T value) {
            T old = get();
            field.set(owner, value);
            return old;
        }

        @Override
        public String toString() {
            return "field " + field;
        }
    }

    /**
     * Reads and writes one field of the commands' package through a {@link VarHandle} rather than
     * {@link Field#get}: since Java 18 reflection on a field adapts a method handle to
     * {@code (Object)Object}, which spins about ten classes at every start (an AOT cache cannot hold
     * them), while a var handle called with its own erased type, {@code (Object)Object} for a reference
     * field and {@code (Object)boolean} for a flag, goes straight to the JDK's compiled accessor. (Any
     * other primitive field, none today, would be boxed by the handle's own adaptation.)
     */
    static final class FieldAccess {
        private final Field field;
        private final VarHandle handle;

        FieldAccess(Field field) throws IllegalAccessException {
            this.field = field;
            this.handle = MethodHandles.lookup().unreflectVarHandle(field);
        }

        Object get(Object owner) {
            if (field.getType() == boolean.class) {
                return (boolean) handle.get(owner);
            }
            return handle.get(owner);
        }

        void set(Object owner, Object value) {
            if (field.getType() == boolean.class) {
                handle.set(owner, (boolean) (Boolean) value);
            } else {
                handle.set(owner, value);
            }
        }

        @Override
        public String toString() {
            return field.getDeclaringClass().getSimpleName() + "." + field.getName();
        }
    }

    /**
     * The names and types of a class's fields: a recording made before a field was added, removed,
     * renamed or retyped (a build that compiled without recording, as an IDE's) is not replayed.
     * (An edit of an annotation alone is not seen: the build records again whenever it compiles.)
     */
    static int fieldsFingerprint(Class<?> type) {
        Field[] declared = type.getDeclaredFields();
        String[] fields = new String[declared.length];
        for (int i = 0; i < declared.length; i++) {
            fields[i] = declared[i].getName() + ":" + declared[i].getType().getName();
        }
        Arrays.sort(fields);
        return String.join(",", fields).hashCode();
    }

    /** A field of one of this package's classes: package-private, readable and writable from here. */
    private static Field member(String declaringClass, String name) throws ReflectiveOperationException {
        return Class.forName(declaringClass).getDeclaredField(name);
    }

    // The values' format, shared with CommandModelWriter: a tag, then the value.
    static final byte NULL = 0;
    static final byte STRING = 1;
    static final byte STRINGS = 2;
    static final byte BOOLEAN = 3;
    static final byte INT = 4;
    static final byte RANGE = 5;
    static final byte CLASS = 6;
    static final byte CLASSES = 7;
    static final byte SCOPE = 8;
    static final byte VISIBILITY = 9;

    private static Map<String, Object> readValues(DataInputStream in) throws IOException {
        Map<String, Object> values = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String key = in.readUTF();
            values.put(key, readValue(in));
        }
        return values;
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> in.readUTF();
            case STRINGS -> {
                String[] a = new String[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readUTF();
                }
                yield a;
            }
            case BOOLEAN -> in.readBoolean();
            case INT -> in.readInt();
            case RANGE -> {
                String range = in.readUTF();
                boolean unspecified = in.readBoolean();
                yield Range.valueOf(range).unspecified(unspecified);
            }
            case CLASS -> type(in.readUTF());
            case CLASSES -> {
                Class<?>[] a = new Class<?>[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = type(in.readUTF());
                }
                yield a;
            }
            case SCOPE -> ScopeType.valueOf(in.readUTF());
            case VISIBILITY -> Visibility.valueOf(in.readUTF());
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static Class<?> type(String name) throws IOException {
        switch (name) {
            case "boolean":
                return boolean.class;
            case "int":
                return int.class;
            case "long":
                return long.class;
            default:
                try {
                    return Class.forName(name, false, CommandModels.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IOException("no class " + name, e);
                }
        }
    }
}
