package org.gitlabaccess.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's name and version, stamped by the build. */
public final class ProductInfo {
    private static final Properties PROPERTIES = load();

    private ProductInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** What {@code gitlab-access --version} prints. */
    public static String versionLine() {
        return "gitlab-access " + version();
    }

    public static String name() {
        return PROPERTIES.getProperty("name", "GitLab Access Wizard");
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
