package org.gitlabaccess.core.gitlab;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The pre-filled token creation page: the one-click fix for a missing or wrong token. */
public final class TokenLinks {
    public static final List<String> SSH_SCOPES = List.of("api");
    public static final List<String> HTTPS_SCOPES = List.of("write_repository");

    private TokenLinks() {
    }

    public static String creationPage(String instanceRoot, List<String> scopes, String machineName, LocalDate today) {
        String name = "gitlab-access " + machineName + " " + today;
        return instanceRoot + "/-/user_settings/personal_access_tokens?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "&scopes=" + String.join(",", scopes);
    }

    public static List<String> scopesFor(SetupMethod method) {
        return method == SetupMethod.HTTPS ? HTTPS_SCOPES : SSH_SCOPES;
    }
}
