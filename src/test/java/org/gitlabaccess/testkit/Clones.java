package org.gitlabaccess.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Local clones for tests, made with JGit (no git binary needed). */
public final class Clones {
    private Clones() {
    }

    /** An empty repository at {@code dir} whose {@code origin} is {@code url}, written as a user's config would hold it. */
    public static Path withOrigin(Path dir, String url) throws IOException {
        Files.createDirectories(dir);
        try {
            Git.init().setDirectory(dir.toFile()).call().close();
        } catch (GitAPIException e) {
            throw new IOException("Cannot create a repository at " + dir, e);
        }
        Path config = dir.resolve(".git/config");
        Files.writeString(config, Files.readString(config) + "[remote \"origin\"]\n\turl = " + url + "\n");
        return dir;
    }
}
