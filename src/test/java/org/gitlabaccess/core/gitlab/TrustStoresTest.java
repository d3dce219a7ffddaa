package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.gitlabaccess.testkit.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading authorities: in blocks, not a system call per byte, and explicit CA files read each time. */
class TrustStoresTest {
    @TempDir
    Path dir;

    /** Counts the reads that reach the underlying stream (on a file, each is a system call). */
    private static final class CountingStream extends FilterInputStream {
        int reads;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            reads++;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            return super.read(b, off, len);
        }
    }

    @Test
    void aBundleIsReadInBlocksNotByteByByte() throws Exception {
        StringBuilder bundle = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            bundle.append(TestCertificates.pem(TestCertificates.create("CA " + i).caCertificate()));
        }
        byte[] bytes = bundle.toString().getBytes(StandardCharsets.US_ASCII);
        CountingStream in = new CountingStream(new ByteArrayInputStream(bytes));

        List<X509Certificate> certs = TrustStores.parse(in);

        assertThat(certs).hasSize(5);
        // Unbuffered, the JDK's parser asks once per byte: thousands of reads for these few KB.
        assertThat(bytes.length).isGreaterThan(2000);
        assertThat(in.reads).isLessThan(20);
    }

    @Test
    void anExplicitCaFileIsReadAgainOnEveryBuild() throws Exception {
        Path file = dir.resolve("company-ca.pem");
        TestCertificates first = TestCertificates.create("First Company CA");
        TestCertificates second = TestCertificates.create("Second Company CA");

        first.writeCaPem(file);
        KeyStore before = TrustStores.build(List.of(file), "Linux");
        second.writeCaPem(file);
        KeyStore after = TrustStores.build(List.of(file), "Linux");

        assertThat(before.getCertificateAlias(first.caCertificate())).isNotNull();
        assertThat(after.getCertificateAlias(first.caCertificate())).isNull();
        assertThat(after.getCertificateAlias(second.caCertificate())).isNotNull();
        // The JDK's and the system's authorities are the same in both.
        assertThat(Collections.list(after.aliases())).hasSameSizeAs(Collections.list(before.aliases()));
    }
}
