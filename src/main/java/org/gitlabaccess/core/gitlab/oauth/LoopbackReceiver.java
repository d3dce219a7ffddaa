package org.gitlabaccess.core.gitlab.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect target of a native app's browser sign-in (RFC 8252): a one-shot HTTP listener on
 * {@code 127.0.0.1} and an ephemeral port, receiving the authorization code.
 */
public final class LoopbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> result = new CompletableFuture<>();

    public LoopbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callback", this::handle);
        server.start();
    }

    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> params = new HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        boolean ok = params.containsKey("code");
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>GitLab Access Wizard</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><h1>" + (ok ? "Signed in" : "Sign-in cancelled")
                + "</h1><p>You can close this tab and return to GitLab Access Wizard.</p></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        result.complete(params);
    }

    /** Waits for the browser to come back; the parameters of the redirect. */
    public Map<String, String> await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public void cancel() {
        result.cancel(true);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
