package org.gitlabaccess.core.io;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values this process has handled (tokens read, OAuth tokens received), so that
 * redaction masks them even when they match no known pattern. Process-wide on purpose: a log
 * appender has no other way to learn them. Only values that cannot be ordinary words are kept
 * ({@link TokenShape#rememberable}: 20 characters or more, no white space, two kinds of characters):
 * masking a short passphrase such as {@code gitlab} wherever it appears would reveal it by position
 * and corrupt every URL holding the word. Such values are masked where they stand, by shape.
 */
final class KnownSecrets {
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private KnownSecrets() {
    }

    static void remember(String value) {
        if (TokenShape.rememberable(value)) {
            VALUES.add(value);
        }
    }

    static Set<String> values() {
        return VALUES;
    }
}
