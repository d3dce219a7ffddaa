package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.gitlab.SetupMethod;

/** The steps of each method, in order. The wizard and {@code setup} both take them from here. */
public final class SetupFlows {
    private SetupFlows() {
    }

    public static List<SetupStep> forMethod(SetupMethod method) {
        if (method == SetupMethod.SSH) {
            return List.of(new SignInStep(), new SshKeyStep(), new UploadKeyStep(), new ConfigureSshStep(),
                    new RewriteRemotesStep(org.gitlabaccess.core.repos.RewriteTarget.SSH), new VerifySshStep(),
                    new VerifyRepositoriesStep(), new RevokeTokenStep());
        }
        throw new org.gitlabaccess.core.ProblemException(org.gitlabaccess.core.ProblemKind.USAGE, "method-unavailable",
                "Setup over HTTPS is not available in this version yet.", "Use --method ssh.");
    }
}
