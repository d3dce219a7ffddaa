package org.gitlabaccess.core.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.ExecutablePath;
import org.gitlabaccess.core.io.UserHome;

/**
 * What {@code ~/.ssh/config} makes of a host, as OpenSSH reads it: the real host name, port, user,
 * identity files, known-hosts files and host key algorithms. Asked of {@code ssh -G} itself where
 * ssh is installed ({@code Match}, {@code Include}, tokens and canonicalisation are then OpenSSH's);
 * MINA's parser only where it is not. A configuration ssh refuses comes back with OpenSSH's message
 * as the notice. {@code ~} is the product's home (which may be a sandbox), not the JVM's: with a
 * sandbox home, ssh is given {@code -F <home>/.ssh/config} (so, as with any {@code -F}, the
 * system-wide {@code /etc/ssh/ssh_config} is not read) and {@code HOME=<home>} (so {@code Include ~/...},
 * which OpenSSH globs through {@code $HOME}, finds the sandbox's files). Paths ssh expands itself from the
 * password database ({@code ~} and {@code %d} in {@code UserKnownHostsFile}) are mapped from the account's home
 * to the sandbox's; {@code IdentityFile}, which {@code ssh -G} prints unexpanded, is expanded here with
 * {@code ~} and {@code %d} = the product's home. ssh is asked as {@code ssh -l git}, as for git's
 * {@code git@host} URLs, so a {@code User} in the configuration does not apply.
 */
public final class SshConfigLookup {
    /** OpenSSH's default {@code HostKeyAlgorithms} (9.x), in its order of preference. */
    public static final List<String> OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS = List.of(
            "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com",
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256");

    private static final long TIMEOUT_MILLIS = 10_000;
    /** Per ssh program: its defaults do not change while the product runs. */
    private static final Map<Path, List<String>> DEFAULT_HOST_KEY_ALGORITHMS = new ConcurrentHashMap<>();
    private static final String GIT = "git";

    private final Path home;
    private final Path accountHome;
    private final Optional<Path> ssh;
    private final Map<String, String> environment;
    private final String localUser;
    private final Map<List<Object>, Effective> memo = new ConcurrentHashMap<>();

    /** Where the answer came from. */
    public enum Source {
        /** The real {@code ssh -G}: OpenSSH's own resolution ({@code Match}, {@code Include}, tokens). */
        OPENSSH,
        /** MINA's parser, where no {@code ssh} is installed. */
        FALLBACK_PARSER,
        /** No configuration file at all: OpenSSH's defaults. */
        DEFAULTS
    }

    /**
     * The effective settings for a host.
     *
     * @param endpoint the alias as asked, the real host name and port
     * @param user the user name ({@code git} unless the configuration says otherwise)
     * @param identityFiles the identity files, {@code ~} expanded, in OpenSSH's order
     * @param identitiesOnly {@code IdentitiesOnly yes}
     * @param userKnownHostsFiles {@code UserKnownHostsFile}, expanded (default {@code ~/.ssh/known_hosts},
     *     {@code ~/.ssh/known_hosts2})
     * @param globalKnownHostsFiles {@code GlobalKnownHostsFile} (default {@code /etc/ssh/ssh_known_hosts},
     *     {@code /etc/ssh/ssh_known_hosts2})
     * @param hostKeyAlgorithms {@code HostKeyAlgorithms} as configured (before OpenSSH's reordering by known types)
     * @param hashKnownHosts {@code HashKnownHosts yes}: new known_hosts lines are written hashed
     * @param proxyJump {@code ProxyJump}, when set and not {@code none}
     * @param proxyCommand {@code ProxyCommand}, when set and not {@code none}
     * @param source who resolved it
     * @param notice why the resolution is incomplete or was refused (OpenSSH's own message), else empty
     * @param hostKeyAlias {@code HostKeyAlias}: the name the host's key is looked up and recorded under
     * @param reordersHostKeyAlgorithms OpenSSH offers the algorithms of the key types known for the host
     *     first ({@link HostKeyAlgorithms#offered})
     */
    public record Effective(SshEndpoint endpoint, String user, List<Path> identityFiles, boolean identitiesOnly,
                            List<Path> userKnownHostsFiles, List<Path> globalKnownHostsFiles,
                            List<String> hostKeyAlgorithms, boolean hashKnownHosts, Optional<String> proxyJump,
                            Optional<String> proxyCommand, Source source, Optional<String> notice,
                            Optional<String> hostKeyAlias, boolean reordersHostKeyAlgorithms) {
        public Effective {
            identityFiles = List.copyOf(identityFiles);
            userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
            globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
            hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
        }

        /** OpenSSH's defaults for everything but the endpoint and identities. */
        public static Effective defaults(Path home, SshEndpoint endpoint, List<Path> identityFiles, Source source) {
            return new Effective(endpoint, "git", identityFiles, false, defaultUserKnownHosts(home),
                    defaultGlobalKnownHosts(), OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS, false, Optional.empty(),
                    Optional.empty(), source, Optional.empty(), Optional.empty(), true);
        }

        /** OpenSSH itself refused the configuration: no ssh (and so no git over SSH) can work with it. */
        public boolean refusedByOpenSsh() {
            return source == Source.OPENSSH && notice.isPresent();
        }

        /** The same settings for another login name: git's URL names the user, whatever the configuration says. */
        public Effective withUser(String name) {
            return name.equals(user) ? this : new Effective(endpoint, name, identityFiles, identitiesOnly,
                    userKnownHostsFiles, globalKnownHostsFiles, hostKeyAlgorithms, hashKnownHosts, proxyJump,
                    proxyCommand, source, notice, hostKeyAlias, reordersHostKeyAlgorithms);
        }

        public Effective withNotice(String text) {
            return new Effective(endpoint, user, identityFiles, identitiesOnly, userKnownHostsFiles,
                    globalKnownHostsFiles, hostKeyAlgorithms, hashKnownHosts, proxyJump, proxyCommand, source,
                    Optional.ofNullable(text), hostKeyAlias, reordersHostKeyAlgorithms);
        }

        /** Every known-hosts file OpenSSH reads for this host: the user's first, then the global ones. */
        public List<Path> knownHostsFiles() {
            List<Path> all = new ArrayList<>(userKnownHostsFiles);
            all.addAll(globalKnownHostsFiles);
            return all;
        }
    }

    public static List<Path> defaultUserKnownHosts(Path home) {
        Path ssh = home.resolve(".ssh");
        return List.of(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2"));
    }

    public static List<Path> defaultGlobalKnownHosts() {
        return List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));
    }

    /**
     * @param home the product's home (may be a sandbox)
     * @param accountHome the account's home from the password database, where {@code ssh} looks by itself
     * @param ssh the {@code ssh} program; empty where none is installed (MINA's parser then)
     * @param environment the user's environment ({@code ${VAR}} in identity files); the child gets only a few of them
     */
    public SshConfigLookup(Path home, Path accountHome, Optional<Path> ssh, Map<String, String> environment,
                           String localUser) {
        this.home = home.toAbsolutePath().normalize();
        this.accountHome = accountHome == null ? this.home : accountHome.toAbsolutePath().normalize();
        this.ssh = ssh;
        this.environment = Map.copyOf(environment);
        this.localUser = localUser == null ? "" : localUser;
    }

    /** One lookup per run: each host is asked of {@code ssh -G} once. */
    public static SshConfigLookup of(Environment env) {
        return of(env, UserHome.resolve(env));
    }

    private static SshConfigLookup of(Environment env, Path home) {
        return new SshConfigLookup(home, env.property("user.home").map(Path::of).orElse(null),
                ExecutablePath.of(env, "ssh"), env.variables(), env.property("user.name").orElse(""));
    }

    /**
     * How {@code ssh git@alias} resolves; {@code port} is given to ssh as {@code -p} (beating the
     * configuration, as git does for a URL naming a port) unless it is 22, where the configuration decides.
     */
    public static Effective resolve(Path home, String alias, int defaultPort) {
        return system(home).resolve(alias, defaultPort, defaultPort != SshEndpoint.DEFAULT_PORT);
    }

    /**
     * The settings for an endpoint already decided (a port chosen by a probe, a host from the site
     * configuration): that host name and port, with what the configuration says of everything else
     * for the alias (known-hosts files, host key algorithms, identities).
     */
    public static Effective forEndpoint(Path home, SshEndpoint endpoint) {
        return system(home).forEndpoint(endpoint);
    }

    /** A lookup for this home with this process's {@code ssh}, for callers without an {@link Environment}. */
    public static SshConfigLookup forHome(Path home) {
        return system(home);
    }

    private static SshConfigLookup system(Path home) {
        return of(Environment.system(), home);
    }

    /**
     * @param portForced the port came from the command line or a URL: it beats {@code Port} in the
     *     configuration, as {@code ssh -p} does
     */
    public Effective resolve(String alias, int port, boolean portForced) {
        return lookup(GIT, alias, port, portForced, null);
    }

    /** As {@link #resolve(String, int, boolean)} for a URL that names its user ({@code gitlab@host:group/p.git}). */
    public Effective resolve(String user, String alias, int port, boolean portForced) {
        return lookup(user, alias, port, portForced, null);
    }

    public Effective forEndpoint(SshEndpoint endpoint) {
        return lookup(GIT, endpoint.alias(), endpoint.port(), true, endpoint.hostName());
    }

    private Effective lookup(String user, String alias, int port, boolean portForced, String hostName) {
        return memo.computeIfAbsent(Arrays.asList(user, alias, port, portForced, hostName),
                k -> unreadableConfig(alias, port, hostName).orElseGet(() -> ssh.isPresent()
                        ? openSsh(ssh.get(), user, alias, port, portForced, hostName)
                        : MinaConfigFallback.resolve(home, alias, port, portForced, hostName)).withUser(user));
    }

    /**
     * A FIFO, device or huge file as {@code ~/.ssh/config}: ssh would wait on it (or read it) without
     * end, and so would the fallback parser. It is named, never handed to either.
     */
    private Optional<Effective> unreadableConfig(String alias, int port, String hostName) {
        Path config = home.resolve(".ssh").resolve("config");
        return BoundedFiles.refusal(config, BoundedFiles.CONFIG_LIMIT).map(refused -> Effective.defaults(home,
                new SshEndpoint(alias, hostName != null ? hostName : alias, port), List.of(), Source.OPENSSH)
                .withNotice(refused.describe() + ": ssh would wait on it or read it without end, so neither ssh nor"
                        + " this check can use it"));
    }

    private Effective openSsh(Path program, String asUser, String alias, int port, boolean portForced, String hostName) {
        Path config = home.resolve(".ssh").resolve("config");
        // ssh finds ~/.ssh/config through the password database, not $HOME: a sandbox home is named.
        Optional<String> file = home.equals(accountHome) ? Optional.empty()
                : Optional.of(Files.exists(config) ? config.toString() : "none");
        var dump = new OpenSshConfigDump(program, TIMEOUT_MILLIS).run(file, home, environment, alias,
                portForced ? Optional.of(port) : Optional.empty(), Optional.ofNullable(hostName), asUser);
        SshEndpoint fallback = new SshEndpoint(alias, hostName != null ? hostName : alias, port);
        if (dump.refusal().filter(SshConfigLookup::sshCannotDump).isPresent()) {
            // An ssh too old for -G (before OpenSSH 6.8), or one that does not start: not a verdict on the file.
            return MinaConfigFallback.resolve(home, alias, port, portForced, hostName);
        }
        if (dump.refusal().isPresent()) {
            return Effective.defaults(home, fallback, List.of(), Source.OPENSSH).withNotice(dump.refusal().get());
        }
        String realHost = Optional.ofNullable(dump.first("hostname")).orElse(fallback.hostName());
        int realPort = parsePort(dump.first("port"), port);
        String user = Optional.ofNullable(dump.first("user")).orElse(GIT);
        String proxyJump = present(dump.first("proxyjump"));
        var tokens = new SshPathTokens.Values(home, alias, realHost, realPort, user, localUser,
                proxyJump == null ? "" : proxyJump, dump.first("hostkeyalias"), environment);
        List<Path> identities = new ArrayList<>();
        for (String id : dump.all("identityfile")) {
            identities.add(Path.of(SshPathTokens.expand(id, tokens)));
        }
        List<Path> userKnown = paths(dump.first("userknownhostsfile"));
        List<Path> globalKnown = paths(dump.first("globalknownhostsfile"));
        String algorithms = dump.first("hostkeyalgorithms");
        List<String> hostKeyAlgorithms = algorithms == null ? OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS
                : List.of(algorithms.split(","));
        return new Effective(new SshEndpoint(alias, realHost, realPort), user, identities,
                "yes".equals(dump.first("identitiesonly")),
                userKnown.isEmpty() ? defaultUserKnownHosts(home) : userKnown,
                globalKnown.isEmpty() ? defaultGlobalKnownHosts() : globalKnown,
                hostKeyAlgorithms,
                "yes".equals(dump.first("hashknownhosts")), Optional.ofNullable(proxyJump),
                Optional.ofNullable(present(dump.first("proxycommand"))), Source.OPENSSH, Optional.empty(),
                Optional.ofNullable(present(dump.first("hostkeyalias"))),
                startsWith(hostKeyAlgorithms, OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS)
                        || startsWith(hostKeyAlgorithms, defaultHostKeyAlgorithms(program)));
    }

    /**
     * OpenSSH reorders by known_hosts only when {@code HostKeyAlgorithms} is unset or starts with
     * {@code +} or {@code -}. The resolved list no longer shows how it was written, so it is told by
     * shape: all of this ssh's defaults in their own order, optionally followed by appended ones. When
     * in doubt it does not reorder: a list shortened with {@code -} is taken for an explicit one, which
     * can make the product refuse a key OpenSSH accepts, never accept one it refuses.
     */
    private static boolean startsWith(List<String> configured, List<String> defaults) {
        return !defaults.isEmpty() && configured.size() >= defaults.size()
                && configured.subList(0, defaults.size()).equals(defaults);
    }

    /**
     * The installed ssh's own default {@code HostKeyAlgorithms}, as {@code ssh -F none -G} prints them
     * (OpenSSH 8 has other defaults than 9, and builds without some algorithms have fewer); asked once,
     * and only of an ssh whose list is not OpenSSH 9's. Empty when it cannot be asked.
     */
    private List<String> defaultHostKeyAlgorithms(Path program) {
        List<String> known = DEFAULT_HOST_KEY_ALGORITHMS.get(program);
        if (known != null) {
            return known;
        }
        var dump = new OpenSshConfigDump(program, TIMEOUT_MILLIS).run(Optional.of("none"), home, environment,
                "defaults.invalid", Optional.empty(), Optional.empty(), GIT);
        String line = dump.refusal().isPresent() ? null : dump.first("hostkeyalgorithms");
        if (line == null) {
            return List.of(); // not kept: a slow or failed run says nothing of the defaults
        }
        List<String> defaults = List.of(line.split(","));
        DEFAULT_HOST_KEY_ALGORITHMS.putIfAbsent(program, defaults);
        return defaults;
    }

    /**
     * Files ssh expanded itself ({@code ~} and {@code %d} from the password database): in a sandbox,
     * the account's home stands for the product's home.
     */
    private List<Path> paths(String line) {
        List<Path> out = new ArrayList<>();
        if (line == null || line.isBlank() || line.equals("none")) {
            return out;
        }
        for (String word : line.strip().split("\\s+")) {
            // OpenSSH before 8.x prints ~ unexpanded with -G; a relative path here would read the wrong file.
            Path p = word.equals("~") ? home : word.startsWith("~/") ? home.resolve(word.substring(2)) : Path.of(word);
            if (!home.equals(accountHome) && p.isAbsolute() && p.normalize().startsWith(accountHome)) {
                p = home.resolve(accountHome.relativize(p.normalize()));
            }
            out.add(p);
        }
        return out;
    }

    private static boolean sshCannotDump(String message) {
        return message.startsWith(OpenSshConfigDump.NOT_STARTED) || message.contains("option -- G");
    }

    private static String present(String value) {
        return value == null || value.isBlank() || value.equalsIgnoreCase("none") ? null : value;
    }

    private static int parsePort(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
