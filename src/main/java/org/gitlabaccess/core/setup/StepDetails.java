package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.setup.AccessVerification.UrlOutcome;

/**
 * The facts a step reports besides its sentence, as a record: the command line writes its components
 * as the JSON document's {@code details}, in their order. One record per step, all here: the
 * document's contract in one place.
 */
public interface StepDetails {
    /** A step with nothing to add to its sentence. */
    record None() implements StepDetails {
    }

    /** A failed step: the problem's stable reason (e.g. {@code ssh-port-blocked}). */
    record Failure(String reason) implements StepDetails {
    }

    /** Signed in with a personal access token: its scopes and expiry (null: never). */
    record TokenSignIn(String host, String username, List<String> scopes, String expiresAt) implements StepDetails {
    }

    /** Signed in in the browser (OAuth). */
    record BrowserSignIn(String host, String username, boolean oauth) implements StepDetails {
    }

    /** The key setup found and opened. */
    record KeyReused(String privateKey, String fingerprint) implements StepDetails {
    }

    /** @param passphrase whether the new key is protected by one */
    record KeyCreated(String privateKey, String fingerprint, boolean passphrase) implements StepDetails {
    }

    /** The key as the account holds it. */
    record KeyUploaded(long keyId, String title, String expiresAt) implements StepDetails {
    }

    /** The user name git sends with the token. */
    record TokenStored(String username) implements StepDetails {
    }

    /** How many plain-text entries went. */
    record StaleCopiesRemoved(int removed) implements StepDetails {
    }

    /** The helper configured for the host, as git's configuration names it, and its kind. */
    record HelperConfigured(String helper, String kind) implements StepDetails {
    }

    /**
     * @param leftAlone remotes of other hosts and the like, never touched
     * @param skipped git files the scan would not open (their remotes stay as they are)
     * @param journal the journal {@code repos undo} reads; null when nothing changed
     */
    record RemotesRewritten(int repositories, int alreadyInTargetForm, int leftAlone, List<SkippedFile> skipped,
                            String journal) implements StepDetails {
    }

    /** A file the scan did not read, and why (fifo, device, too-large, ...). */
    record SkippedFile(String path, String reason) {
    }

    /** Where SSH goes now, the host key it trusts, and what ssh-agent made of the key. */
    record SshConfigured(String host, String hostName, int port, String hostKeyFingerprint, String agent)
            implements StepDetails {
    }

    /** GitLab's welcome: who the key signs in as, where. */
    record SshVerified(String endpoint, String username, String welcome) implements StepDetails {
    }

    /** Each repository with the token, and once with plain git and nothing but the user's configuration. */
    record HttpsVerified(List<UrlOutcome> repositories, UrlOutcome plainGit) implements StepDetails {
    }

    /** Each GitLab remote's ls-remote, over the transport the remotes now use. */
    record RepositoriesVerified(List<UrlOutcome> repositories, String to) implements StepDetails {
    }
}
