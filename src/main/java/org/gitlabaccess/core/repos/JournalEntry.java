package org.gitlabaccess.core.repos;

/**
 * One line of a rewrite journal. {@code state} is {@code planned} (written before the file is
 * touched), then {@code done} or {@code failed}. {@code oldValue} never holds a secret: credentials
 * were removed before it was written; {@code null} means the key had no such value (an added rule).
 */
public record JournalEntry(String run, String time, String action, String state, String repository, String config,
                           String section, String subsection, String name, String oldValue, String newValue,
                           boolean credentialsRemoved, String detail) {
    public static final String PLANNED = "planned";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** Which value this entry is about, whatever its state. */
    String identity() {
        return config + "\u0000" + section + "\u0000" + subsection + "\u0000" + name + "\u0000" + newValue;
    }
}
