package org.gitlabaccess.core.runner;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.gitlabaccess.core.FileWriteProblems;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.credentials.DockerCredentials;
import org.gitlabaccess.core.credentials.DockerFinding;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.TokenProbe;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.FilePermissions;

/**
 * The docker logins an image pull on a runner host would use for a runner's GitLab or its registry,
 * in the runner's order: {@code DOCKER_AUTH_CONFIG} in the runner's environment, then the service
 * user's docker config (root's), then the gitlab-runner user's. Any of them wins over the job's own
 * token, so one stale login fails every pull (field report: a test {@code docker login} left in
 * /root/.docker/config.json). Each is tested against the runner's GitLab.
 */
public record RunnerDockerLogins(RunnerHost host, HttpSettings http, AtomicFile files) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The users' files are read as docker would read them for the service, without this process's DOCKER_CONFIG. */
    private static final Environment NO_DOCKER_CONFIG = new Environment(Map.of(), new Properties());

    /**
     * @param registries the registry names checked, for a report that found none
     * @param refused docker config files that are there but were not read (FIFOs, devices, too large)
     * @param outOfReach docker config files this process may not even look for (root's, when not run as root)
     */
    public record Scan(List<RunnerDockerLogin> logins, List<String> registries,
                       List<BoundedFiles.RefusedFileException> refused, List<Path> outOfReach) {
    }

    public Scan find(RunnerConfig config) {
        // One pass per GitLab instance: runners registered with the same one share the host's docker files.
        Map<GitHost, String> instances = new LinkedHashMap<>();
        config.runners().forEach(r -> r.host().ifPresent(h -> instances.putIfAbsent(h, r.url())));
        List<RunnerDockerLogin> logins = new ArrayList<>();
        Set<String> registries = new LinkedHashSet<>();
        Map<Path, BoundedFiles.RefusedFileException> refused = new LinkedHashMap<>();
        Set<Path> outOfReach = new LinkedHashSet<>();
        for (Map.Entry<GitHost, String> instance : instances.entrySet()) {
            GitHost gitLab = instance.getKey();
            registries.addAll(DockerCredentials.registriesFor(gitLab, List.of()));
            TokenProbe probe = new TokenProbe(new GitLabClient(http, instance.getValue(), null));
            for (RegisteredRunner runner : config.runners()) {
                if (runner.host().filter(gitLab::equals).isPresent()) {
                    runner.dockerAuthConfig().ifPresent(json -> logins.addAll(fromEnvironment(config.file(), runner,
                            json, gitLab, probe)));
                }
            }
            Set<Path> seen = new LinkedHashSet<>();
            for (String user : List.of(RunnerHost.SERVICE_USER, RunnerHost.RUNNER_USER)) {
                if (!seen.add(host.dockerConfig(user))) {
                    continue; // both users share a home
                }
                if (outOfReach(host.dockerConfig(user))) {
                    outOfReach.add(host.dockerConfig(user));
                    continue;
                }
                DockerCredentials docker = new DockerCredentials(host.home(user), NO_DOCKER_CONFIG);
                docker.refused().forEach(r -> refused.putIfAbsent(r.file(), r));
                docker.find(gitLab, List.of(), probe).forEach(f ->
                        logins.add(new RunnerDockerLogin(RunnerDockerLogin.Source.USER_CONFIG, user, f)));
            }
        }
        return new Scan(logins, List.copyOf(registries), List.copyOf(refused.values()), List.copyOf(outOfReach));
    }

    /**
     * True when this process cannot tell whether the file is there: a doctor not run as root cannot
     * look into /root, and would otherwise report the field report's login as absent.
     */
    private static boolean outOfReach(Path file) {
        try {
            Files.readAttributes(file, BasicFileAttributes.class);
            return !Files.isReadable(file);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static List<RunnerDockerLogin> fromEnvironment(Path configFile, RegisteredRunner runner, String json,
                                                           GitHost gitLab, TokenProbe probe) {
        List<DockerFinding> findings;
        try {
            findings = DockerCredentials.findIn(configFile, JSON.readTree(json), gitLab, List.of(), probe);
        } catch (JacksonException e) {
            // The runner cannot use it either; named without its content, which holds the secrets.
            findings = List.of(new DockerFinding(configFile, "DOCKER_AUTH_CONFIG", Optional.empty(),
                    DockerFinding.Status.MALFORMED, Optional.empty(), "DOCKER_AUTH_CONFIG is not JSON.",
                    Optional.empty()));
        }
        return findings.stream().map(f -> new RunnerDockerLogin(RunnerDockerLogin.Source.RUNNER_ENVIRONMENT,
                runner.label(), f)).toList();
    }

    /**
     * The fix for a {@link RunnerDockerLogin#removable()} login: cuts its entry out of the config.json,
     * every other byte kept, a backup beside it, both owner-only. Running it again changes nothing.
     *
     * @return one sentence of what it did
     */
    public Text remove(RunnerDockerLogin login) {
        if (!login.removable()) {
            throw new IllegalArgumentException("not a stale login in a docker config file");
        }
        Path file = login.finding().configFile();
        String key = login.finding().registry();
        AtomicFile.Result result;
        try {
            result = files.update(file, current -> current.isEmpty() ? null
                    : DockerAuthsCut.without(current.get(), key), AtomicFile.Options.ownerOnly().withBackup());
            if (result.backup().isPresent() && FilePermissions.isPosix()) {
                Files.setPosixFilePermissions(result.backup().get(), FilePermissions.OWNER_ONLY_FILE);
            }
        } catch (JacksonException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "docker-config-unreadable",
                    Text.of("error.docker-config-unreadable", file), Text.of("error.docker-config-unreadable.hint"));
        } catch (IOException e) {
            throw FileWriteProblems.of(file, e);
        }
        return result.changed()
                ? Text.of("runner.docker-login.removed", login.registry(), result.file(), result.backup().orElseThrow())
                : Text.of("runner.docker-login.already-removed", login.registry(), file);
    }
}
