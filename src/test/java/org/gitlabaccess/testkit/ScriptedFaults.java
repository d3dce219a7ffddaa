package org.gitlabaccess.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Canned misbehaviour for the next requests to a path: 5xx, 429 with Retry-After, an HTML login
 * page from an SSO proxy. Each fault answers a given number of requests, then real answers resume.
 * Hostile answers for one exact path: the real JSON with a field changed ({@link #rewriteJson}),
 * raw bytes as a 200 JSON answer ({@link #replaceBody}), or an answer trickled byte by byte ({@link #trickle}).
 */
public final class ScriptedFaults {
    /** One canned answer. */
    public record Fault(String pathPrefix, AtomicInteger remaining, int status, String contentType, String body,
                        Map<String, String> headers) {
    }

    /** The real answer's JSON, changed, for requests to exactly {@code path} (below the instance root). */
    public record Rewrite(String path, AtomicInteger remaining, UnaryOperator<JsonNode> change) {
    }

    /** A 200 answer of raw bytes, sent {@code perByte} apart (zero: at once), for requests to exactly {@code path}. */
    public record RawAnswer(String path, AtomicInteger remaining, byte[] body, Duration perByte) {
    }

    private final CopyOnWriteArrayList<Fault> faults = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Rewrite> rewrites = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<RawAnswer> raw = new CopyOnWriteArrayList<>();

    /** Applies {@code change} to the JSON of the next {@code times} successful answers to exactly {@code path}. */
    public void rewriteJson(String path, int times, UnaryOperator<JsonNode> change) {
        rewrites.add(new Rewrite(path, new AtomicInteger(times), change));
    }

    /** Answers the next {@code times} requests to exactly {@code path} with 200 and these bytes as JSON. */
    public void replaceBody(String path, int times, byte[] body) {
        raw.add(new RawAnswer(path, new AtomicInteger(times), body, Duration.ZERO));
    }

    /** Answers with 200 and these bytes as JSON, one byte every {@code perByte}: a server that trickles. */
    public void trickle(String path, int times, byte[] body, Duration perByte) {
        raw.add(new RawAnswer(path, new AtomicInteger(times), body, perByte));
    }

    Optional<Rewrite> takeRewrite(String path) {
        return rewrites.stream().filter(r -> r.path().equals(path) && r.remaining().getAndDecrement() > 0).findFirst();
    }

    Optional<RawAnswer> takeRaw(String path) {
        return raw.stream().filter(r -> r.path().equals(path) && r.remaining().getAndDecrement() > 0).findFirst();
    }

    public void add(String pathPrefix, int times, int status, String contentType, String body,
                    Map<String, String> headers) {
        faults.add(new Fault(pathPrefix, new AtomicInteger(times), status, contentType, body, headers));
    }

    public void clear() {
        faults.clear();
        rewrites.clear();
        raw.clear();
    }

    Optional<Fault> take(String path) {
        for (Fault f : faults) {
            if (path.startsWith(f.pathPrefix()) && f.remaining().getAndDecrement() > 0) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
