package org.gitlabaccess.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A plain HTTPS client that trusts the test CA (for the test server's own tests). */
public final class TestHttp {
    private final HttpClient client;
    private final String baseUrl;

    public TestHttp(GitLabTestServer server) {
        this.baseUrl = server.baseUrl();
        this.client = HttpClient.newBuilder().sslContext(trusting(server.certificates().caCertificate())).build();
    }

    public HttpResponse<String> get(String path, String token) throws IOException {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String json) throws IOException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path, String token) throws IOException {
        return send(request(path, token).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            b.header("PRIVATE-TOKEN", token);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** An SSL context that trusts only this CA, as a browser would after IT installed it. */
    public static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
