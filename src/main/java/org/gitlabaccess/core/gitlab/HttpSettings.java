package org.gitlabaccess.core.gitlab;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.gitlabaccess.core.io.Environment;

/**
 * How the product talks HTTPS: which authorities it trusts, which proxy it uses, and its limits.
 * Builds the one {@link HttpClient} all API calls share.
 *
 * <p>Limits: the connection within {@link #CONNECT_TIMEOUT}, the headers within {@link #REQUEST_TIMEOUT},
 * the whole answer (redirects and body included) within {@link #TOTAL_DEADLINE}, the body at most
 * {@link #MAX_BODY} bytes: GitLab's largest answer the product reads (100 keys or projects a page) is a
 * few hundred KiB. The deadline can be shortened (or lengthened, for a very slow link) with the system
 * property {@value #DEADLINE_PROPERTY}, in seconds.
 */
public final class HttpSettings {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration TOTAL_DEADLINE = Duration.ofSeconds(60);
    public static final long MAX_BODY = 8L << 20;
    public static final String DEADLINE_PROPERTY = "gitlab-access.http.deadline-seconds";

    private final List<Path> caFiles;
    private final ProxySettings proxy;
    private final Environment env;
    private final Duration requestTimeout;
    private final Duration totalDeadline;
    private RecordingTrustManager trustManager;
    private SSLContext sslContext;
    private HttpClient client;

    public HttpSettings(Environment env, List<Path> caFiles, Duration requestTimeout) {
        this.env = env;
        this.caFiles = List.copyOf(caFiles);
        this.proxy = ProxySettings.from(env);
        this.totalDeadline = env.property(DEADLINE_PROPERTY).flatMap(HttpSettings::seconds).orElse(TOTAL_DEADLINE);
        this.requestTimeout = requestTimeout.compareTo(totalDeadline) > 0 ? totalDeadline : requestTimeout;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long s = Long.parseLong(value.trim());
            return s > 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public HttpSettings(Environment env, List<Path> caFiles) {
        this(env, caFiles, REQUEST_TIMEOUT);
    }

    public List<Path> caFiles() {
        return caFiles;
    }

    public ProxySettings proxy() {
        return proxy;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The most one call may take, redirects and the whole body included. */
    public Duration totalDeadline() {
        return totalDeadline;
    }

    /** The SSL context that trusts the JDK's, the system's and the given authorities. */
    public synchronized SSLContext sslContext() {
        if (sslContext == null) {
            try {
                KeyStore ks = TrustStores.build(caFiles, env.property("os.name").orElse(""));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
                tmf.init(ks);
                for (TrustManager tm : tmf.getTrustManagers()) {
                    if (tm instanceof X509ExtendedTrustManager x) {
                        trustManager = new RecordingTrustManager(x);
                    }
                }
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {trustManager}, null);
                sslContext = ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot set up TLS", e);
            }
        }
        return sslContext;
    }

    public synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .sslContext(sslContext())
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(proxy);
            // Only with proxy credentials: with an authenticator set, the JDK client turns GitLab's
            // 401 answers (which carry no WWW-Authenticate header) into exceptions.
            if (proxy.hasCredentials()) {
                b.authenticator(proxyAuthenticator());
            }
            client = b.build();
        }
        return client;
    }

    /** The certificate the last refused server presented, for the error message. */
    X509Certificate lastRefusedCertificate() {
        sslContext();
        return trustManager == null ? null : trustManager.lastRefused();
    }

    /** Credentials from {@code HTTPS_PROXY=http://user:password@proxy:port}, offered to that proxy only. */
    private Authenticator proxyAuthenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                return proxy.credentialsFor(getRequestingHost()).orElse(null);
            }
        };
    }
}
