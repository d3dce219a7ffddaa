package org.gitlabaccess.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A request as the server's handlers see it: path below the instance root, parameters, replies. */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpExchange http;
    final String path;
    final Map<String, String> query;
    private Map<String, String> params;
    int status;
    /** Changes a successful JSON answer before it is sent (hostile-server tests). */
    java.util.function.UnaryOperator<JsonNode> rewrite;

    Exchange(HttpExchange http, String path) {
        this.http = http;
        this.path = path;
        this.query = parseForm(http.getRequestURI().getRawQuery());
    }

    String method() {
        return http.getRequestMethod();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    InputStream body() throws IOException {
        InputStream in = http.getRequestBody();
        return "gzip".equalsIgnoreCase(header("Content-Encoding")) ? new GZIPInputStream(in) : in;
    }

    /** Query, form or JSON body parameters, as GitLab's API accepts all three. */
    Map<String, String> params() throws IOException {
        if (params != null) {
            return params;
        }
        params = new LinkedHashMap<>(query);
        if (!method().equals("GET")) {
            byte[] bytes = body().readAllBytes();
            String contentType = header("Content-Type") == null ? "" : header("Content-Type");
            if (contentType.startsWith("application/json") && bytes.length > 0) {
                JsonNode node = JSON.readTree(bytes);
                node.fields().forEachRemaining(e -> params.put(e.getKey(),
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            } else if (bytes.length > 0) {
                params.putAll(parseForm(new String(bytes, StandardCharsets.UTF_8)));
            }
        }
        return params;
    }

    void json(int code, Object body) throws IOException {
        Object sent = body;
        if (rewrite != null && code >= 200 && code < 300) {
            sent = rewrite.apply(JSON.valueToTree(body));
        }
        byte[] bytes = JSON.writeValueAsBytes(sent);
        http.getResponseHeaders().set("Content-Type", "application/json");
        send(code, bytes);
    }

    void text(int code, String body) throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(code, body.getBytes(StandardCharsets.UTF_8));
    }

    void html(int code, String body) throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(code, body.getBytes(StandardCharsets.UTF_8));
    }

    void empty(int code) throws IOException {
        status = code;
        http.sendResponseHeaders(code, -1);
        http.close();
    }

    void send(int code, byte[] bytes) throws IOException {
        status = code;
        http.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
        http.close();
    }

    /** A 200 JSON answer of raw bytes, each {@code perByte} after the last (zero: all at once). */
    void sendRaw(byte[] bytes, java.time.Duration perByte) throws IOException {
        http.getResponseHeaders().set("Content-Type", "application/json");
        if (perByte.isZero()) {
            send(200, bytes);
            return;
        }
        status = 200;
        http.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(perByte.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client hung up, as it should once its deadline passed.
        }
        http.close();
    }

    /** Starts a streamed (chunked) response; the caller writes and closes. */
    OutputStream stream(int code, String contentType) throws IOException {
        status = code;
        http.getResponseHeaders().set("Content-Type", contentType);
        http.getResponseHeaders().set("Cache-Control", "no-cache");
        http.sendResponseHeaders(code, 0);
        return http.getResponseBody();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Map<String, Object> message(String message) {
        return Map.of("message", message);
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            map.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return map;
    }
}
