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
        return List.of(new SignInStep(), new CredentialHelperStep(), new StoreTokenStep(), new CleanStaleCopiesStep(),
                new RewriteRemotesStep(org.gitlabaccess.core.repos.RewriteTarget.HTTPS), new VerifyHttpsStep());
    }
}
