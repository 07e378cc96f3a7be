package org.il2sim.core.solver.ssa;

import java.util.Arrays;
import org.il2sim.core.solver.StochasticSystem;

/**
 * The tau selection of Cao, Gillespie &amp; Petzold (J. Chem. Phys. 124:044109, 2006): the largest leap for which
 * the expected change (eq. 32a) and standard deviation (eq. 32b) of every reactant species i stay below
 * max(epsilon x_i / g_i, 1), giving eq. 33:
 *
 * <pre>
 *   tau' = min over i in I_rs of { max(eps x_i/g_i, 1) / |mu_i|,  max(eps x_i/g_i, 1)^2 / sigma_i^2 },
 *   mu_i = sum_{j non-critical} nu_ij a_j,   sigma_i^2 = sum_{j non-critical} nu_ij^2 a_j.
 * </pre>
 *
 * <p>g_i (their eqs. 27-28 and the text after them) makes the relative change of every propensity at most epsilon.
 * For a reaction of order n that takes m molecules of S_i this class uses g = (n/m) sum_{l<m} x/(x - l), which is
 * exactly the paper's list: 1 (n=1), 2 (n=2, m=1), 2 + 1/(x-1) (n=2, m=2), 3 (n=3, m=1), (3/2)(2 + 1/(x-1))
 * (n=3, m=2) and 3 + 1/(x-1) + 2/(x-2) (n=3, m=3), and extends it to higher orders. The paper takes g_i from the
 * reactions of highest order in which S_i appears; here g_i is the maximum over all reactions that take S_i, which
 * equals the paper's value except for tiny counts (where it is larger, i.e. more cautious).
 *
 * <p>Reaction orders come from {@link StochasticSystem#reactantOrders}; when that is null the reactants are guessed
 * from the state change: each species read by propensity j has multiplicity max(1, -change) (exact for mass-action
 * reactions that consume their reactants, and for catalysts read with order 1). Species read with order 0 are not
 * controlled by the leap condition.
 */
final class LeapSelector {

    /** I_rs: species that are reactants of some reaction. */
    private final int[] reactantSpecies;
    /** For reactantSpecies[r], the distinct (order n, multiplicity m) pairs are at pairStart[r] .. pairStart[r+1]. */
    private final int[] pairStart;
    private final int[] order;
    private final int[] multiplicity;
    private final Stoichiometry nu;
    private final double[] mu;
    private final double[] sigma2;

    LeapSelector(StochasticSystem system, Stoichiometry nu) {
        this.nu = nu;
        int n = system.speciesCount();
        int m = system.reactionCount();
        // per species, the set of (n, m) pairs encoded as n * 1024 + m; kept small and sorted
        int[][] pairs = new int[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new int[0];
        }
        for (int j = 0; j < m; j++) {
            int[] read = system.readSpecies(j);
            int[] orders = reactantOrders(system, nu, j, read);
            int total = 0;
            for (int o : orders) {
                total += o;
            }
            for (int k = 0; k < read.length; k++) {
                if (orders[k] > 0) {
                    int code = total * 1024 + orders[k];
                    if (Arrays.binarySearch(pairs[read[k]], code) < 0) {
                        int[] p = Arrays.copyOf(pairs[read[k]], pairs[read[k]].length + 1);
                        p[p.length - 1] = code;
                        Arrays.sort(p);
                        pairs[read[k]] = p;
                    }
                }
            }
        }
        int count = 0;
        int pairCount = 0;
        for (int[] p : pairs) {
            if (p.length > 0) {
                count++;
                pairCount += p.length;
            }
        }
        reactantSpecies = new int[count];
        pairStart = new int[count + 1];
        order = new int[pairCount];
        multiplicity = new int[pairCount];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (pairs[i].length > 0) {
                reactantSpecies[r] = i;
                pairStart[r + 1] = pairStart[r] + pairs[i].length;
                for (int q = 0; q < pairs[i].length; q++) {
                    order[pairStart[r] + q] = pairs[i][q] / 1024;
                    multiplicity[pairStart[r] + q] = pairs[i][q] % 1024;
                }
                r++;
            }
        }
        mu = new double[n];
        sigma2 = new double[n];
    }

    private static int[] reactantOrders(StochasticSystem system, Stoichiometry nu, int j, int[] read) {
        int[] orders = system.reactantOrders(j);
        if (orders != null) {
            if (orders.length != read.length) {
                throw new IllegalArgumentException("reaction " + j + ": reactantOrders and readSpecies differ in length");
            }
            for (int o : orders) {
                if (o < 0 || o >= 1024) {
                    throw new IllegalArgumentException("reaction " + j + ": reactant order " + o + " out of range");
                }
            }
            return orders;
        }
        int[] guess = new int[read.length];
        for (int k = 0; k < read.length; k++) {
            guess[k] = (int) Math.max(1, Math.min(1023, Math.round(-nu.change(j, read[k]))));
        }
        return guess;
    }

    /** g_i for species index r of I_rs at count x: the largest (n/m) sum_{l<m} x/(x-l) over its reactions. */
    private double g(int r, double x) {
        double g = 0;
        for (int q = pairStart[r]; q < pairStart[r + 1]; q++) {
            int m = multiplicity[q];
            double s = 0;
            for (int l = 0; l < m; l++) {
                s += x / (x - l); // infinite at x = l: then the bound below falls back to 1 molecule
            }
            g = Math.max(g, (double) order[q] / m * s);
        }
        return g;
    }

    /**
     * tau' of eq. 33 over the non-critical reactions (critical[j] false), or infinity when no reactant species can
     * change through them.
     */
    double select(double[] x, double[] a, boolean[] critical, double epsilon) {
        Arrays.fill(mu, 0);
        Arrays.fill(sigma2, 0);
        for (int j = 0; j < a.length; j++) {
            double aj = a[j];
            if (critical[j] || aj == 0) {
                continue;
            }
            for (int k = nu.start[j], end = nu.start[j + 1]; k < end; k++) {
                double d = nu.delta[k];
                mu[nu.species[k]] += d * aj;
                sigma2[nu.species[k]] += d * d * aj;
            }
        }
        double tau = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reactantSpecies.length; r++) {
            int i = reactantSpecies[r];
            double xi = x[i];
            double gi = g(r, xi);
            double bound = Math.max(epsilon * xi / gi, 1);
            if (!(bound >= 1)) {
                bound = 1; // NaN from 0/0 when x_i = 0 in a reaction needing several S_i
            }
            tau = Math.min(tau, Math.min(bound / Math.abs(mu[i]), bound * bound / sigma2[i]));
        }
        return tau;
    }
}
