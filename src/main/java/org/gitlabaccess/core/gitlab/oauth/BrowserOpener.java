package org.gitlabaccess.core.gitlab.oauth;

/** Opens a URL in the user's browser; tests play the browser instead. */
@FunctionalInterface
public interface BrowserOpener {
    /** @return true when a browser was started */
    boolean open(String url);
}
