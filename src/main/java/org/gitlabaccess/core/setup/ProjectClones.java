package org.gitlabaccess.core.setup;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.gitlab.ApiPages;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.JsonFields;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.TerminalSafe;
import org.gitlabaccess.core.ssh.GitSshCommand;

/**
 * The first day's clones: the projects the user is a member of, cloned with the real {@code git}
 * (so that the user's SSH configuration or credential helper and CA are what is used, as for every
 * later fetch) into {@code ROOT/<path_with_namespace>}. Each clone goes to a hidden directory first
 * and is renamed into place only when complete: a failed or cancelled clone leaves nothing behind,
 * and an existing directory is never touched.
 */
final class ProjectClones {
    /** How many clones run at once: enough to hide the round trips, few enough for a laptop and a server. */
    static final int PARALLEL = 4;
    private static final Duration CLONE_TIMEOUT = Duration.ofMinutes(30);

    private final GitCommand git;
    /** The clones under way: removed by the shutdown hook if the process is stopped (Ctrl-C) midway. */
    private final Set<Path> underWay = ConcurrentHashMap.newKeySet();

    /** git's {@code core.sshCommand} where the home is not the account's (see {@link GitSshCommand}). */
    private final List<Map.Entry<String, String>> sshCommand;

    ProjectClones(GitCommand git) {
        this.git = git;
        this.sshCommand = GitSshCommand.forHome(git.environment()).map(c -> List.of(Map.entry("core.sshCommand", c)))
                .orElse(List.of());
    }

    /** The user's projects, most recently active first; {@code search} narrows them on GitLab's side. */
    static List<MemberProject> memberProjects(GitLabClient client, String search) {
        String query = "/projects?membership=true&simple=true&archived=false&order_by=last_activity_at&sort=desc"
                + (search == null || search.isBlank() ? "" : "&search=" + URLEncoder.encode(search.strip(),
                StandardCharsets.UTF_8));
        List<MemberProject> projects = new ArrayList<>();
        for (JsonFields p : ApiPages.all(client, query)) {
            String path = p.text("path_with_namespace");
            if (ProjectPath.valid(path)) {
                projects.add(new MemberProject(path, p.optionalDisplay("name"),
                        p.optionalText("last_activity_at").orElse(null)));
            }
        }
        return projects;
    }

    /** Clones each project not yet there, {@link #PARALLEL} at a time; progress after each one. */
    CloneReport cloneAll(List<MemberProject> projects, Path root, Function<String, String> urlOf, Progress progress) {
        List<CloneReport.Cloned> cloned = Collections.synchronizedList(new ArrayList<>());
        List<CloneReport.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
        List<CloneReport.Failed> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        Thread cleanUp = new Thread(() -> underWay.forEach(ProjectClones::quietlyDelete), "gitlab-access-clone-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "gitlab-access-clone");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (MemberProject project : projects) {
                running.add(pool.submit(() -> {
                    if (progress.cancelled()) {
                        failed.add(new CloneReport.Failed(project.path(), "cancelled"));
                        return;
                    }
                    Path target = root.resolve(project.path());
                    if (Files.exists(target)) {
                        skipped.add(new CloneReport.Skipped(project.path(), target.toString(), "exists"));
                    } else {
                        cloneOne(project, target, urlOf.apply(project.path()), cloned, failed);
                    }
                    progress.update(project.path(), (double) done.incrementAndGet() / projects.size());
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
        return new CloneReport(sorted(cloned, CloneReport.Cloned::project), sorted(skipped, CloneReport.Skipped::project),
                sorted(failed, CloneReport.Failed::project));
    }

    private void cloneOne(MemberProject project, Path target, String url, List<CloneReport.Cloned> cloned,
                          List<CloneReport.Failed> failed) {
        Path staging = target.resolveSibling("." + target.getFileName() + ".gitlab-access-clone");
        underWay.add(staging);
        try {
            Files.createDirectories(target.getParent());
            deleteTree(staging);
            GitCommand.Result r = git.runLong(target.getParent(), List.of("clone", "--quiet", "--", url,
                    staging.toString()), CLONE_TIMEOUT, sshCommand);
            if (!r.ok()) {
                deleteTree(staging);
                failed.add(new CloneReport.Failed(project.path(), firstLine(r.stderr())));
                return;
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            cloned.add(new CloneReport.Cloned(project.path(), target.toString()));
        } catch (IOException | ProblemException e) {
            quietlyDelete(staging);
            failed.add(new CloneReport.Failed(project.path(), Redactor.redact(String.valueOf(e.getMessage()))));
        } finally {
            underWay.remove(staging);
        }
    }

    /** git's reason: its first "fatal:" line (the lines after it are general advice), else its first line. */
    private static String firstLine(String stderr) {
        List<String> lines = stderr.strip().lines().filter(l -> !l.isBlank()).toList();
        return Redactor.redact(TerminalSafe.line(lines.stream().filter(l -> l.startsWith("fatal:")).findFirst()
                .or(() -> lines.stream().findFirst()).orElse("git clone failed")));
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(key, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(copy);
    }

    private static void quietlyDelete(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // The staging name is ours and hidden; the report names the failure already.
        }
    }

    /** Deletes a directory the product created, without following links out of it. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A project path GitLab can hand out: namespaces and a name, no climbing out of the clone root. */
    static final class ProjectPath {
        private ProjectPath() {
        }

        static boolean valid(String path) {
            if (path == null || path.isBlank() || path.startsWith("/") || path.length() > 1024) {
                return false;
            }
            for (String part : path.split("/")) {
                if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith("-")
                        || !part.toLowerCase(Locale.ROOT).matches("[a-z0-9_.-]+")) {
                    return false;
                }
            }
            return true;
        }
    }
}
