package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.TrustStores;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.repos.GitConfigFileUpdate;

/**
 * Gives git the company CA the product was given, for the GitLab host only: a copy of the PEM in
 * the app's configuration directory ({@code ca/<host>.pem}, so the original can move or vanish) and
 * {@code http.https://host/.sslCAInfo} in the global git configuration. Scoped to the host because
 * {@code sslCAInfo} replaces git's CA bundle rather than adding to it: other hosts keep the system's.
 */
public record GitCaConfigurator(GitCommand git, AppDirectories dirs, AtomicFile files) {
    /**
     * Where the copy went and the key set.
     *
     * @param warnings e.g. {@code GIT_SSL_CAINFO} set in the environment, which overrides the setting
     */
    public record Result(Path pem, String key, List<String> warnings) {
    }

    public Path pemFor(GitHost host) {
        return dirs.configDir().resolve("ca").resolve(host.fileName() + ".pem");
    }

    public String keyFor(GitHost host) {
        return "http." + host.baseUrl() + "/.sslCAInfo";
    }

    public Result configure(GitHost host, Path caFile) {
        TrustStores.readPem(caFile); // a file that is not a certificate fails here, before anything changes
        Path copy = pemFor(host);
        try {
            byte[] pem = Files.readAllBytes(caFile);
            files.write(copy, pem, AtomicFile.Options.defaults());
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "ca-copy-failed",
                    Text.of("error.ca-copy-failed", copy, e.getMessage()), Text.of("error.ca-copy-failed.hint"), e);
        }
        String key = keyFor(host);
        new GitConfigFileUpdate(files).apply(GitConfigFileUpdate.globalFile(git.environment()),
                c -> c.set("http", host.baseUrl() + "/", "sslCAInfo", copy.toString()));
        List<String> warnings = git.environment().variable("GIT_SSL_CAINFO")
                .map(v -> List.of("GIT_SSL_CAINFO is set (" + v + ") and overrides " + key + " for every host: git "
                        + "will not trust " + host.hostAndPort() + " until it is unset or points to a bundle with the CA."))
                .orElse(List.of());
        return new Result(copy, key, warnings);
    }
}
