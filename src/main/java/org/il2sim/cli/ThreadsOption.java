package org.il2sim.cli;

import picocli.CommandLine.Option;

/** The --threads option of the commands that run work in parallel (a picocli mixin: one definition, one check). */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    /** The number of worker threads: the option's value, or every available core without it. */
    int count() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
