package org.il2sim.cli;

/** The exit codes of every il2sim command (documented in README). */
public final class ExitCode {
    public static final int OK = 0;
    /** A check ran but found failures (failing test-suite cases, validation problems). */
    public static final int CHECK_FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int NUMERICAL_FAILURE = 3;
    public static final int UNSUPPORTED = 4;
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
