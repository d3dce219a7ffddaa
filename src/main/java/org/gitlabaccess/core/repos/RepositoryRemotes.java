package org.gitlabaccess.core.repos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A found repository and the URLs of its remotes, classified; or why its configuration could not be read,
 * and the file left unread when it was refused (not a regular file, too large).
 */
public record RepositoryRemotes(FoundRepository repository, List<RemoteUrl> urls, Optional<String> problem,
                                Optional<ScanResult.Skipped> skipped) {

    public RepositoryRemotes(FoundRepository repository, List<RemoteUrl> urls, Optional<String> problem) {
        this(repository, urls, problem, Optional.empty());
    }

    /** The URLs grouped by remote name, in configuration order. */
    public Map<String, List<RemoteUrl>> byRemote() {
        Map<String, List<RemoteUrl>> map = new LinkedHashMap<>();
        urls.forEach(u -> map.computeIfAbsent(u.remote(), k -> new ArrayList<>()).add(u));
        return map;
    }
}
