package org.gitlabaccess.testkit;

import java.nio.file.Path;
import java.util.Set;

/** A project: its path, its bare repository on disk, and who may use it. */
public record TestProject(long id, String pathWithNamespace, String description, Path bareRepository,
                          Set<Long> members) {

    public String namespace() {
        return pathWithNamespace.substring(0, pathWithNamespace.lastIndexOf('/'));
    }

    public String path() {
        return pathWithNamespace.substring(pathWithNamespace.lastIndexOf('/') + 1);
    }
}
