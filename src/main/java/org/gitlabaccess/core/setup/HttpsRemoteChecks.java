package org.gitlabaccess.core.setup;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.CredentialRequest;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitCredentialProtocol;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.credentials.HttpsRefAdvertisements;
import org.gitlabaccess.core.credentials.UrlCredentials;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.setup.AccessVerification.Remote;
import org.gitlabaccess.core.setup.AccessVerification.RemoteCheck;

/**
 * {@code git ls-remote} of many HTTPS remotes without a git process each. Per host, remotes are tried
 * with the real git until one works: that proves git's own TLS settings and credential for the host.
 * The rest are then read together over keep-alive connections ({@link HttpsRefAdvertisements}) with
 * the credential git would use: the one the URL embeds, else the one git's helpers fill for the remote.
 * A remote that does not answer there is asked with the real git again, so every failure keeps git's
 * own words and outcome.
 */
final class HttpsRemoteChecks {
    private final Function<String, HttpsCheckResult> realGit;
    private final HttpsRefAdvertisements advertisements;
    private final GitCredentialProtocol credentials;
    /** Two clones of one project are asked once, of git and of its helpers. */
    private final Map<String, HttpsCheckResult> byGit = new HashMap<>();
    private final Map<String, Optional<GitCredentialProtocol.Filled>> filled = new HashMap<>();

    /** {@code realGit} is the plain {@code git ls-remote} of one URL. */
    HttpsRemoteChecks(Function<String, HttpsCheckResult> realGit, HttpSettings http, GitCommand git) {
        this.realGit = realGit;
        this.advertisements = new HttpsRefAdvertisements(http.client(), http.requestTimeout());
        this.credentials = new GitCredentialProtocol(git);
    }

    /** The checks in the remotes' order. */
    List<RemoteCheck> check(List<Remote> remotes) {
        Map<Remote, RemoteCheck> done = new LinkedHashMap<>();
        for (List<Remote> group : byHost(remotes).values()) {
            checkHost(group, done);
        }
        return remotes.stream().map(done::get).toList();
    }

    private void checkHost(List<Remote> group, Map<Remote, RemoteCheck> done) {
        // Plain http is left to git alone: a credential is never sent in the clear from here.
        boolean https = group.get(0).url().regionMatches(true, 0, "https://", 0, 8);
        int next = 0;
        boolean proven = false;
        while (next < group.size() && !proven) {
            RemoteCheck c = withGit(group.get(next++));
            done.put(c.remote(), c);
            proven = c.ok();
        }
        if (!https) {
            group.subList(next, group.size()).forEach(r -> done.put(r, withGit(r)));
            return;
        }
        if (next == group.size()) {
            return;
        }
        List<Remote> rest = group.subList(next, group.size());
        List<Remote> batched = new ArrayList<>();
        List<HttpsRefAdvertisements.Request> requests = new ArrayList<>();
        for (Remote r : rest) {
            Optional<UrlCredentials> embedded = UrlCredentials.of(r.url());
            HttpsRefAdvertisements.Request request;
            if (embedded.isPresent()) {
                UrlCredentials c = embedded.get();
                request = new HttpsRefAdvertisements.Request(c.bareUrl(), c.username(), c.password());
            } else {
                Optional<GitCredentialProtocol.Filled> helpers = filled.computeIfAbsent(r.url(), this::fill);
                if (helpers.isEmpty()) {
                    done.put(r, withGit(r));
                    continue;
                }
                request = new HttpsRefAdvertisements.Request(r.url(), helpers.get().username(), helpers.get().password());
            }
            batched.add(r);
            requests.add(request);
        }
        List<HttpsRefAdvertisements.Answer> answers = advertisements.read(requests);
        for (int i = 0; i < batched.size(); i++) {
            Remote r = batched.get(i);
            HttpsRefAdvertisements.Answer a = answers.get(i);
            done.put(r, a.ok() ? new RemoteCheck(r, HttpsCheckResult.Outcome.OK, a.refs(), a.detail()) : withGit(r));
        }
    }

    /**
     * What git's helpers give for this remote. The path goes along: git drops it unless
     * {@code credential.useHttpPath} (or a helper scoped to the path) makes it count, so the answer is
     * the credential git itself would use for this remote.
     */
    private Optional<GitCredentialProtocol.Filled> fill(String url) {
        try {
            GitHost host = GitHost.of(url);
            String path = URI.create(url).getPath();
            return credentials.fill(new CredentialRequest(host.scheme(), host.hostAndPort(),
                    path == null || path.isEmpty() ? null : path.substring(1), null));
        } catch (ProblemException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private RemoteCheck withGit(Remote r) {
        HttpsCheckResult h = byGit.computeIfAbsent(r.url(), realGit);
        return new RemoteCheck(r, h.outcome(), h.refs(), h.detail());
    }

    /** Remotes by {@code scheme://host:port}; a URL without a host is a group of its own, for git to judge. */
    private static Map<String, List<Remote>> byHost(List<Remote> remotes) {
        Map<String, List<Remote>> groups = new LinkedHashMap<>();
        for (Remote r : remotes) {
            String key;
            try {
                key = GitHost.of(UrlCredentials.of(r.url()).map(UrlCredentials::bareUrl).orElse(r.url())).baseUrl();
            } catch (ProblemException e) {
                key = "\0" + groups.size();
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }
}
