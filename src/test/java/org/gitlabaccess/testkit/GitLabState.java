package org.gitlabaccess.testkit;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the test server knows: accounts, tokens, registered keys, projects, and the requests
 * it has seen. Tests seed it, drive the product, then inspect it.
 */
public final class GitLabState {
    private final Clock clock;
    private final Map<Long, TestUser> users = new ConcurrentHashMap<>();
    private final Map<String, TestToken> tokensByValue = new ConcurrentHashMap<>();
    private final Map<Long, TestKey> keys = new ConcurrentHashMap<>();
    private final Map<String, TestProject> projects = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong nextTokenId = new AtomicLong(100);
    private final AtomicLong nextKeyId = new AtomicLong(1000);
    private final Map<String, TestRunner> runnersByToken = new ConcurrentHashMap<>();
    private final AtomicLong nextRunnerId = new AtomicLong(1);
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    public GitLabState(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // --- users

    public void addUser(TestUser user) {
        users.put(user.id(), user);
    }

    public Optional<TestUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public Optional<TestUser> userByName(String username) {
        return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public Optional<TestUser> userByPassword(String username, String password) {
        return userByName(username).filter(u -> u.password().equals(password));
    }

    // --- tokens

    public TestToken addToken(String value, String name, long userId, List<String> scopes, LocalDate expiresAt) {
        TestToken t = new TestToken(nextTokenId.getAndIncrement(), name, value, userId, scopes, expiresAt, now(), false);
        tokensByValue.put(value, t);
        return t;
    }

    public TestToken addOAuthToken(String value, long userId, List<String> scopes) {
        TestToken t = new TestToken(nextTokenId.getAndIncrement(), "oauth", value, userId, scopes, null, now(), true);
        tokensByValue.put(value, t);
        return t;
    }

    public Optional<TestToken> token(String value) {
        return Optional.ofNullable(tokensByValue.get(value));
    }

    /** A fresh token value in GitLab's format (prefix and 20 random characters). */
    public String newTokenValue(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Revokes the token and creates its successor, as {@code POST /personal_access_tokens/self/rotate} does. */
    public synchronized TestToken rotate(TestToken old, LocalDate expiresAt) {
        old.revoked = true;
        String value = newTokenValue("glpat-");
        TestToken t = new TestToken(nextTokenId.getAndIncrement(), old.name, value, old.userId, old.scopes,
                expiresAt, now(), false);
        tokensByValue.put(value, t);
        return t;
    }

    public String valueOf(TestToken token) {
        return token.value;
    }

    public List<TestToken> tokensOf(long userId) {
        return tokensByValue.values().stream().filter(t -> t.userId == userId).toList();
    }

    // --- keys

    public synchronized TestKey addKey(long userId, String title, String keyLine, PublicKey publicKey, String fingerprint,
                                       Instant expiresAt, String usageType) {
        TestKey k = new TestKey(nextKeyId.getAndIncrement(), userId, title, keyLine, publicKey, fingerprint, now(),
                expiresAt, usageType);
        keys.put(k.id(), k);
        return k;
    }

    public Optional<TestKey> keyByFingerprint(String fingerprintSha256) {
        return keys.values().stream().filter(k -> k.fingerprintSha256().equals(fingerprintSha256)).findFirst();
    }

    public List<TestKey> keysOf(long userId) {
        List<TestKey> list = new ArrayList<>(keys.values().stream().filter(k -> k.userId() == userId).toList());
        list.sort(java.util.Comparator.comparingLong(TestKey::id));
        return list;
    }

    public List<TestKey> keys() {
        return List.copyOf(keys.values());
    }

    public boolean removeKey(long userId, long keyId) {
        TestKey k = keys.get(keyId);
        if (k == null || k.userId() != userId) {
            return false;
        }
        keys.remove(keyId);
        return true;
    }

    // --- runners

    /** @param tokenExpiresAt null for a token that never expires */
    public TestRunner addRunner(String token, Instant tokenExpiresAt) {
        TestRunner r = new TestRunner(nextRunnerId.getAndIncrement(), token, tokenExpiresAt);
        runnersByToken.put(token, r);
        return r;
    }

    public Optional<TestRunner> runner(String token) {
        return Optional.ofNullable(runnersByToken.get(token));
    }

    // --- projects

    private volatile String sshUrlOverride;
    private volatile String httpUrlOverride;

    /** Every project's {@code ssh_url_to_repo} becomes this (a hostile API); null restores the real one. */
    public void overrideSshUrl(String url) {
        this.sshUrlOverride = url;
    }

    /** Every project's {@code http_url_to_repo} becomes this; null restores the real one. */
    public void overrideHttpUrl(String url) {
        this.httpUrlOverride = url;
    }

    String sshUrlOverride() {
        return sshUrlOverride;
    }

    String httpUrlOverride() {
        return httpUrlOverride;
    }

    public void addProject(TestProject project) {
        projects.put(project.pathWithNamespace(), project);
    }

    public Optional<TestProject> project(String pathWithNamespace) {
        String p = pathWithNamespace.startsWith("/") ? pathWithNamespace.substring(1) : pathWithNamespace;
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        return Optional.ofNullable(projects.get(p));
    }

    public Optional<TestProject> projectById(long id) {
        return projects.values().stream().filter(p -> p.id() == id).findFirst();
    }

    public List<TestProject> projects() {
        List<TestProject> list = new ArrayList<>(projects.values());
        list.sort(java.util.Comparator.comparingLong(TestProject::id));
        return list;
    }

    // --- requests

    void record(RecordedRequest request) {
        requests.add(request);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }
}
