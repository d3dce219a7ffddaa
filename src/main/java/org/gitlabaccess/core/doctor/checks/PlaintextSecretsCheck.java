package org.gitlabaccess.core.doctor.checks;

import java.util.List;
import java.util.function.Function;
import org.gitlabaccess.core.credentials.GitCredentialsFiles;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.NetrcFiles;
import org.gitlabaccess.core.credentials.PlaintextFinding;
import org.gitlabaccess.core.credentials.PlaintextStore;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Plain-text passwords or tokens for the host in {@code ~/.git-credentials} or {@code ~/.netrc}:
 * the copies git or curl keep offering after a token expires. {@code --fix} removes just those lines.
 */
public final class PlaintextSecretsCheck implements Check {
    private final CheckId id;
    private final String fileName;
    private final Function<DoctorContext, PlaintextStore> store;

    /** Finds and removes the entries for a host in one kind of file. */
    private PlaintextSecretsCheck(CheckId id, String fileName, Function<DoctorContext, PlaintextStore> store) {
        this.id = id;
        this.fileName = fileName;
        this.store = store;
    }

    public static PlaintextSecretsCheck gitCredentials() {
        return new PlaintextSecretsCheck(CheckId.GIT_CREDENTIALS_PLAINTEXT, "~/.git-credentials",
                c -> new GitCredentialsFiles(c.home(), AppDirectories.of(c.inputs().env()).xdgConfigHome(),
                        new AtomicFile()));
    }

    public static PlaintextSecretsCheck netrc() {
        return new PlaintextSecretsCheck(CheckId.NETRC_PLAINTEXT, "~/.netrc", c -> new NetrcFiles(c.home(),
                new AtomicFile()));
    }

    @Override
    public CheckId id() {
        return id;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitHost host = GitHost.of(c.url().toString());
        PlaintextStore files = store.apply(c);
        List<PlaintextFinding> found = files.find(host);
        // A FIFO, device or huge file is never opened: named, since what it holds went unchecked.
        List<BoundedFiles.RefusedFileException> refused = files.refused();
        String note = refused.isEmpty() ? "" : " " + c.texts().get("doctor.files-not-read", BoundedFiles.describe(refused));
        if (found.isEmpty()) {
            String summary = c.texts().get("doctor.plaintext.ok", host.hostAndPort(), fileName) + note;
            return refused.isEmpty() ? CheckResult.ok(id, summary) : CheckResult.warn(id, summary, null);
        }
        String where = String.join("; ", found.stream().map(f -> f.describe(c.home())).toList());
        return CheckResult.fail(id, c.texts().get("doctor.plaintext.found", found.size(), host.hostAndPort(), where)
                        + note,
                Fix.automatic(c.texts().get("doctor.plaintext.fix"),
                        c.texts().get("doctor.plaintext.consent", found.size(), where), ctx -> {
                    var removed = store.apply(ctx).remove(GitHost.of(ctx.url().toString()));
                    return ctx.texts().get("doctor.plaintext.fixed", removed.size(), fileName);
                }));
    }
}
