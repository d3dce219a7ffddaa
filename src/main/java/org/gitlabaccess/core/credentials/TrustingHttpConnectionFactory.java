package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.gitlabaccess.core.gitlab.Origin;
import org.gitlabaccess.core.gitlab.TrustStores;

/**
 * JGit's JDK HTTP connections, trusting what the product trusts (the JDK's, the system's and the
 * {@code --ca-file} authorities) instead of the JVM default. Set on one transport at a time
 * ({@code TransportHttp.setHttpConnectionFactory}), never globally. Verification is never switched
 * off, not even when the user's git configuration says {@code http.sslVerify=false}.
 */
final class TrustingHttpConnectionFactory implements HttpConnectionFactory2 {
    private final TrustManager[] trustManagers;
    /** The only origin connections may go to (JGit follows redirects itself, credentials and all); null: any. */
    private final Origin allowed;

    TrustingHttpConnectionFactory(List<Path> caFiles, String osName) {
        try {
            KeyStore ks = TrustStores.build(caFiles, osName);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            this.trustManagers = tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS", e);
        }
        this.allowed = null;
    }

    private TrustingHttpConnectionFactory(TrustManager[] trustManagers, Origin allowed) {
        this.trustManagers = trustManagers;
        this.allowed = allowed;
    }

    /**
     * The same trust, connecting to the URL's origin only: a redirect elsewhere fails before a
     * connection (and so a Basic credential) is made.
     */
    TrustingHttpConnectionFactory restrictedTo(String url) {
        return new TrustingHttpConnectionFactory(trustManagers, Origin.of(url)
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL")));
    }

    private void check(URL url) throws IOException {
        if (allowed != null && !Origin.of(url).map(allowed::equals).orElse(false)) {
            throw new IOException(REDIRECT_REFUSED + ": " + Origin.of(url).map(Origin::toString).orElse(url.getProtocol())
                    + " is not " + allowed);
        }
    }

    /** The words a refused connection is reported with (HttpsFailureText recognises them). */
    static final String REDIRECT_REFUSED = "redirected to another origin, not followed";

    @Override
    public HttpConnection create(URL url) throws IOException {
        check(url);
        // The constructors are protected: an anonymous subclass is JGit's intended way in.
        return new JDKHttpConnection(url) {
        };
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        check(url);
        return new JDKHttpConnection(url, proxy) {
        };
    }

    @Override
    public GitSession newSession() {
        return new GitSession() {
            @Override
            public HttpConnection configure(HttpConnection connection, boolean sslVerify)
                    throws GeneralSecurityException {
                if ("https".equalsIgnoreCase(connection.getURL().getProtocol())) {
                    connection.configure(null, trustManagers, null);
                }
                return connection;
            }

            @Override
            public void close() {
                // Nothing held per session.
            }
        };
    }
}
