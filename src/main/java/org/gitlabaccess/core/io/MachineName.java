package org.gitlabaccess.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This computer's short name, for key comments and token names; no network lookup. */
public final class MachineName {
    private MachineName() {
    }

    public static String of(Environment env) {
        String name = env.variable("COMPUTERNAME").or(() -> env.variable("HOSTNAME")).orElse(null);
        if (name == null) {
            try {
                name = Files.readString(Path.of("/etc/hostname")).trim();
            } catch (IOException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            return "this-computer";
        }
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).trim();
    }
}
