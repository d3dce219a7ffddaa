package org.gitlabaccess.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds commands with the CLI context injected through their constructor, and the package's other
 * classes picocli asks for.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext ctx;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(ctx));
            }
        }
        if (cls.getPackageName().equals(CommandFactory.class.getPackageName()) && !cls.isInterface()) {
            // Ours (converters, the version provider) directly: picocli's factory first tries their
            // constructor as a public one, and fails (they are package-private).
            Constructor<K> c = cls.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        }
        return fallback.create(cls);
    }
}
