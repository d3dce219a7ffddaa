package org.gitlabaccess.core.gitlab;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * Which certificate authorities are trusted: the JDK's, the operating system's (Windows root
 * store, macOS keychain, the Linux CA bundle) and any CA file given explicitly. Verification is
 * never switched off; a company CA is added, not a check removed.
 */
public final class TrustStores {
    private static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    /**
     * The JDK's and the system's authorities by operating system name, read once per process: every
     * HTTPS client of a run (the API, JGit's HTTPS checks) trusts the same set, and the system bundle
     * holds hundreds of certificates. Explicit CA files are read each time, as the user may fix one.
     */
    private static final Map<String, List<X509Certificate>> SYSTEM_AUTHORITIES = new ConcurrentHashMap<>();

    private TrustStores() {
    }

    /** One key store with every trusted authority. */
    public static KeyStore build(List<Path> extraCaFiles, String osName) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int[] n = {0};
            for (X509Certificate c : systemAuthorities(osName == null ? "" : osName)) {
                ks.setCertificateEntry("system-" + n[0]++, c);
            }
            for (Path file : extraCaFiles) {
                for (X509Certificate c : readPem(file)) {
                    ks.setCertificateEntry("custom-" + n[0]++, c);
                }
            }
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the trust store", e);
        }
    }

    /** Reads every certificate in a PEM (or DER) file; a clear error when there is none. */
    public static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (NoSuchFileException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "ca-file-missing",
                    Text.of("error.ca-file-missing", file), Text.of("error.ca-file-missing.hint"));
        } catch (IOException | CertificateException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "ca-file-invalid",
                    Text.of("error.ca-file-invalid", file), Text.of("error.ca-file-invalid.hint"));
        }
    }

    /**
     * The certificates of a PEM or DER stream. Buffered: the JDK's parser reads a stream one byte at a
     * time, which on a file is one system call per byte (a system bundle is some 200 KB).
     */
    static List<X509Certificate> parse(InputStream in) throws IOException, CertificateException {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new BufferedInputStream(in));
        List<X509Certificate> list = new ArrayList<>();
        for (Certificate c : certs) {
            list.add((X509Certificate) c);
        }
        if (list.isEmpty()) {
            throw new CertificateException("no certificate");
        }
        return list;
    }

    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Synchronized: concurrent first checks (the HTTPS batch) would each read every bundle. */
    private static synchronized List<X509Certificate> systemAuthorities(String osName) throws GeneralSecurityException {
        List<X509Certificate> known = SYSTEM_AUTHORITIES.get(osName);
        if (known == null) {
            List<X509Certificate> all = new ArrayList<>(jdkDefaults());
            all.addAll(operatingSystem(osName));
            known = List.copyOf(all);
            SYSTEM_AUTHORITIES.put(osName, known);
        }
        return known;
    }

    private static List<X509Certificate> jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> list = new ArrayList<>();
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                list.addAll(List.of(x.getAcceptedIssuers()));
            }
        }
        return list;
    }

    private static List<X509Certificate> operatingSystem(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<X509Certificate> list = new ArrayList<>();
        if (os.startsWith("windows")) {
            list.addAll(fromPlatformStore("Windows-ROOT"));
        } else if (os.startsWith("mac")) {
            list.addAll(fromPlatformStore("KeychainStore"));
        } else {
            for (Path bundle : LINUX_BUNDLES) {
                if (Files.isReadable(bundle)) {
                    try {
                        list.addAll(readPem(bundle));
                    } catch (ProblemException e) {
                        // An unreadable system bundle only means fewer authorities.
                    }
                    break;
                }
            }
        }
        return list;
    }

    private static List<X509Certificate> fromPlatformStore(String type) {
        List<X509Certificate> list = new ArrayList<>();
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate c) {
                    list.add(c);
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            // The platform store is a bonus; the JDK's authorities remain.
        }
        return list;
    }
}
