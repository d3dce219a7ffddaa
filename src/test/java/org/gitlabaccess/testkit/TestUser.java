package org.gitlabaccess.testkit;

/** A seeded GitLab account. */
public record TestUser(long id, String username, String name, String email, String password,
                       boolean twoFactorEnabled) {
}
