package org.gitlabaccess.core.gitlab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One HTTP exchange with a total deadline that covers the body too, and a cap on the body's size.
 * The JDK's request timeout stops at the response headers: a server that then sends a byte a second
 * would hold the run for ever, and one that sends gigabytes would fill the memory.
 */
public final class BoundedExchange {
    private BoundedExchange() {
    }

    /** The body was larger than the cap; nothing more of it was read. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long cap;

        BodyTooLargeException(long cap) {
            super("the answer is larger than " + cap + " bytes");
            this.cap = cap;
        }

        long cap() {
            return cap;
        }
    }

    /** The whole exchange, body included, took longer than the deadline. */
    static final class DeadlineException extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;
        private final Duration deadline;

        DeadlineException(Duration deadline) {
            super("no complete answer within " + deadline.toSeconds() + " seconds");
            this.deadline = deadline;
        }

        Duration deadline() {
            return deadline;
        }
    }

    /**
     * Sends the request and reads the body as UTF-8 (GitLab's API speaks nothing else).
     *
     * @throws BodyTooLargeException when the body exceeds {@code maxBody} bytes
     * @throws DeadlineException when headers and body together take longer than {@code deadline}
     */
    static HttpResponse<String> send(HttpClient client, HttpRequest request, Duration deadline, long maxBody)
            throws IOException, InterruptedException {
        return send(client, request, deadline, maxBody, bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** As {@link #send(HttpClient, HttpRequest, Duration, long)}, the body as bytes (a git service's answer). */
    public static HttpResponse<byte[]> sendForBytes(HttpClient client, HttpRequest request, Duration deadline,
                                                    long maxBody) throws IOException, InterruptedException {
        return send(client, request, deadline, maxBody, Function.identity());
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, Duration deadline, long maxBody,
                                            Function<byte[], T> body) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> pending = client.sendAsync(request, info -> new CappedBody<>(maxBody,
                info.headers().firstValueAsLong("Content-Length").orElse(-1), body));
        try {
            return pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true); // closes the connection: the trickle stops here
            throw new DeadlineException(deadline);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** Collects the body up to the cap and cancels the rest of it. */
    private static final class CappedBody<T> implements HttpResponse.BodySubscriber<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long cap;
        private final long announced;
        private final Function<byte[], T> finish;
        private Flow.Subscription subscription;

        CappedBody(long cap, long announced, Function<byte[], T> finish) {
            this.cap = cap;
            this.announced = announced;
            this.finish = finish;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announced > cap) {
                s.cancel();
                result.completeExceptionally(new BodyTooLargeException(cap));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(cap));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(finish.apply(bytes.toByteArray()));
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }
    }
}
