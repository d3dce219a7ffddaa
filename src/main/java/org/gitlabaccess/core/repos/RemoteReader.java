package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Reads a repository's remotes with the {@code insteadOf} rules in effect (its own configuration
 * over the global one) and classifies each URL. One unreadable repository yields a problem, not an exception;
 * a configuration that is not a regular file or is too large is not opened and is reported as skipped.
 */
public final class RemoteReader {
    private final Config global;
    private final RemoteClassifier classifier;

    public RemoteReader(Config global, RemoteClassifier classifier) {
        this.global = global;
        this.classifier = classifier;
    }

    public RemoteClassifier classifier() {
        return classifier;
    }

    public RepositoryRemotes read(FoundRepository repo) {
        Config config;
        try {
            config = GitConfigs.repository(repo.configFile(), global);
        } catch (BoundedFiles.RefusedFileException e) {
            ScanResult.Skipped skipped = ScanResult.Skipped.of(e);
            return new RepositoryRemotes(repo, List.of(), Optional.of("its configuration " + e.file()
                    + " was not read (" + skipped.reason().id() + ")"), Optional.of(skipped));
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            return new RepositoryRemotes(repo, List.of(), Optional.of("its configuration could not be read ("
                    + e.getClass().getSimpleName() + ")"));
        }
        InsteadOfRules rules = InsteadOfRules.of(config);
        List<RemoteUrl> urls = new ArrayList<>();
        for (String remote : config.getSubsections("remote")) {
            for (String value : config.getStringList("remote", remote, RemoteUrl.URL)) {
                urls.add(classify(remote, RemoteUrl.URL, value, rules.fetchRule(value)));
            }
            String[] pushUrls = config.getStringList("remote", remote, RemoteUrl.PUSH_URL);
            for (String value : pushUrls) {
                // git applies insteadOf (not pushInsteadOf) to an explicit pushurl.
                urls.add(classify(remote, RemoteUrl.PUSH_URL, value, rules.fetchRule(value)));
            }
            if (pushUrls.length == 0) {
                // Without a pushurl, git pushes to the url, rewritten by pushInsteadOf when a rule matches.
                for (String value : config.getStringList("remote", remote, RemoteUrl.URL)) {
                    var pushRule = rules.pushRule(value);
                    if (pushRule.isPresent()) {
                        urls.add(classify(remote, RemoteUrl.PUSH_BY_RULE, value, pushRule));
                    }
                }
            }
        }
        return new RepositoryRemotes(repo, List.copyOf(urls), Optional.empty());
    }

    private RemoteUrl classify(String remote, String key, String value, Optional<InsteadOfRules.Rule> rule) {
        GitUrl configured = GitUrl.parse(value);
        GitUrl effective = rule.isPresent() ? GitUrl.parse(InsteadOfRules.apply(rule, value)) : configured;
        RemoteClassifier.Verdict v = classifier.classify(effective);
        return new RemoteUrl(remote, key, configured, effective, rule.map(InsteadOfRules.Rule::base), v.kind(),
                v.host(), v.project());
    }
}
