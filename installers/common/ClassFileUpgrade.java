import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the class files older than Java 6 (version 49 and below) in the given jars as Java 8's
 * (version 52), with the stack maps that the JVM's type-checking verifier needs; their code, constants
 * and attributes stay as they were. Run by installers/build.sh with the JDK the runtime is linked from
 * (the class-file API is JDK 24's): {@code java installers/common/ClassFileUpgrade.java JAR...}.
 *
 * <p>Why: the JVM verifies such old classes with its old, inferring verifier on every start and
 * cannot link them ahead of time, so a JDK 25 AOT cache leaves them out, and with them every class
 * of the app that implements or extends one of theirs; they then load from their jars on every
 * start (picocli's 150 classes: 30 ms of each command). A rewritten jar replaces the original only
 * if each rewritten class then loads, verifies and initialises in a class loader of its own;
 * otherwise the jar stays as it was and this says why. Jars without old class files are untouched.
 * Entries keep their order, times and storage method, so the output is reproducible.
 */
public final class ClassFileUpgrade {
    private static final int OLDEST_MODERN = 50; // Java 6, the first with stack maps
    private static final int TARGET = 52;        // Java 8

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java ClassFileUpgrade.java JAR...");
            System.exit(2);
        }
        for (String arg : args) {
            System.out.println(upgrade(Path.of(arg)));
        }
    }

    private static String upgrade(Path jar) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".upgrade");
        try {
            List<String> classes = rewrite(jar, rewritten);
            if (classes.isEmpty()) {
                return jar.getFileName() + ": no class file older than Java 6";
            }
            String failure = loadEach(rewritten, classes);
            if (failure != null) {
                return "WARNING: " + jar.getFileName() + " left as it was: a rewritten class does not load (" + failure + ")";
            }
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar.getFileName() + ": " + classes.size() + " class files rewritten from Java 5 to Java 8, with stack maps";
        } catch (IOException | RuntimeException e) {
            return "WARNING: " + jar.getFileName() + " left as it was: its old class files could not be rewritten (" + e + ")";
        } finally {
            // Never left beside the jars: jpackage ships every file of its input directory.
            Files.deleteIfExists(rewritten);
        }
    }

    /** Writes the jar with its old class files rewritten to {@code out}; the names of those classes. */
    private static List<String> rewrite(Path jar, Path out) throws IOException {
        List<String> classes = new ArrayList<>();
        try (URLClassLoader resources = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            // Stack maps name the common superclass where branches meet: the jar's own classes are
            // read from the jar, the JDK's from the running JDK.
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(resources))));
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && bytes.length > 8
                        && majorVersion(bytes) < OLDEST_MODERN) {
                    bytes = rewrite(classFile, classFile.parse(bytes));
                    classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                write(zip, entry, bytes);
            }
        }
        return classes;
    }

    private static int majorVersion(byte[] classBytes) {
        return ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
    }

    /** The same class with version 52; its code is rebuilt as it was, which generates the stack maps. */
    private static byte[] rewrite(ClassFile classFile, ClassModel model) {
        return classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen((builder, element) -> {
                    if (element instanceof ClassFileVersion) {
                        builder.withVersion(TARGET, 0);
                    } else {
                        builder.with(element);
                    }
                }));
    }

    private static void write(ZipOutputStream out, ZipEntry original, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(original.getName());
        entry.setTime(original.getTime());
        if (original.getMethod() == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /**
     * Loads and initialises each rewritten class in a loader of its own, which makes the JVM verify it
     * (a class of version 52 gets no second try with the old verifier). Null when all load.
     */
    private static String loadEach(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    return name + ": " + e;
                }
            }
        }
        return null;
    }

    private ClassFileUpgrade() {
    }
}
