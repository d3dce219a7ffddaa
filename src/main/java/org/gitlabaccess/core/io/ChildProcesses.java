package org.gitlabaccess.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place that builds a child process: every {@code git}, {@code ssh-add}, {@code docker},
 * browser or desktop query the product starts gets an environment made from an allow-list of the
 * product's own (the home, the search path, the locale, the agent socket, the desktop session, the
 * proxies, git's and Git Credential Manager's settings), never the whole of it: a {@code GITLAB_TOKEN}
 * or any variable whose name says token, password, passphrase or secret stays in this process.
 * Secrets a child needs travel on its stdin or through a {@link SecretPipe}, never in its arguments
 * (every local user can read those) or its environment.
 */
public final class ChildProcesses {
    /** Variables a child may get by name (compared upper-cased: Windows names are case-insensitive). */
    private static final Set<String> ALLOWED = Set.of(
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TERM", "TZ", "TMPDIR", "TEMP", "TMP",
            "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR",
            "GNUPGHOME", "GPG_TTY", "GPG_AGENT_INFO", "DOCKER_CONFIG", "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY",
            // Windows: programs do not even start without some of these.
            "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA",
            "PROGRAMDATA", "PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432", "COMMONPROGRAMFILES", "HOMEDRIVE",
            "HOMEPATH", "USERNAME", "USERDOMAIN", "COMPUTERNAME", "OS", "PROCESSOR_ARCHITECTURE",
            "NUMBER_OF_PROCESSORS");
    /** Families a child may get: locale, XDG directories, git's, GCM's and OpenSSH's own settings. */
    private static final List<String> ALLOWED_PREFIXES = List.of("LC_", "XDG_", "GIT_", "GCM_", "SSH_");
    /**
     * Git's command-scope configuration ({@code git -c}, {@code GIT_CONFIG_COUNT}): it can carry an
     * {@code http.extraHeader} with a token, and is the product's to give a git child, never to pass on.
     */
    private static final List<String> COMMAND_CONFIG = List.of("GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
            "GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_");
    /** Paths, not secrets, despite their names: where GCM's gpg store ({@code pass}) keeps its files. */
    private static final Set<String> NOT_SECRETS = Set.of("PASSWORD_STORE_DIR");
    /** A name with one of these words is refused whatever the lists above say. */
    private static final List<String> SECRET_WORDS = List.of("TOKEN", "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET");

    private ChildProcesses() {
    }

    /**
     * The environment a child gets from the product's: the allowed variables, nothing else, and PATH
     * without its relative entries.
     */
    public static Map<String, String> environment(Environment env) {
        Map<String, String> out = new TreeMap<>();
        env.variables().forEach((name, value) -> {
            if (allowed(name)) {
                out.put(name, name.equalsIgnoreCase("PATH") ? ExecutablePath.absoluteEntries(value) : value);
            }
        });
        return out;
    }

    /** Whether a variable of this name may reach a child. */
    public static boolean allowed(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (NOT_SECRETS.contains(upper)) {
            return true;
        }
        if (SECRET_WORDS.stream().anyMatch(upper::contains) || COMMAND_CONFIG.stream().anyMatch(upper::startsWith)) {
            return false;
        }
        return ALLOWED.contains(upper) || ALLOWED_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    /**
     * A process builder for the command with the allowed environment and {@code extra} on top. A
     * program given by name is looked up in the absolute directories of the environment's PATH
     * ({@link ExecutablePath}; an environment made without a PATH uses this process's), not by the
     * JDK, which searches this process's PATH, relative entries included. A name found in none is
     * an IOException, as a missing program is when it is started.
     */
    public static ProcessBuilder builder(Environment env, List<String> command, Map<String, String> extra)
            throws IOException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, program(env, command.get(0)));
        ProcessBuilder pb = new ProcessBuilder(resolved);
        pb.environment().clear();
        pb.environment().putAll(environment(env));
        pb.environment().putAll(extra);
        return pb;
    }

    private static String program(Environment env, String name) throws IOException {
        if (name.contains("/") || name.contains("\\")) {
            return name;
        }
        return ExecutablePath.onPathOf(env, name).map(Path::toString)
                .orElseThrow(() -> new IOException(name + " is not installed (no absolute directory of PATH holds it)"));
    }

    public static ProcessBuilder builder(Environment env, List<String> command) throws IOException {
        return builder(env, command, Map.of());
    }

    /** The same, reading nothing: stdin is the null device, so a child that asks gets end-of-file. */
    public static ProcessBuilder withoutInput(Environment env, List<String> command, Map<String, String> extra)
            throws IOException {
        return builder(env, command, extra).redirectInput(ProcessBuilder.Redirect.from(
                new File(env.isWindows() ? "NUL" : "/dev/null")));
    }
}
