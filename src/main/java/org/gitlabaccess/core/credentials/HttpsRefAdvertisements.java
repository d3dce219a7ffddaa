package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gitlabaccess.core.gitlab.BoundedExchange;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.RefAdvertisement;
import org.gitlabaccess.core.io.Secret;

/**
 * Reads the ref advertisement of many remotes at once, as {@code git ls-remote} starts a fetch over
 * smart HTTP ({@code GET .../info/refs?service=git-upload-pack}), through one HTTP client: its
 * connections are kept alive and reused, and at most {@link #IN_FLIGHT} requests run at a time. A
 * remote read twice is asked once.
 *
 * <p>Only success is final here: any other answer is returned unread, and callers ask the real git (or
 * JGit) again for that remote, whose words tell exactly why it failed. On success the ref count is the
 * number of lines {@code git ls-remote} prints.
 */
public final class HttpsRefAdvertisements {
    /** What {@code git ls-remote} of one remote is asked with: the URL without user info, and its credential. */
    public record Request(String url, String username, Secret password) {
    }

    /** The advertisement of one remote; {@code refs} is -1 when it could not be read. */
    public record Answer(Request request, int refs, String detail) {
        public boolean ok() {
            return refs >= 0;
        }
    }

    static final int IN_FLIGHT = 4;
    private static final String ADVERTISEMENT = "application/x-git-upload-pack-advertisement";
    private static final String SERVICE_LINE = "# service=git-upload-pack";

    private final HttpClient client;
    private final Duration timeout;

    public HttpsRefAdvertisements(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The answers in the requests' order. */
    public List<Answer> read(List<Request> requests) {
        // Records compare their Secret by value: equal requests are one.
        List<Request> distinct = requests.stream().distinct().toList();
        Map<Request, Answer> answers = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(IN_FLIGHT, Math.max(1, distinct.size())), r -> {
            Thread t = new Thread(r, "https-refs");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Request, Future<Answer>> pending = new LinkedHashMap<>();
            distinct.forEach(r -> pending.put(r, pool.submit(() -> readOne(r))));
            for (Map.Entry<Request, Future<Answer>> e : pending.entrySet()) {
                answers.put(e.getKey(), e.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Answer> ordered = new ArrayList<>();
        for (Request r : requests) {
            Answer a = answers.get(r);
            ordered.add(a == null ? new Answer(r, -1, "interrupted") : new Answer(r, a.refs(), a.detail()));
        }
        return ordered;
    }

    private Answer readOne(Request r) {
        URI uri;
        try {
            uri = URI.create(infoRefs(r.url()));
        } catch (IllegalArgumentException e) {
            return new Answer(r, -1, "not a URL");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", ADVERTISEMENT)
                .header("User-Agent", "git/2 gitlab-access");
        basicAuth(r).ifPresent(v -> b.header("Authorization", v));
        try {
            // A deadline for headers and body together, and a cap: a server that trickles or never ends
            // cannot hold the run.
            HttpResponse<byte[]> response = BoundedExchange.sendForBytes(client, b.build(), timeout,
                    RefAdvertisement.MAX_BYTES);
            if (response.statusCode() != 200) {
                return new Answer(r, -1, "HTTP " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(ADVERTISEMENT)) {
                // A dumb server or a sign-in page: not what git would call a repository.
                return new Answer(r, -1, "not a smart HTTP answer: " + Redactor.redact(type));
            }
            int refs = countRefs(response.body());
            return refs < 0 ? new Answer(r, -1, "a malformed advertisement") : new Answer(r, refs, refs + " refs");
        } catch (IOException e) {
            return new Answer(r, -1, Redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(r, -1, "interrupted");
        }
    }

    static String infoRefs(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return base + "/info/refs?service=git-upload-pack";
    }

    private static Optional<String> basicAuth(Request r) {
        if (r.username() == null && r.password() == null) {
            return Optional.empty();
        }
        byte[] pair = ((r.username() == null ? "" : r.username()) + ":"
                + (r.password() == null ? "" : r.password().reveal())).getBytes(StandardCharsets.UTF_8);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    /**
     * The refs of smart HTTP's advertisement: the service line and its flush, then the refs as over
     * SSH ({@link RefAdvertisement}); -1 when it is not one, or larger than any repository's.
     */
    static int countRefs(byte[] body) {
        if (body.length > RefAdvertisement.MAX_BYTES) {
            return -1;
        }
        int first = RefAdvertisement.length(body, 0);
        if (first < 4 + SERVICE_LINE.length() || first > body.length
                || !new String(body, 4, first - 4, StandardCharsets.UTF_8).startsWith(SERVICE_LINE)
                || RefAdvertisement.length(body, first) != 0) {
            return -1;
        }
        return RefAdvertisement.count(body, first + 4);
    }
}
