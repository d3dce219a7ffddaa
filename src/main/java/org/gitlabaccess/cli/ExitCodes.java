package org.gitlabaccess.cli;

import org.gitlabaccess.core.ProblemKind;

/** The contract's exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTHENTICATION = 3;
    public static final int NETWORK = 4;
    public static final int LOCAL_FILES = 5;

    private ExitCodes() {
    }

    public static int of(ProblemKind kind) {
        return switch (kind) {
            case CHECK_FAILED -> CHECK_FAILED;
            case USAGE -> USAGE;
            case AUTHENTICATION -> AUTHENTICATION;
            case NETWORK -> NETWORK;
            case LOCAL_FILES -> LOCAL_FILES;
        };
    }
}
