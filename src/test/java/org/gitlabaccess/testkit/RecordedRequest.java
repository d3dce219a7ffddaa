package org.gitlabaccess.testkit;

/** One request the server saw, for assertions. Secrets are not kept: only whether credentials came. */
public record RecordedRequest(String protocol, String method, String path, String authentication, long userId,
                              int status) {
}
