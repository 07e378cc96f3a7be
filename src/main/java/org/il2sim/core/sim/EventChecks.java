package org.il2sim.core.sim;

import java.util.function.Supplier;

/**
 * How runs with events check their triggers. By default a check evaluates the triggers and only the rules and rates
 * they read, in a scratch copy of the values, and stochastic runs skip the search for trigger changes between
 * reactions when no trigger reads time. {@link #withFullRefresh} runs code on the reference path instead, on which
 * every check refreshes the whole state (the behaviour before the cheap checks): the two give bit-identical
 * trajectories, which tests verify and benchmarks time against each other.
 */
public final class EventChecks {

    static final ThreadLocal<Boolean> FULL_REFRESH = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private EventChecks() {
    }

    /** Runs body with full-refresh trigger checks for runs started on this thread inside it. */
    public static <T> T withFullRefresh(Supplier<T> body) {
        Boolean before = FULL_REFRESH.get();
        FULL_REFRESH.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            FULL_REFRESH.set(before);
        }
    }
}
