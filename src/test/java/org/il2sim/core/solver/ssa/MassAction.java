package org.il2sim.core.solver.ssa;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.il2sim.core.solver.StochasticSystem;

/**
 * A hand-built mass-action {@link StochasticSystem} for tests: reactions are written like "2P -> P2" or "-> 5X",
 * and the propensity is c * prod_i C(x_i, m_i) (Gillespie 1977's combinatorial form, e.g. k1 P (P - 1) / 2 for
 * 2P -> P2, as the DSMTS models write it). An optional time factor f(t) multiplies a reaction's propensity.
 */
final class MassAction implements StochasticSystem {

    private final List<String> names;
    // flat per-reaction arrays (grown per added reaction) so propensity() is cheap enough for benchmarks
    private double[] rate = new double[0];
    private int[][] reactants = new int[0][];
    private int[][] orders = new int[0][];
    private int[][] changed = new int[0][];
    private double[][] deltas = new double[0][];
    private DoubleUnaryOperator[] timeFactor = new DoubleUnaryOperator[0];

    MassAction(String... species) {
        this.names = List.of(species);
    }

    MassAction reaction(String equation, double c) {
        return reaction(equation, c, null);
    }

    /** Adds a reaction whose propensity is multiplied by factor(t) when factor is not null. */
    MassAction reaction(String equation, double c, DoubleUnaryOperator factor) {
        String[] sides = equation.split("->", -1);
        int[] left = parse(sides[0]);
        int[] right = parse(sides[1]);
        int[] read = new int[0];
        int[] order = new int[0];
        for (int i = 0; i < left.length; i++) {
            if (left[i] > 0) {
                read = append(read, i);
                order = append(order, left[i]);
            }
        }
        int[] ch = new int[0];
        double[] d = new double[0];
        for (int i = 0; i < left.length; i++) {
            if (right[i] != left[i]) {
                ch = append(ch, i);
                d = Arrays.copyOf(d, d.length + 1);
                d[d.length - 1] = right[i] - left[i];
            }
        }
        int m = rate.length;
        rate = Arrays.copyOf(rate, m + 1);
        rate[m] = c;
        reactants = Arrays.copyOf(reactants, m + 1);
        reactants[m] = read;
        orders = Arrays.copyOf(orders, m + 1);
        orders[m] = order;
        changed = Arrays.copyOf(changed, m + 1);
        changed[m] = ch;
        deltas = Arrays.copyOf(deltas, m + 1);
        deltas[m] = d;
        timeFactor = Arrays.copyOf(timeFactor, m + 1);
        timeFactor[m] = factor;
        return this;
    }

    private int[] parse(String side) {
        int[] count = new int[names.size()];
        for (String term : side.split("\\+")) {
            term = term.trim();
            if (term.isEmpty()) {
                continue;
            }
            int k = 0;
            while (k < term.length() && Character.isDigit(term.charAt(k))) {
                k++;
            }
            int coefficient = k == 0 ? 1 : Integer.parseInt(term.substring(0, k));
            int species = names.indexOf(term.substring(k).trim());
            if (species < 0) {
                throw new IllegalArgumentException("unknown species in '" + term + "'");
            }
            count[species] += coefficient;
        }
        return count;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    @Override
    public int speciesCount() {
        return names.size();
    }

    @Override
    public int reactionCount() {
        return rate.length;
    }

    @Override
    public double propensity(int reaction, double[] x, double t) {
        double a = rate[reaction];
        int[] read = reactants[reaction];
        int[] order = orders[reaction];
        for (int k = 0; k < read.length; k++) {
            double xi = x[read[k]];
            for (int l = 0; l < order[k]; l++) {
                a *= Math.max(0, xi - l) / (l + 1); // C(x, m), zero when x < m
            }
        }
        DoubleUnaryOperator f = timeFactor[reaction];
        return f == null ? a : a * f.applyAsDouble(t);
    }

    @Override
    public int[] changedSpecies(int reaction) {
        return changed[reaction].clone();
    }

    @Override
    public double[] changes(int reaction) {
        return deltas[reaction].clone();
    }

    @Override
    public int[] readSpecies(int reaction) {
        return reactants[reaction].clone();
    }

    @Override
    public int[] reactantOrders(int reaction) {
        return orders[reaction].clone();
    }

    @Override
    public boolean timeDependent(int reaction) {
        return timeFactor[reaction] != null;
    }

    @Override
    public String speciesName(int i) {
        return names.get(i);
    }

    int species(String name) {
        return names.indexOf(name);
    }
}
