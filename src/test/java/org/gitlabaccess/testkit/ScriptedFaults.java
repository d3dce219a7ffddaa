package org.gitlabaccess.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canned misbehaviour for the next requests to a path: 5xx, 429 with Retry-After, an HTML login
 * page from an SSO proxy. Each fault answers a given number of requests, then real answers resume.
 */
public final class ScriptedFaults {
    /** One canned answer. */
    public record Fault(String pathPrefix, AtomicInteger remaining, int status, String contentType, String body,
                        Map<String, String> headers) {
    }

    private final CopyOnWriteArrayList<Fault> faults = new CopyOnWriteArrayList<>();

    public void add(String pathPrefix, int times, int status, String contentType, String body,
                    Map<String, String> headers) {
        faults.add(new Fault(pathPrefix, new AtomicInteger(times), status, contentType, body, headers));
    }

    public void clear() {
        faults.clear();
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
