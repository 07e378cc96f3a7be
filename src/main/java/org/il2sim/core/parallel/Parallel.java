package org.il2sim.core.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0..n-1 on a private pool of threads (replicates, sweep points, dose panels). Results must
 * be written by index so they do not depend on the thread count; the first failure is rethrown unwrapped.
 */
public final class Parallel {

    private Parallel() {
    }

    public static void forEach(int tasks, int threads, IntConsumer task) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
    }

    /** All available processors. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
