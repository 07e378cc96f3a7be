package org.il2sim.core.solver.ssa;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.StochasticSystem;

/**
 * Runs independent replicates of a {@link StochasticMethod} on one system, sampled on a common time grid, in
 * parallel, with results that do not depend on the number of threads:
 *
 * <ul>
 *   <li>replicate r always gets the same generator: an {@value #ALGORITHM} seeded with the r-th long drawn from a
 *       {@link SplittableRandom} seeded with the ensemble seed (so it does not depend on which thread runs it);</li>
 *   <li>replicates are grouped into fixed blocks of {@value #BLOCK} in replicate order; each block's statistics are
 *       accumulated in replicate order with Welford's update, and blocks are merged in block order with the
 *       pairwise formulas of Chan, Golub &amp; LeVeque (Am. Stat. 37:242, 1983), so every floating-point operation
 *       happens in the same order whatever the thread count.</li>
 * </ul>
 *
 * <p>The system must tolerate concurrent {@code propensity} calls from several runs (it should be stateless); the
 * method instances in this package are.
 */
public final class Ensemble {

    /** The generator algorithm of each replicate (in the JDK since 17). */
    public static final String ALGORITHM = "L64X128MixRandom";
    static final int BLOCK = 4;

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private final StochasticMethod method;
    private final StochasticSystem system;
    private final int threads;
    private final boolean keepTrajectories;

    /**
     * @param threads worker threads (at least 1; results are identical for any value)
     * @param keepTrajectories whether to keep every sampled trajectory in the result
     */
    public Ensemble(StochasticMethod method, StochasticSystem system, int threads, boolean keepTrajectories) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.method = method;
        this.system = system;
        this.threads = threads;
        this.keepTrajectories = keepTrajectories;
    }

    /** All available processors, no stored trajectories. */
    public Ensemble(StochasticMethod method, StochasticSystem system) {
        this(method, system, Runtime.getRuntime().availableProcessors(), false);
    }

    /**
     * Per-time statistics over the replicates.
     *
     * @param times the output grid
     * @param mean mean[k][i], the mean count of species i at times[k]
     * @param variance variance[k][i], the unbiased sample variance (divisor n - 1; 0 when n = 1)
     * @param trajectories trajectories[r][k][i] when kept, else null
     * @param events total reaction events over all replicates
     */
    public record Result(double[] times, int replicates, double[][] mean, double[][] variance,
            double[][][] trajectories, long events) {
    }

    /** The generator of replicate r, as used by {@link #run}; exposed so single replicates can be replayed. */
    public static RandomGenerator replicateGenerator(long seed, int replicate) {
        SplittableRandom seeds = new SplittableRandom(seed);
        long s = 0;
        for (int r = 0; r <= replicate; r++) {
            s = seeds.nextLong();
        }
        return FACTORY.create(s);
    }

    /**
     * Runs {@code replicates} replicates from (t0, x0), sampling the state at each of {@code times}
     * (non-decreasing, all >= t0).
     */
    public Result run(double t0, double[] x0, double[] times, int replicates, long seed) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1: " + replicates);
        }
        for (int k = 0; k < times.length; k++) {
            if (!(times[k] >= (k == 0 ? t0 : times[k - 1]))) {
                throw new IllegalArgumentException("output times must be non-decreasing and >= t0; times[" + k
                        + "] = " + times[k]);
            }
        }
        long[] seeds = new long[replicates];
        SplittableRandom seedStream = new SplittableRandom(seed);
        for (int r = 0; r < replicates; r++) {
            seeds[r] = seedStream.nextLong();
        }
        int cells = times.length * x0.length;
        int blocks = (replicates + BLOCK - 1) / BLOCK;
        double[][][] trajectories = keepTrajectories ? new double[replicates][][] : null;
        OrderedMerge total = new OrderedMerge(cells, blocks);
        AtomicInteger nextBlock = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();

        Runnable worker = () -> {
            double[] sample = new double[cells];
            // a failure in one worker stops the others at their next block instead of running the ensemble out
            for (int b; !failed.get() && (b = nextBlock.getAndIncrement()) < blocks; ) {
                Moments m = new Moments(cells);
                long events = 0;
                for (int r = b * BLOCK, end = Math.min(replicates, r + BLOCK); r < end; r++) {
                    StochasticRun run;
                    try {
                        run = method.start(system, t0, x0, FACTORY.create(seeds[r]));
                        for (int k = 0; k < times.length; k++) {
                            run.advanceTo(times[k]);
                            System.arraycopy(run.state(), 0, sample, k * x0.length, x0.length);
                        }
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                    m.add(sample);
                    events += run.events();
                    if (trajectories != null) {
                        trajectories[r] = unflatten(sample, times.length, x0.length);
                    }
                }
                total.offer(b, m, events);
            }
        };
        int workers = Math.min(threads, blocks);
        if (workers == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ensemble interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re; // e.g. a SolverException from one replicate
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                failed.set(true); // no-op after success (all blocks taken); stops the others after a failure
                pool.shutdown();
            }
        }
        Moments all = total.result();
        return new Result(times.clone(), replicates, unflatten(all.mean, times.length, x0.length),
                unflatten(all.variance(), times.length, x0.length), trajectories, total.events());
    }

    private static double[][] unflatten(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(flat, k * cols, out[k], 0, cols);
        }
        return out;
    }

    /**
     * Merges block statistics strictly in block order as blocks finish, holding only those that finished ahead of
     * an earlier one, so memory stays near (threads x cells) rather than (blocks x cells).
     */
    private static final class OrderedMerge {
        private final Moments total;
        private final Moments[] pending;
        private int next;
        private long events;

        OrderedMerge(int cells, int blocks) {
            total = new Moments(cells);
            pending = new Moments[blocks];
        }

        synchronized void offer(int block, Moments m, long blockEvents) {
            pending[block] = m;
            events += blockEvents; // integer sum: order does not matter
            while (next < pending.length && pending[next] != null) {
                total.merge(pending[next]);
                pending[next++] = null;
            }
        }

        synchronized long events() {
            return events;
        }

        synchronized Moments result() {
            if (next != pending.length) {
                throw new IllegalStateException("blocks missing from the ensemble: " + next + " of " + pending.length);
            }
            return total;
        }
    }

    /** Running count, mean and sum of squared deviations (M2) per cell. */
    static final class Moments {
        long n;
        final double[] mean;
        final double[] m2;

        Moments(int cells) {
            mean = new double[cells];
            m2 = new double[cells];
        }

        /** Welford's update (Technometrics 4:419, 1962). */
        void add(double[] x) {
            n++;
            for (int c = 0; c < mean.length; c++) {
                double d = x[c] - mean[c];
                mean[c] += d / n;
                m2[c] += d * (x[c] - mean[c]);
            }
        }

        /** Chan, Golub &amp; LeVeque's pairwise combination. */
        void merge(Moments o) {
            if (o.n == 0) {
                return;
            }
            if (n == 0) { // copying keeps a single block's figures bit-identical to a sequential run
                n = o.n;
                System.arraycopy(o.mean, 0, mean, 0, mean.length);
                System.arraycopy(o.m2, 0, m2, 0, m2.length);
                return;
            }
            long total = n + o.n;
            for (int c = 0; c < mean.length; c++) {
                double d = o.mean[c] - mean[c];
                mean[c] += d * o.n / total;
                m2[c] += o.m2[c] + d * d * ((double) n * o.n / total);
            }
            n = total;
        }

        double[] variance() {
            double[] v = new double[m2.length];
            if (n > 1) {
                for (int c = 0; c < v.length; c++) {
                    v[c] = m2[c] / (n - 1);
                }
            }
            return v;
        }
    }
}
