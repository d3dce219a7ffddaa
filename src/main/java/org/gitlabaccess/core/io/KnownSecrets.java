package org.gitlabaccess.core.io;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values this process has handled (tokens read, OAuth tokens received), so that
 * redaction masks them even when they match no known pattern. Process-wide on purpose: a log
 * appender has no other way to learn them. Values shorter than 6 characters are not kept, to
 * avoid masking ordinary words.
 */
final class KnownSecrets {
    private static final int MIN_LENGTH = 6;
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private KnownSecrets() {
    }

    static void remember(String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            VALUES.add(value);
        }
    }

    static Set<String> values() {
        return VALUES;
    }
}
