package org.gitlabaccess.core.doctor;

/**
 * What the user can do about a check that is not ok. An automatic fix runs through the same core
 * code as the wizard; {@code doctor --fix} applies only those.
 */
public record Fix(String description, boolean automatic, FixAction action) {

    /** Applies an automatic fix; returns one sentence of what it changed. */
    @FunctionalInterface
    public interface FixAction {
        String apply(DoctorContext context);
    }

    public static Fix manual(String description) {
        return new Fix(description, false, null);
    }

    public static Fix automatic(String description, FixAction action) {
        return new Fix(description, true, action);
    }
}
