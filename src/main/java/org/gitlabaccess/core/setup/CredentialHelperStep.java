package org.gitlabaccess.core.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.credentials.CredentialHelperDetector;
import org.gitlabaccess.core.credentials.GitCaConfigurator;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.HelperConfigurator;
import org.gitlabaccess.core.credentials.HelperSpec;
import org.gitlabaccess.core.credentials.SecureHelperFinder;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;

/**
 * Chooses the credential helper (the best secure one, or the one asked for), configures it for the
 * GitLab host only, and gives git the custom CA for that host.
 */
public final class CredentialHelperStep extends IdentifiedStep {
    public CredentialHelperStep() {
        super(StepId.CREDENTIAL_HELPER);
    }

    @Override
    public List<Change> plan(SetupState state) {
        GitCommand git = new GitCommand(state.request().env());
        HelperSpec spec = choose(state, git);
        GitHost host = GitHost.of(state.instance().root());
        List<Change> changes = new ArrayList<>(List.of(new Change(ChangeKind.GIT_CONFIG, "credential." + host.baseUrl()
                + ".helper", null, spec.configValue())));
        if (state.request().caFile() != null) {
            changes.add(new Change(ChangeKind.GIT_CONFIG, "http." + host.baseUrl() + "/.sslCAInfo", null,
                    state.request().caFile().toString()));
        }
        return changes;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        GitCommand git = new GitCommand(state.request().env());
        git.requireUsable();
        GitHost host = GitHost.of(state.instance().root());
        HelperSpec spec = choose(state, git);
        progress.update(state.texts().get("setup.credential-helper.progress"), 0.4);
        String before = configured(git, host);
        var configuration = new HelperConfigurator(git).configure(host, spec);
        List<Change> changes = new ArrayList<>();
        if (!before.equals(configured(git, host))) {
            changes.add(new Change(ChangeKind.GIT_CONFIG, configuration.key(), null, spec.configValue()));
        }
        configuration.others().forEach(e -> state.warnings.add("Another credential helper also applies to "
                + host.hostAndPort() + ": " + e.describe() + "."));
        if (spec instanceof HelperSpec.Cache) {
            state.warnings.add("No system keyring is available here, so git keeps the token in memory (credential "
                    + "cache) for 15 minutes; after that git asks for it again.");
        }
        Path ca = state.request().caFile();
        if (ca != null) {
            var configurator = new GitCaConfigurator(git, AppDirectories.of(state.request().env()), new AtomicFile());
            String before2 = caState(git, configurator, host);
            var result = configurator.configure(host, ca);
            state.warnings.addAll(result.warnings());
            if (!before2.equals(caState(git, configurator, host))) {
                changes.add(new Change(ChangeKind.GIT_CONFIG, result.key(), null, result.pem().toString()));
            }
        }
        StepDetails.HelperConfigured details = new StepDetails.HelperConfigured(spec.configValue(), spec.kind().name().toLowerCase(Locale.ROOT));
        String summary = state.texts().get("setup.credential-helper.done", host.hostAndPort(), spec.configValue());
        return changes.isEmpty() ? StepOutcome.unchanged(id(), summary, details)
                : StepOutcome.changed(id(), summary, changes, details);
    }

    /** The helper the user named, else the best secure one here (the in-memory cache when there is none). */
    static HelperSpec choose(SetupState state, GitCommand git) {
        String name = state.request().credentialHelper();
        if (name == null || name.isBlank()) {
            return new SecureHelperFinder(git).best().spec();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("cache")) {
            return new HelperSpec.Cache(null, null);
        }
        if (n.equals("store")) {
            Path file = state.home().resolve(".git-credentials");
            if (state.request().plaintextApproval() == null || !state.request().plaintextApproval().covers(file)) {
                throw ProblemException.of(ProblemKind.USAGE, "plaintext-not-approved",
                        Text.of("error.plaintext-not-approved.store", file),
                        Text.of("error.plaintext-not-approved.store.hint"));
            }
            return new HelperSpec.Store(file, state.request().plaintextApproval());
        }
        try {
            return HelperSpec.Secure.named(n);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ProblemKind.USAGE, "unknown-helper", Text.of("error.unknown-helper", name),
                    Text.of("error.unknown-helper.hint"));
        }
    }

    /** The CA setting and the copied PEM's content, to tell whether configuring changed anything. */
    private static String caState(GitCommand git, GitCaConfigurator configurator, GitHost host) {
        String value = git.run(null, List.of("config", "--global", "--get", configurator.keyFor(host))).stdout().strip();
        String pem;
        try {
            pem = Files.exists(configurator.pemFor(host))
                    ? Files.readString(configurator.pemFor(host)) : "";
        } catch (IOException e) {
            pem = "";
        }
        return value + "\n" + pem;
    }

    private static String configured(GitCommand git, GitHost host) {
        return new CredentialHelperDetector(git).detect(host).effective().toString();
    }
}
