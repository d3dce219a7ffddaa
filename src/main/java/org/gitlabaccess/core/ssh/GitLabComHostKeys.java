package org.gitlabaccess.core.ssh;

import java.util.Locale;
import java.util.Set;

/**
 * gitlab.com's published SSH host key fingerprints (docs: "SSH host keys fingerprints"). A key
 * presented for gitlab.com (or its altssh endpoint) is trusted only if it is one of these.
 */
public final class GitLabComHostKeys {
    public static final Set<String> FINGERPRINTS = Set.of(
            "SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8",
            "SHA256:HbW3g8zUjNSksFbqTiUWPWg2Bq1x8xdGUrliXFzSnUw",
            "SHA256:ROQFvPThGrW4RuWLoL9tq9I9zJ42fK4XywyRtbOz/EQ");

    private GitLabComHostKeys() {
    }

    public static boolean isGitLabCom(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("gitlab.com") || h.equals("altssh.gitlab.com");
    }
}
