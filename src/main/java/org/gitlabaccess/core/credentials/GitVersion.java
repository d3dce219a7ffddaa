package org.gitlabaccess.core.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A git version as {@code git --version} prints it ({@code git version 2.39.5}, {@code 2.45.1.windows.1}). */
public record GitVersion(int major, int minor, int patch) implements Comparable<GitVersion> {
    /** The oldest git this product drives: 2.30 has {@code --show-scope} and the credential fixes it relies on. */
    public static final GitVersion MINIMUM = new GitVersion(2, 30, 0);
    private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static GitVersion parse(String output) {
        Matcher m = VERSION.matcher(output == null ? "" : output);
        if (!m.find()) {
            throw new IllegalArgumentException("not a git version: " + output);
        }
        return new GitVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean isAtLeast(GitVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(GitVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
