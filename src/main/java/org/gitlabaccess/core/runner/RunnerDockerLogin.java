package org.gitlabaccess.core.runner;

import java.util.Optional;
import java.util.Set;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.credentials.DockerCredentials;
import org.gitlabaccess.core.credentials.DockerFinding;
import org.gitlabaccess.core.credentials.DockerFinding.Status;

/**
 * A docker login that image pulls on the runner host would use for the GitLab host or its registry,
 * before the job's own token: where it is, whose it is, and what GitLab says of it. Never the secret.
 *
 * @param owner the host user whose docker config holds it, or the runner whose environment sets it
 */
public record RunnerDockerLogin(Source source, String owner, DockerFinding finding) {
    private static final Set<Status> STALE = Set.of(Status.EXPIRED, Status.REVOKED, Status.REFUSED,
            Status.MALFORMED, Status.MISSING_REGISTRY_SCOPE);

    /** Where docker (or the runner) takes it from. */
    public enum Source {
        /** {@code DOCKER_AUTH_CONFIG} in a runner's {@code environment} in config.toml. */
        RUNNER_ENVIRONMENT,
        /** A host user's {@code ~/.docker/config.json}. */
        USER_CONFIG
    }

    /** GitLab refuses it (or it cannot be used): every pull with it fails. */
    public boolean stale() {
        return STALE.contains(finding.status());
    }

    /** Neither good nor known bad: kept by a credential helper, an identity token, or GitLab could not be asked. */
    public boolean unverified() {
        return !stale() && finding.status() != Status.VALID;
    }

    /** A stale login in a config.json's {@code auths}, which the fix can cut out of the file. */
    public boolean removable() {
        return source == Source.USER_CONFIG && stale();
    }

    public String registry() {
        return DockerCredentials.normalize(finding.registry());
    }

    /** One sentence: which file, whose, which registry, what it is worth, and that it comes before the job token. */
    public Text sentence() {
        Object account = finding.username().<Object>map(u -> Text.of("runner.docker-login.account", u)).orElse("");
        boolean env = source == Source.RUNNER_ENVIRONMENT;
        if (stale()) {
            return env ? Text.of("runner.docker-login.environment.stale", owner, finding.configFile(), registry(),
                    account, status()) : Text.of("runner.docker-login.user.stale", finding.configFile(), owner,
                    registry(), account, status());
        }
        return env ? Text.of("runner.docker-login.environment.used", owner, finding.configFile(), registry(), account,
                status()) : Text.of("runner.docker-login.user.used", finding.configFile(), owner, registry(), account,
                status());
    }

    /** What to do about a login that is stale or cannot be checked; empty when there is nothing to do. */
    public Optional<Text> remedy() {
        if (source == Source.RUNNER_ENVIRONMENT && (stale() || finding.status() == Status.HIDDEN)) {
            return Optional.of(Text.of("runner.docker-login.fix.environment", owner, finding.configFile()));
        }
        if (removable()) {
            return Optional.of(Text.of("runner.docker-login.fix.remove", registry(), finding.configFile()));
        }
        if (finding.status() == Status.HIDDEN) {
            return Optional.of(Text.of("runner.docker-login.fix.logout", owner, registry()));
        }
        return Optional.empty();
    }

    private Text status() {
        return switch (finding.status()) {
            case VALID -> Text.of("runner.docker-login.valid");
            case MISSING_REGISTRY_SCOPE -> Text.of("runner.docker-login.no-scope");
            case EXPIRED -> Text.of("runner.docker-login.expired");
            case REVOKED -> Text.of("runner.docker-login.revoked");
            case REFUSED -> Text.of("runner.docker-login.refused");
            case HIDDEN -> Text.of("runner.docker-login.hidden");
            case IDENTITY_TOKEN -> Text.of("runner.docker-login.identity-token");
            case MALFORMED -> Text.of("runner.docker-login.malformed");
            case UNCHECKED -> Text.of("runner.docker-login.unchecked");
        };
    }
}
