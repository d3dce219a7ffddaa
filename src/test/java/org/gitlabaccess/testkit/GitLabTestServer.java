package org.gitlabaccess.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * A GitLab stand-in for tests, faithful on the wire: REST API v4 and git smart HTTP over real TLS
 * (a CA made at test time), and gitlab-shell's behaviour over real SSH. Started on ephemeral
 * loopback ports; {@link #state()} seeds and inspects it.
 */
public final class GitLabTestServer implements AutoCloseable {
    public static final String VERSION = "17.5.2";

    private final GitLabState state;
    private final Path workDir;
    private final String contextPath;
    private final TestCertificates certificates;
    private final ScriptedFaults faults = new ScriptedFaults();
    private final Path caFile;
    private HttpsServer https;
    private ExecutorService executor;
    private GitShell ssh;
    private ApiRoutes api;
    private SmartHttp git;
    private OAuthProvider oauth;

    private final List<String> hostKeyTypes;
    private final int maxChannelsPerSession;

    private GitLabTestServer(Builder b) throws IOException {
        this.hostKeyTypes = b.hostKeyTypes;
        this.maxChannelsPerSession = b.maxChannelsPerSession;
        this.state = new GitLabState(b.clock);
        this.workDir = Files.createDirectories(b.workDir);
        this.contextPath = b.contextPath;
        this.certificates = TestCertificates.create("GitLab Test CA");
        this.caFile = certificates.writeCaPem(workDir.resolve("test-ca.pem"));
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /** Starts a seeded server (see {@link Seed}) in the directory. */
    public static GitLabTestServer start(Path workDir) throws IOException {
        return builder(workDir).start();
    }

    /** Options for a server. */
    public static final class Builder {
        private final Path workDir;
        private Clock clock = Clock.systemUTC();
        private String contextPath = "";
        private boolean seed = true;
        private List<String> hostKeyTypes = List.of(KeyPairProvider.SSH_ED25519);
        private int maxChannelsPerSession;

        Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Serves the instance under a relative URL root such as {@code /gitlab}. */
        public Builder contextPath(String path) {
            this.contextPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return this;
        }

        /**
         * The SSH host key types the server presents, one fresh key each ({@code ssh-ed25519},
         * {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}); ed25519 alone by default. The first is
         * {@link #hostKeyLine()}'s.
         */
        public Builder hostKeyTypes(String... types) {
            this.hostKeyTypes = List.of(types);
            return this;
        }

        /** SSH channels one session may have open at once (0: no limit), as OpenSSH's {@code MaxSessions}. */
        public Builder maxChannelsPerSession(int channels) {
            this.maxChannelsPerSession = channels;
            return this;
        }

        public Builder unseeded() {
            this.seed = false;
            return this;
        }

        public GitLabTestServer start() throws IOException {
            GitLabTestServer server = new GitLabTestServer(this);
            if (seed) {
                Seed.apply(server.state, Files.createDirectories(workDir.resolve("repositories")));
            }
            server.startServers();
            return server;
        }
    }

    private void startServers() throws IOException {
        api = new ApiRoutes(state, this);
        git = new SmartHttp(state, this);
        oauth = new OAuthProvider(state, this);
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gitlab-test-https");
            t.setDaemon(true);
            return t;
        });
        https.setExecutor(executor);
        https.createContext("/", this::dispatch);
        https.start();
        List<KeyPair> hostKeys = new ArrayList<>();
        try {
            for (String type : hostKeyTypes) {
                int size = switch (type) {
                    case KeyPairProvider.SSH_RSA -> 3072;
                    case "ecdsa-sha2-nistp384" -> 384;
                    case "ecdsa-sha2-nistp521" -> 521;
                    default -> 256;
                };
                hostKeys.add(KeyUtils.generateKeyPair(type, size));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        ssh = new GitShell(state, hostKeys, maxChannelsPerSession);
        ssh.start();
    }

    private void dispatch(HttpExchange http) throws IOException {
        String rawPath = http.getRequestURI().getRawPath();
        Exchange ex = new Exchange(http, rawPath.startsWith(contextPath) ? rawPath.substring(contextPath.length())
                : rawPath);
        String auth = http.getRequestHeaders().containsKey("Authorization") ? "authorization"
                : http.getRequestHeaders().containsKey("PRIVATE-TOKEN") ? "private-token" : "none";
        try {
            if (!contextPath.isEmpty() && !rawPath.startsWith(contextPath + "/")) {
                ex.html(404, "<html><body><h1>404</h1></body></html>");
            } else {
                var fault = faults.take(ex.path);
                var rawAnswer = faults.takeRaw(ex.path);
                faults.takeRewrite(ex.path).ifPresent(r -> ex.rewrite = r.change());
                if (rawAnswer.isPresent()) {
                    ex.sendRaw(rawAnswer.get().body(), rawAnswer.get().perByte());
                } else if (fault.isPresent()) {
                    fault.get().headers().forEach((k, v) -> http.getResponseHeaders().set(k, v));
                    http.getResponseHeaders().set("Content-Type", fault.get().contentType());
                    ex.send(fault.get().status(), fault.get().body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else if (ex.path.startsWith("/api/v4/")) {
                    api.handle(ex, ex.path.substring("/api/v4".length()));
                } else if (oauth.handles(ex.path)) {
                    oauth.handle(ex);
                } else if (SmartHttp.matches(ex.path)) {
                    git.handle(ex);
                } else if (ex.path.equals("/users/sign_in")) {
                    ex.html(200, signInPage());
                } else {
                    http.getResponseHeaders().set("Location", baseUrl() + "/users/sign_in");
                    ex.html(302, "<html><body>You are being <a href=\"" + baseUrl()
                            + "/users/sign_in\">redirected</a>.</body></html>");
                }
            }
        } catch (RuntimeException | IOException e) {
            if (ex.status == 0) {
                ex.json(500, Exchange.message("500 Internal Server Error"));
            }
            throw e;
        } finally {
            state.record(new RecordedRequest("https", http.getRequestMethod(), rawPath, auth, -1, ex.status));
            http.close();
        }
    }

    static String signInPage() {
        return "<!DOCTYPE html><html><head><title>Sign in · GitLab</title></head><body>"
                + "<form action=\"/users/sign_in\" method=\"post\"><input name=\"user[login]\">"
                + "<input type=\"password\" name=\"user[password]\"></form></body></html>";
    }

    public GitLabState state() {
        return state;
    }

    public OAuthProvider oauth() {
        return oauth;
    }

    public ScriptedFaults faults() {
        return faults;
    }

    /** {@code https://127.0.0.1:PORT} plus the relative root, if any. */
    public String baseUrl() {
        return "https://127.0.0.1:" + https.getAddress().getPort() + contextPath;
    }

    public int httpsPort() {
        return https.getAddress().getPort();
    }

    /** SSH sessions authenticated so far. */
    public int sshAuthentications() {
        return ssh.authentications();
    }

    public String sshHost() {
        return "127.0.0.1";
    }

    public int sshPort() {
        return ssh.port();
    }

    String hostForComments() {
        return "127.0.0.1";
    }

    /** The clone URL GitLab shows for SSH: scp-like on port 22, {@code ssh://} otherwise. */
    public String sshUrl(String pathWithNamespace) {
        return sshPort() == 22 ? "git@" + sshHost() + ":" + pathWithNamespace + ".git"
                : "ssh://git@" + sshHost() + ":" + sshPort() + "/" + pathWithNamespace + ".git";
    }

    public String httpUrl(String pathWithNamespace) {
        return baseUrl() + "/" + pathWithNamespace + ".git";
    }

    /** The CA certificate (PEM) that signed the server's certificate. */
    public Path caFile() {
        return caFile;
    }

    public TestCertificates certificates() {
        return certificates;
    }

    /** The SSH host key as an OpenSSH public key line. */
    public String hostKeyLine() {
        return PublicKeyEntry.toString(ssh.hostPublicKey());
    }

    /** A {@code known_hosts} line for the SSH endpoint. */
    public String knownHostsLine() {
        return "[" + sshHost() + "]:" + sshPort() + " " + hostKeyLine();
    }

    /** The {@code known_hosts} line for the server's host key of this type. */
    public String knownHostsLine(String type) {
        return "[" + sshHost() + "]:" + sshPort() + " " + PublicKeyEntry.toString(ssh.hostPublicKey(type));
    }

    /** The SHA-256 fingerprint of the server's host key of this type. */
    public String hostKeyFingerprint(String type) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, ssh.hostPublicKey(type));
    }

    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, ssh.hostPublicKey());
    }

    public Path workDir() {
        return workDir;
    }

    public Map<String, Object> projectJson(String path) {
        return api.projectEntity(state.project(path).orElseThrow());
    }

    @Override
    public void close() throws IOException {
        if (https != null) {
            https.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (ssh != null) {
            ssh.close();
        }
    }
}
