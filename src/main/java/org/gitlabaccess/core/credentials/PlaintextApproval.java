package org.gitlabaccess.core.credentials;

import java.nio.file.Path;

/**
 * The user's explicit consent to a token in a plain-text file: it names the file, so a generic
 * "yes" (or {@code --yes}) can never stand for it. Create it only after showing {@link #question(Path)}
 * and getting an answer to that question.
 */
public record PlaintextApproval(Path file) {
    public PlaintextApproval {
        file = file.toAbsolutePath().normalize();
    }

    /** Consent given for exactly this file. */
    public static PlaintextApproval confirmedFor(Path file) {
        return new PlaintextApproval(file);
    }

    /** The question to ask before creating an approval. */
    public static String question(Path file) {
        return "Store the token in plain text in " + file.toAbsolutePath().normalize()
                + "? Anyone who can read that file (or a backup of it) can use the token.";
    }

    public boolean covers(Path other) {
        return other != null && file.equals(other.toAbsolutePath().normalize());
    }
}
