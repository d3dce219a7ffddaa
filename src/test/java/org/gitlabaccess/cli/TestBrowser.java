package org.gitlabaccess.cli;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gitlabaccess.testkit.GitLabTestServer;

/** TLS for the test's stand-in browser, which trusts the test CA as a browser would after IT installs it. */
final class TestBrowser {
    private TestBrowser() {
    }

    static SSLContext trusting(GitLabTestServer server) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("ca", server.certificates().caCertificate());
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
