package org.gitlabaccess.core.runner;

import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.io.Secret;

/**
 * One {@code [[runners]]} entry of config.toml.
 *
 * @param url the GitLab instance the runner was registered with
 * @param token the runner's authentication token, null when the entry has none; never shown
 * @param environment the {@code environment} list, {@code NAME=value} each, as the runner hands it to jobs
 */
public record RegisteredRunner(String name, String url, Secret token, String executor, List<String> environment) {
    private static final String DOCKER_AUTH_CONFIG = "DOCKER_AUTH_CONFIG=";

    public RegisteredRunner {
        environment = List.copyOf(environment);
    }

    /** The docker configuration (JSON) the runner uses for image pulls before the job's own credentials. */
    public Optional<String> dockerAuthConfig() {
        return environment.stream().filter(v -> v.startsWith(DOCKER_AUTH_CONFIG))
                .map(v -> v.substring(DOCKER_AUTH_CONFIG.length())).findFirst();
    }

    /** The GitLab host the runner works for; empty when its URL is missing or not a URL. */
    public Optional<GitHost> host() {
        try {
            return url.isBlank() ? Optional.empty() : Optional.of(GitHost.of(url));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** How reports name the runner: its name and URL, never its token. */
    /** Its name and URL only: the environment may hold secrets (DOCKER_AUTH_CONFIG), never to be printed. */
    @Override
    public String toString() {
        return label();
    }

    public String label() {
        return name.isBlank() ? url : name + " (" + url + ")";
    }
}
