package org.gitlabaccess.core.repos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;

/**
 * git's {@code url.<base>.insteadOf} and {@code url.<base>.pushInsteadOf} rules from a repository's
 * configuration and the global one: the longest matching prefix wins, as in git.
 */
final class InsteadOfRules {
    /** One rule: URLs starting with {@code prefix} are fetched (or pushed) from {@code base} instead. */
    record Rule(String base, String prefix) {
    }

    private final List<Rule> fetch;
    private final List<Rule> push;

    private InsteadOfRules(List<Rule> fetch, List<Rule> push) {
        this.fetch = fetch;
        this.push = push;
    }

    static InsteadOfRules of(Config config) {
        List<Rule> fetch = new ArrayList<>();
        List<Rule> push = new ArrayList<>();
        for (String base : config.getSubsections("url")) {
            for (String p : config.getStringList("url", base, "insteadOf")) {
                fetch.add(new Rule(base, p));
            }
            for (String p : config.getStringList("url", base, "pushInsteadOf")) {
                push.add(new Rule(base, p));
            }
        }
        return new InsteadOfRules(fetch, push);
    }

    Optional<Rule> fetchRule(String url) {
        return longest(fetch, url);
    }

    Optional<Rule> pushRule(String url) {
        return longest(push, url);
    }

    static String apply(Optional<Rule> rule, String url) {
        return rule.map(r -> r.base() + url.substring(r.prefix().length())).orElse(url);
    }

    private static Optional<Rule> longest(List<Rule> rules, String url) {
        Rule best = null;
        for (Rule r : rules) {
            if (url.startsWith(r.prefix()) && (best == null || r.prefix().length() > best.prefix().length())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
