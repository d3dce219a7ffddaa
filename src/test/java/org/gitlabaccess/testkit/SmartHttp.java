package org.gitlabaccess.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol, served with JGit's UploadPack and ReceivePack, with GitLab's
 * authentication rules: Basic auth with any user name and a token as password; an account password
 * only for users without two-factor authentication.
 */
final class SmartHttp {
    static final String ACCESS_DENIED = "HTTP Basic: Access denied. If a password was provided for Git authentication, "
            + "the password was incorrect or you're required to use a token instead of a password. If a token was "
            + "provided, it was either incorrect, expired, or improperly scoped.";
    static final String NOT_ALLOWED_TO_UPLOAD = "You are not allowed to upload code.";
    static final String NOT_FOUND = "The project you were looking for could not be found or you don't have "
            + "permission to view it.";
    static final List<String> PULL_SCOPES = List.of("read_repository", "write_repository", "api", "read_api");
    static final List<String> PUSH_SCOPES = List.of("write_repository", "api");
    private static final Pattern PATH = Pattern.compile(
            "/(.+?\\.git)/(info/refs|git-upload-pack|git-receive-pack)");

    private final GitLabState state;
    private final GitLabTestServer server;

    SmartHttp(GitLabState state, GitLabTestServer server) {
        this.state = state;
        this.server = server;
    }

    static boolean matches(String path) {
        return PATH.matcher(path).matches();
    }

    /** Who is asking: a user with what they may do. */
    private record Caller(TestUser user, boolean canPull, boolean canPush) {
    }

    void handle(Exchange ex) throws IOException {
        Matcher m = PATH.matcher(ex.path);
        if (!m.matches()) {
            ex.text(404, NOT_FOUND);
            return;
        }
        String service = m.group(2).equals("info/refs") ? ex.query.get("service") : m.group(2);
        boolean push = "git-receive-pack".equals(service);
        if (!"git-upload-pack".equals(service) && !push) {
            ex.text(403, "Unsupported service");
            return;
        }
        Optional<Caller> caller = authenticate(ex);
        if (caller.isEmpty()) {
            return;
        }
        Optional<TestProject> project = state.project(m.group(1));
        if (project.isEmpty() || !project.get().members().contains(caller.get().user().id())) {
            ex.text(404, NOT_FOUND);
            return;
        }
        if (push && !caller.get().canPush()) {
            ex.text(403, NOT_ALLOWED_TO_UPLOAD);
            return;
        }
        if (!push && !caller.get().canPull()) {
            ex.text(403, "You are not allowed to download code.");
            return;
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(project.get().bareRepository().toFile())
                .setMustExist(true).build()) {
            if (m.group(2).equals("info/refs")) {
                advertise(ex, repo, service);
            } else {
                serve(ex, repo, service);
            }
        }
    }

    private Optional<Caller> authenticate(Exchange ex) throws IOException {
        String auth = ex.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            challenge(ex);
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String username = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);

        Optional<TestToken> token = state.token(password);
        if (token.isPresent()) {
            TestToken t = token.get();
            Optional<TestUser> user = state.user(t.userId);
            if (user.isPresent() && t.isActive(state.today()) && t.hasAnyScope(PULL_SCOPES)) {
                t.lastUsedAt = state.now();
                return Optional.of(new Caller(user.get(), true, t.hasAnyScope(PUSH_SCOPES)));
            }
            denied(ex, true);
            return Optional.empty();
        }
        Optional<TestUser> byPassword = state.userByPassword(username, password);
        if (byPassword.isPresent()) {
            if (byPassword.get().twoFactorEnabled()) {
                // GitLab answers a correct password of a 2FA account without a challenge.
                denied(ex, false);
                return Optional.empty();
            }
            return Optional.of(new Caller(byPassword.get(), true, true));
        }
        denied(ex, true);
        return Optional.empty();
    }

    private void challenge(Exchange ex) throws IOException {
        ex.http.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitLab\"");
        ex.text(401, "HTTP Basic: Access denied\n");
    }

    private void denied(Exchange ex, boolean withChallenge) throws IOException {
        if (withChallenge) {
            ex.http.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"GitLab\"");
        }
        ex.text(401, ACCESS_DENIED + " See " + server.baseUrl()
                + "/help/topics/git/troubleshooting_git#error-on-git-fetch-http-basic-access-denied\n");
    }

    private static void advertise(Exchange ex, Repository repo, String service) throws IOException {
        boolean v2 = isProtocolV2(ex);
        try (OutputStream out = ex.stream(200, "application/x-" + service + "-advertisement")) {
            PacketLineOut pck = new PacketLineOut(out);
            pck.writeString("# service=" + service + "\n");
            pck.end();
            PacketLineOutRefAdvertiser adv = new PacketLineOutRefAdvertiser(pck);
            if (service.equals("git-upload-pack")) {
                UploadPack up = new UploadPack(repo);
                up.setBiDirectionalPipe(false);
                if (v2) {
                    up.setExtraParameters(List.of("version=2"));
                }
                up.sendAdvertisedRefs(adv, null);
            } else {
                ReceivePack rp = new ReceivePack(repo);
                rp.setBiDirectionalPipe(false);
                rp.sendAdvertisedRefs(adv);
            }
        }
    }

    private static void serve(Exchange ex, Repository repo, String service) throws IOException {
        // Buffered whole: the JDK server's body stream lets skip() run past the body into the
        // connection, and UploadPack skips what is left of a stateless request.
        InputStream in = new java.io.ByteArrayInputStream(ex.body().readAllBytes());
        try (OutputStream out = ex.stream(200, "application/x-" + service + "-result")) {
            if (service.equals("git-upload-pack")) {
                UploadPack up = new UploadPack(repo);
                up.setBiDirectionalPipe(false);
                if (isProtocolV2(ex)) {
                    up.setExtraParameters(List.of("version=2"));
                }
                up.upload(in, out, null);
            } else {
                ReceivePack rp = new ReceivePack(repo);
                rp.setBiDirectionalPipe(false);
                rp.receive(in, out, null);
            }
        }
    }

    private static boolean isProtocolV2(Exchange ex) {
        String header = ex.header("Git-Protocol");
        return header != null && header.contains("version=2");
    }
}
