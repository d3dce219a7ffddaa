package org.gitlabaccess.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * GitLab's SSH side, as gitlab-shell behaves: only user {@code git}, public keys registered through
 * the API; {@code ssh -T} prints the welcome line; git commands are served from the bare
 * repositories; anything else is a "Disallowed command".
 */
final class GitShell implements AutoCloseable {
    private static final AttributeKey<Long> KEY_ID = new AttributeKey<>();
    private static final AttributeKey<AtomicInteger> OPEN_CHANNELS = new AttributeKey<>();
    private static final Pattern GIT_COMMAND = Pattern.compile(
            "^(git-upload-pack|git-receive-pack|git-upload-archive|git upload-pack|git receive-pack)\\s+'?/?([^']+?)'?$");

    private final GitLabState state;
    private final SshServer server;
    private final List<KeyPair> hostKeys;

    private final AtomicInteger authentications = new AtomicInteger();

    GitShell(GitLabState state, List<KeyPair> hostKeys, int maxChannelsPerSession) {
        this.state = state;
        this.hostKeys = List.copyOf(hostKeys);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(this.hostKeys));
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator(this::authenticate);
        server.setShellFactory(channel -> new GitLabCommand(channel, null));
        server.setCommandFactory((channel, command) -> new GitLabCommand(channel, command));
        if (maxChannelsPerSession > 0) {
            // MINA's own channel limit ends the whole session; OpenSSH's MaxSessions refuses the open.
            server.setChannelFactories(server.getChannelFactories().stream()
                    .map(f -> f.getName().equals("session") ? limited(maxChannelsPerSession) : f).toList());
        }
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    authentications.incrementAndGet();
                }
            }
        });
    }

    /** Session channels, of which one session may hold {@code limit} open: one more is refused (OPEN_FAILURE). */
    private static ChannelFactory limited(int limit) {
        return new ChannelFactory() {
            @Override
            public String getName() {
                return "session";
            }

            @Override
            public Channel createChannel(Session session) {
                AtomicInteger open = session.computeAttributeIfAbsent(OPEN_CHANNELS, k -> new AtomicInteger());
                if (open.incrementAndGet() > limit) {
                    open.decrementAndGet();
                    return null;
                }
                ChannelSession channel = new ChannelSession();
                channel.addChannelListener(new ChannelListener() {
                    @Override
                    public void channelClosed(Channel c, Throwable reason) {
                        open.decrementAndGet();
                    }
                });
                return channel;
            }
        };
    }

    /** Sessions that completed user authentication so far. */
    int authentications() {
        return authentications.get();
    }

    void start() throws IOException {
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
    }

    PublicKey hostPublicKey() {
        return hostKeys.get(0).getPublic();
    }

    PublicKey hostPublicKey(String type) {
        return hostKeys.stream().map(KeyPair::getPublic).filter(k -> KeyUtils.getKeyType(k).equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the server has no " + type + " host key"));
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private boolean authenticate(String username, PublicKey key, ServerSession session) {
        if (!"git".equals(username)) {
            return false;
        }
        String fp = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        String bare = fp.startsWith("SHA256:") ? fp.substring(7) : fp;
        Optional<TestKey> match = state.keyByFingerprint(bare).filter(TestKey::usableForAuthentication);
        match.ifPresent(k -> session.setAttribute(KEY_ID, k.id()));
        state.record(new RecordedRequest("ssh", "publickey", fp, "key", match.map(TestKey::userId).orElse(-1L),
                match.isPresent() ? 0 : 1));
        return match.isPresent();
    }

    /** One session's command: the welcome, a git service, or a refusal. */
    private final class GitLabCommand implements Command, Runnable {
        private final ChannelSession channel;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Environment env;

        GitLabCommand(ChannelSession channel, String command) {
            this.channel = channel;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            this.env = env;
            Thread t = new Thread(this, "gitlab-shell");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // The worker ends with its streams.
        }

        @Override
        public void run() {
            int code;
            try {
                code = execute();
            } catch (Exception e) {
                code = fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            try {
                out.flush();
                err.flush();
            } catch (IOException ignored) {
                // The client went away.
            }
            exit.onExit(code);
        }

        private int execute() throws IOException {
            Long keyId = channel.getSession().getAttribute(KEY_ID);
            TestKey key = state.keys().stream().filter(k -> k.id() == keyId).findFirst().orElse(null);
            if (key == null) {
                return fail("Your SSH key was removed.");
            }
            TestUser user = state.user(key.userId()).orElseThrow();
            state.record(new RecordedRequest("ssh", "exec", command == null ? "(shell)" : command, "key",
                    user.id(), 0));
            if (command == null || command.isBlank()) {
                // gitlab-shell's "discover": no expiry check here.
                out.write(("Welcome to GitLab, @" + user.username() + "!\n").getBytes(StandardCharsets.UTF_8));
                return 0;
            }
            Matcher m = GIT_COMMAND.matcher(command.trim());
            if (!m.matches() || m.group(1).contains("archive")) {
                return fail("Disallowed command");
            }
            if (key.isExpired(state.now())) {
                return fail("Your SSH key has expired.");
            }
            Optional<TestProject> project = state.project(m.group(2));
            if (project.isEmpty() || !project.get().members().contains(user.id())) {
                return fail(SmartHttp.NOT_FOUND);
            }
            try (Repository repo = new FileRepositoryBuilder().setGitDir(project.get().bareRepository().toFile())
                    .setMustExist(true).build()) {
                if (m.group(1).contains("upload")) {
                    UploadPack up = new UploadPack(repo);
                    String protocol = env == null ? null : env.getEnv().get("GIT_PROTOCOL");
                    if (protocol != null && protocol.contains("version=2")) {
                        up.setExtraParameters(List.of(protocol));
                    }
                    up.upload(in, out, err);
                } else {
                    new ReceivePack(repo).receive(in, out, err);
                }
            }
            return 0;
        }

        /** gitlab-shell's error banner on stderr, exit status 1. */
        private int fail(String message) {
            PrintStream p = new PrintStream(err, true, StandardCharsets.UTF_8);
            String rule = "========================================================================";
            p.print("remote: \nremote: " + rule + "\nremote: \nremote: " + message
                    + "\nremote: \nremote: " + rule + "\nremote: \n");
            p.flush();
            return 1;
        }
    }
}
