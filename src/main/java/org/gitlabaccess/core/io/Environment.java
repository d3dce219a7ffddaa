package org.gitlabaccess.core.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The process environment as the product sees it: environment variables and system properties.
 * Passed in rather than read globally so that tests and helpdesk scripts can run the whole tool
 * against a sandbox home.
 */
public final class Environment {
    private final Map<String, String> variables;
    private final Properties properties;

    public Environment(Map<String, String> variables, Properties properties) {
        this.variables = Map.copyOf(variables);
        this.properties = properties;
    }

    /** The real environment of this process. */
    public static Environment system() {
        return new Environment(System.getenv(), System.getProperties());
    }

    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> property(String name) {
        String value = properties.getProperty(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Map<String, String> variables() {
        return variables;
    }

    public boolean isWindows() {
        return property("os.name").orElse("").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    public boolean isMac() {
        String os = property("os.name").orElse("").toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    /** A copy with some variables replaced; a null value removes the variable. */
    public Environment withVariables(Map<String, String> overrides) {
        var copy = new HashMap<>(variables);
        overrides.forEach((k, v) -> {
            if (v == null) {
                copy.remove(k);
            } else {
                copy.put(k, v);
            }
        });
        return new Environment(copy, properties);
    }
}
