package org.gitlabaccess.core.doctor.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.io.ChildProcesses;

/** git is installed and recent enough (2.30+) for the credential protocol this product speaks. */
public final class GitVersionCheck implements Check {
    private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    @Override
    public String id() {
        return "git-version";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitCommand.requireReadableGlobalConfig(c.inputs().env()); // else git --version itself waits for good
        String out;
        try {
            Process p = ChildProcesses.withoutInput(c.inputs().env(), List.of("git", "--version"), Map.of())
                    .redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return CheckResult.fail(id(), c.texts().get("doctor.git-version.missing"),
                    Fix.manual(c.texts().get("doctor.git-version.missing.fix")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.skip(id(), c.texts().get("doctor.cancelled"));
        }
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            return CheckResult.warn(id(), c.texts().get("doctor.git-version.unexpected", out), null);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 2 || (major == 2 && minor < 30)) {
            return CheckResult.fail(id(), c.texts().get("doctor.git-version.too-old", out),
                    Fix.manual(c.texts().get("doctor.git-version.too-old.fix")));
        }
        return CheckResult.ok(id(), c.texts().get("doctor.git-version.ok", out));
    }
}
