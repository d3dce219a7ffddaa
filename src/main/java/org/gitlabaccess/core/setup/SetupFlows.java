package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.repos.RewriteTarget;

/** The steps of each method, in order. {@link SetupSession} runs them for both faces. */
final class SetupFlows {
    private SetupFlows() {
    }

    static List<SetupStep> forMethod(SetupMethod method) {
        if (method == SetupMethod.SSH) {
            return List.of(new SignInStep(), new SshKeyStep(), new UploadKeyStep(), new ConfigureSshStep(),
                    new RewriteRemotesStep(RewriteTarget.SSH), new VerifySshStep(),
                    new VerifyRepositoriesStep(), new RevokeTokenStep());
        }
        return List.of(new SignInStep(), new CredentialHelperStep(), new StoreTokenStep(), new CleanStaleCopiesStep(),
                new RewriteRemotesStep(RewriteTarget.HTTPS), new VerifyHttpsStep());
    }
}
