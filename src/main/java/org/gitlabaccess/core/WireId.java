package org.gitlabaccess.core;

import java.util.Locale;

/**
 * A value's name in JSON documents and message keys ("file-created", "verify-ssh"): the one spelling
 * the command line writes and the wizard looks texts up by.
 */
public interface WireId {
    String id();

    /** The usual spelling of an enum constant: lower case, words joined by '-'. */
    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
