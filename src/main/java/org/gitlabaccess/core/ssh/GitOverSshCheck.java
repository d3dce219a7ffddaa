package org.gitlabaccess.core.ssh;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;

/**
 * {@code git ls-remote} over SSH through JGit's MINA transport, as git itself would do it: the
 * user's ~/.ssh/config (identity, port, host name) and ~/.ssh/known_hosts (an unknown host is
 * refused, never added here). Proves that a repository is readable with the configured key.
 */
public final class GitOverSshCheck implements AutoCloseable {
    /** What ls-remote came to for one URL. */
    public record Result(SshCheckResult.Outcome outcome, int refs, String detail) {
        public boolean ok() {
            return outcome == SshCheckResult.Outcome.OK;
        }
    }

    private final SshdSessionFactory factory;

    public GitOverSshCheck(Path home, Path identity, Secret passphrase) {
        File homeDir = home.toFile();
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(homeDir)
                .setSshDirectory(home.resolve(".ssh").toFile());
        if (identity != null) {
            builder.setDefaultIdentities(dir -> List.of(identity));
        }
        this.factory = builder.build(null);
        this.passphrase = passphrase;
    }

    private final Secret passphrase;

    public Result lsRemote(String url) {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository()
                    .setRemote(url)
                    .setCredentialsProvider(new PassphraseProvider(passphrase))
                    .setTransportConfigCallback(t -> {
                        if (t instanceof SshTransport ssh) {
                            ssh.setSshSessionFactory(factory);
                        }
                    })
                    .setTimeout(30)
                    .call();
            return new Result(SshCheckResult.Outcome.OK, refs.size(), refs.size() + " refs");
        } catch (GitAPIException | RuntimeException e) {
            return classify(e);
        }
    }

    static Result classify(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c.getMessage()).append(' ');
        }
        String text = all.toString();
        String lower = text.toLowerCase(Locale.ROOT);
        SshCheckResult.Outcome outcome;
        if (lower.contains("ssh key has expired")) {
            outcome = SshCheckResult.Outcome.KEY_EXPIRED;
        } else if (lower.contains("no more authentication methods") || lower.contains("auth fail")
                || lower.contains("authentication failed") || lower.contains("permission denied")) {
            outcome = SshCheckResult.Outcome.KEY_NOT_REGISTERED;
        } else if (lower.contains("host key") || lower.contains("known_hosts") || lower.contains("server key did not validate")) {
            outcome = SshCheckResult.Outcome.HOST_KEY_UNKNOWN;
        } else if (lower.contains("connection refused")) {
            outcome = SshCheckResult.Outcome.CONNECTION_REFUSED;
        } else if (lower.contains("timeout") || lower.contains("timed out")) {
            outcome = SshCheckResult.Outcome.PORT_BLOCKED;
        } else if (lower.contains("unresolvedaddress") || lower.contains("unknownhost")) {
            outcome = SshCheckResult.Outcome.DNS;
        } else {
            outcome = SshCheckResult.Outcome.UNEXPECTED_ANSWER;
        }
        String detail = text.replaceAll("\\s+", " ").strip();
        return new Result(outcome, 0, Redactor.redact(detail.length() > 300 ? detail.substring(0, 300) + "…" : detail));
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Answers JGit's passphrase prompt for an encrypted identity; nothing else. */
    private static final class PassphraseProvider extends CredentialsProvider {
        private final Secret passphrase;

        PassphraseProvider(Secret passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            for (CredentialItem i : items) {
                if (!(i instanceof CredentialItem.Password) && !(i instanceof CredentialItem.InformationalMessage)
                        && !(i instanceof CredentialItem.YesNoType)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
            for (CredentialItem i : items) {
                if (i instanceof CredentialItem.Password p) {
                    if (passphrase == null || passphrase.isEmpty()) {
                        return false;
                    }
                    p.setValue(passphrase.revealChars());
                } else if (i instanceof CredentialItem.YesNoType yn) {
                    // Never accept an unknown or changed host key from here.
                    yn.setValue(false);
                }
            }
            return true;
        }
    }
}
