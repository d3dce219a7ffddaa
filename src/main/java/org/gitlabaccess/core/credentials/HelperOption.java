package org.gitlabaccess.core.credentials;

/**
 * A helper this machine could use, with why (or why not).
 *
 * @param available false when it is installed but cannot work here (libsecret without a Secret Service, say)
 */
public record HelperOption(HelperSpec spec, boolean available, String why) {
}
