package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKey;

/** What the steps learn as they go, typed: each step reads what earlier ones left. */
public final class SetupState {
    private final SetupRequest request;
    private final Path home;
    private final CoreTexts texts;
    Instance instance;
    GitLabClient client;
    TokenVerdict verdict;
    SshKey key;
    SshEndpoint endpoint;
    final List<String> warnings = new ArrayList<>();
    private org.gitlabaccess.core.ssh.SshConfigLookup sshLookup;
    List<org.gitlabaccess.core.repos.RepositoryRemotes> inventory = List.of();
    /** Git files the scan would not read (FIFOs, devices, too large), reported with the rewrite. */
    List<org.gitlabaccess.core.repos.ScanResult.Skipped> skippedFiles = List.of();
    org.gitlabaccess.core.repos.RewritePlan repositories;

    public SetupState(SetupRequest request) {
        this.request = request;
        this.home = UserHome.resolve(request.env());
        this.texts = CoreTexts.of(request.locale());
    }

    public SetupRequest request() {
        return request;
    }

    /** The steps' sentences, in the language of the request. */
    public CoreTexts texts() {
        return texts;
    }

    public Path home() {
        return home;
    }

    public Instance instance() {
        return instance;
    }

    public GitLabClient client() {
        return client;
    }

    public TokenVerdict verdict() {
        return verdict;
    }

    public SshKey key() {
        return key;
    }

    public SshEndpoint endpoint() {
        return endpoint;
    }

    /** OpenSSH's view of ~/.ssh/config for this run (each host asked once). */
    public synchronized org.gitlabaccess.core.ssh.SshConfigLookup sshLookup() {
        if (sshLookup == null) {
            sshLookup = org.gitlabaccess.core.ssh.SshConfigLookup.of(request.env());
        }
        return sshLookup;
    }

    /** For a caller that computed the endpoint ahead of the steps (the wizard's repository preview). */
    public void useEndpoint(SshEndpoint chosen) {
        this.endpoint = chosen;
    }

    /** The repositories found, with their remotes (after the rewrite step: as they were before it). */
    public List<org.gitlabaccess.core.repos.RepositoryRemotes> inventory() {
        return inventory;
    }

    public List<String> warnings() {
        return warnings;
    }
}
