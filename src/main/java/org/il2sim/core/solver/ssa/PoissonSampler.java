package org.il2sim.core.solver.ssa;

import java.util.random.RandomGenerator;
import org.hipparchus.special.Gamma;

/**
 * Poisson variates from a {@link RandomGenerator} without allocation. Hipparchus 3.1 cannot be used here: its
 * samplers take {@code org.hipparchus.random.RandomGenerator}, not the JDK interface, and would need a wrapper
 * object per run.
 *
 * <p>Means below {@value #PTRS_THRESHOLD} use Knuth's multiplication method (The Art of Computer Programming vol. 2,
 * section 3.4.1), which costs about mean + 1 uniforms. Larger means use PTRS, the transformed rejection method with
 * squeeze of W. H&ouml;rmann ("The transformed rejection method for generating Poisson random variables", Insurance:
 * Mathematics and Economics 12:39-45, 1993), whose constants below are those of the paper (valid for mean >= 10);
 * it needs about 1.2 pairs of uniforms per variate for any mean.
 */
final class PoissonSampler {

    static final double PTRS_THRESHOLD = 10;

    private PoissonSampler() {
    }

    /** A Poisson(mean) variate as an integer-valued double (0 for mean <= 0). */
    static double sample(RandomGenerator rng, double mean) {
        if (!(mean > 0)) {
            if (mean == 0) {
                return 0;
            }
            throw new IllegalArgumentException("Poisson mean must be >= 0: " + mean);
        }
        if (mean == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Poisson mean is infinite");
        }
        return mean < PTRS_THRESHOLD ? multiplication(rng, mean) : ptrs(rng, mean);
    }

    /** Counts uniforms until their product drops below e^-mean. */
    private static double multiplication(RandomGenerator rng, double mean) {
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }

    /** H&ouml;rmann 1993, algorithm PTRS. */
    private static double ptrs(RandomGenerator rng, double mean) {
        double slam = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k; // inside the squeeze: accepted without evaluating the density
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - Gamma.logGamma(k + 1)) {
                return k;
            }
        }
    }
}
