package org.gitlabaccess.core.doctor;

/**
 * What the user can do about a check that is not ok. An automatic fix says what it will change
 * before it runs ({@code consent}) and is applied by {@link FixRunner}, for {@code doctor --fix} and
 * the wizard alike; a manual one carries a {@link Remedy} the wizard can act on.
 *
 * @param description the command line's sentence (it may name commands)
 * @param consent     for an automatic fix: which files or entries it changes, asked before it runs
 * @param action      for an automatic fix: the change
 * @param remedy      for a manual fix: where the wizard takes the user; {@link Remedy#NONE} otherwise
 */
public record Fix(String description, String consent, FixAction action, Remedy remedy) {

    /** Applies an automatic fix; returns one sentence of what it changed. */
    @FunctionalInterface
    public interface FixAction {
        String apply(DoctorContext context);
    }

    public static Fix manual(String description, Remedy remedy) {
        return new Fix(description, null, null, remedy);
    }

    public static Fix automatic(String description, String consent, FixAction action) {
        return new Fix(description, consent, action, Remedy.NONE);
    }

    public boolean automatic() {
        return action != null;
    }
}
