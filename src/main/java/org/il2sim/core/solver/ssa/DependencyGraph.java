package org.il2sim.core.solver.ssa;

import java.util.Arrays;
import org.il2sim.core.solver.StochasticSystem;

/**
 * The reaction dependency graph of Gibson &amp; Bruck (J. Phys. Chem. A 104:1876, 2000, section 3): an edge j -> k
 * exists when firing j changes a species that propensity k reads, i.e. when
 * {@code changedSpecies(j)} (with a non-zero change) intersects {@code readSpecies(k)}. After j fires, only the
 * propensities of its dependents can have changed. A reaction is its own dependent only when it reads a species it
 * changes (an immigration reaction is not).
 *
 * <p>Stored in compressed-row form so the hot loops walk one int array.
 */
public final class DependencyGraph {

    private final int reactions;
    /** Dependents of j are target[start[j]] .. target[start[j + 1] - 1], ascending. */
    final int[] start;
    final int[] target;
    /** Reactions whose propensity depends explicitly on time, ascending. */
    final int[] timeDependent;

    private DependencyGraph(int reactions, int[] start, int[] target, int[] timeDependent) {
        this.reactions = reactions;
        this.start = start;
        this.target = target;
        this.timeDependent = timeDependent;
    }

    /** Builds the graph of {@code system} in O(sum of edges) time. */
    public static DependencyGraph of(StochasticSystem system) {
        int n = system.speciesCount();
        int m = system.reactionCount();
        // readers[i] = reactions whose propensity reads species i
        int[] readerCount = new int[n + 1];
        for (int k = 0; k < m; k++) {
            for (int i : system.readSpecies(k)) {
                checkSpecies(system, i, k);
                readerCount[i + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            readerCount[i + 1] += readerCount[i];
        }
        int[] readers = new int[readerCount[n]];
        int[] fill = Arrays.copyOf(readerCount, n);
        for (int k = 0; k < m; k++) {
            for (int i : system.readSpecies(k)) {
                readers[fill[i]++] = k;
            }
        }

        int[] start = new int[m + 1];
        int[] target = new int[Math.max(16, m)];
        int[] mark = new int[m];
        Arrays.fill(mark, -1);
        int[] row = new int[m];
        for (int j = 0; j < m; j++) {
            int[] changed = system.changedSpecies(j);
            double[] delta = system.changes(j);
            int size = 0;
            for (int c = 0; c < changed.length; c++) {
                int i = changed[c];
                checkSpecies(system, i, j);
                if (delta[c] == 0) {
                    continue;
                }
                for (int r = readerCount[i]; r < readerCount[i + 1]; r++) {
                    int k = readers[r];
                    if (mark[k] != j) {
                        mark[k] = j;
                        row[size++] = k;
                    }
                }
            }
            Arrays.sort(row, 0, size);
            if (start[j] + size > target.length) {
                target = Arrays.copyOf(target, Math.max(2 * target.length, start[j] + size));
            }
            System.arraycopy(row, 0, target, start[j], size);
            start[j + 1] = start[j] + size;
        }

        int[] timeDependent = new int[m];
        int count = 0;
        for (int k = 0; k < m; k++) {
            if (system.timeDependent(k)) {
                timeDependent[count++] = k;
            }
        }
        return new DependencyGraph(m, start, Arrays.copyOf(target, start[m]), Arrays.copyOf(timeDependent, count));
    }

    private static void checkSpecies(StochasticSystem system, int species, int reaction) {
        if (species < 0 || species >= system.speciesCount()) {
            throw new IllegalArgumentException("reaction " + reaction + " refers to species " + species
                    + " outside 0.." + (system.speciesCount() - 1));
        }
    }

    public int reactionCount() {
        return reactions;
    }

    /** The reactions whose propensities may change when {@code reaction} fires, ascending (a copy). */
    public int[] dependents(int reaction) {
        return Arrays.copyOfRange(target, start[reaction], start[reaction + 1]);
    }

    /** The reactions flagged {@link StochasticSystem#timeDependent}, ascending (a copy). */
    public int[] timeDependentReactions() {
        return timeDependent.clone();
    }

    public boolean hasTimeDependence() {
        return timeDependent.length > 0;
    }

    /** Total number of edges (for diagnostics). */
    public int edgeCount() {
        return target.length;
    }
}
