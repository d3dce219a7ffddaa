package org.gitlabaccess.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's name and version, stamped by the build. */
public final class ProductInfo {
    private ProductInfo() {
    }

    /**
     * The jar's Implementation-Version, else version.properties (classes not in a jar: tests, the
     * IDE). The manifest comes with the class (a CDS archive keeps it), where looking a resource up
     * costs `--version` a third of its run on JDK 25 (the module image and a generated class).
     */
    public static String version() {
        String stamped = ProductInfo.class.getPackage().getImplementationVersion();
        return stamped != null ? stamped : Stamp.PROPERTIES.getProperty("version", "unknown");
    }

    /** What {@code gitlab-access --version} prints. */
    public static String versionLine() {
        return "gitlab-access " + version();
    }

    public static String name() {
        return Stamp.PROPERTIES.getProperty("name", "GitLab Access Wizard");
    }

    /** version.properties, read on first use. */
    private static final class Stamp {
        static final Properties PROPERTIES = load();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ProductInfo.class.getResourceAsStream("/org/gitlabaccess/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The version is informative only.
        }
        return p;
    }
}
