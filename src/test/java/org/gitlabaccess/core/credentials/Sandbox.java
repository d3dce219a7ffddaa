package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.io.Environment;

/** A home directory for one test and the product environment pointing at it (no system git config). */
record Sandbox(Path home, Environment env) {
    static Sandbox in(Path dir, Map<String, String> extra) throws IOException {
        Path home = Files.createDirectories(dir);
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        vars.put("GIT_CONFIG_NOSYSTEM", "1");
        vars.putAll(extra);
        Properties props = new Properties();
        props.putAll(System.getProperties());
        return new Sandbox(home, new Environment(vars, props));
    }

    static Sandbox in(Path dir) throws IOException {
        return in(dir, Map.of());
    }

    GitCommand git() {
        return new GitCommand(env);
    }

    /** The variables for running git by hand as the user would, in this home. */
    Map<String, String> processEnv() {
        Map<String, String> vars = new HashMap<>(env.variables());
        vars.put("GIT_TERMINAL_PROMPT", "0");
        return vars;
    }
}
