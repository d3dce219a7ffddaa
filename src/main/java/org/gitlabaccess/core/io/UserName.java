package org.gitlabaccess.core.io;

/** The account's login name, for key comments: from the environment, else the JVM, never empty. */
public final class UserName {
    private UserName() {
    }

    public static String of(Environment env) {
        return env.variable("USER").or(() -> env.variable("USERNAME")).or(() -> env.property("user.name"))
                .filter(n -> !n.isBlank()).orElse("user");
    }
}
