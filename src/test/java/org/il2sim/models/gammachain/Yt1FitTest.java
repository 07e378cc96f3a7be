package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The YT-1 fit's data, its objective at the reference vector, and a short fit. */
class Yt1FitTest {

    @Test
    void theReferenceVectorReproducesTheYt1DataItWasFittedTo() {
        Yt1Fit fit = new Yt1Fit(new Yt1Fit.Setup(List.of("k5"), false, false, 1.0, 1, 2), ParameterSet.reference());
        List<Yt1Fit.Residual> rs = fit.evaluate(new double[] {ParameterSet.reference().value("k5")});
        // 4 pSTAT5 curves x 8 doses, Ring surface IL-2Rb 2 cells x 4 conditions x 6 times, Mitra 11 times
        assertThat(rs).hasSize(32 + 48 + 11);
        double pstat = 0;
        for (Yt1Fit.Residual r : rs) {
            if (r.experiment().startsWith("pSTAT5")) {
                pstat += Math.pow(r.model() - r.data(), 2);
            }
        }
        // the anchor's posterior median: 32 points within about 0.09 RMS of the data (normalised pSTAT5)
        assertThat(Math.sqrt(pstat / 32)).isLessThan(0.1);
        // Ring 2012: surface IL-2Rb at 90 min on IL-2Ra+ cells, 1 nM IL-2 -> 0.24 of t = 0 (data); the model 0.14
        Yt1Fit.Residual ring = rs.stream().filter(r -> r.condition().equals("YT1 IL2 1 nM") && r.x() == 90)
                .findFirst().orElseThrow();
        assertThat(ring.model()).isBetween(0.13, 0.15);
    }

    @Test
    void measuredGammaChainIsTheBundledCount() {
        assertThat(Yt1Fit.measuredGammaChain()).isEqualTo(10909.0);
    }

    /**
     * Started from k5 four times too large, without a penalty, the fit returns to the anchor's value (its posterior
     * median 0.0795 min⁻¹ was fitted to the same data; our optimum with the other values fixed is 0.0796) and lowers
     * the cost.
     */
    @Test
    void aFitFromAWrongStartReturnsToTheAnchorsValue() {
        ParameterSet wrong = ParameterSet.reference().with("k5", 4 * 0.0795);
        Yt1Fit.Outcome o = new Yt1Fit(new Yt1Fit.Setup(List.of("k5"), false, false, Double.POSITIVE_INFINITY, 30, 2),
                wrong).run();
        Yt1Fit.Estimate e = o.estimates().get(0);
        assertThat(e.start()).isEqualTo(4 * 0.0795);
        assertThat(e.value()).isCloseTo(0.0795, org.assertj.core.api.Assertions.within(0.004));
        assertThat(o.cost()).isLessThan(0.8 * o.startCost());
        assertThat(e.lower95()).isLessThan(e.value());
        assertThat(e.upper95()).isGreaterThan(e.value());
        assertThat(o.fitted().value("k5")).isEqualTo(e.value());
    }

    @Test
    void unknownParametersAreRefused() {
        assertThatThrownBy(() -> new Yt1Fit(new Yt1Fit.Setup(List.of("k99"), false, false, 1, 1, 1), ParameterSet.reference()))
                .hasMessageContaining("k99");
    }

    private static double cost(List<Yt1Fit.Residual> rs) {
        double c = 0;
        for (Yt1Fit.Residual r : rs) {
            c += Math.pow(r.model() - r.data(), 2);
        }
        return c;
    }

    /**
     * The signalling layer's pSTAT5 against Ring's YT-1 curves: with the bundled dimerisation rate (1.0) it fits them
     * within 3 % (1.6 % measured) of the reference's active-complex read-out, which is the limit of fast dimerisation; the first,
     * assumed value (1e-3, pSTAT5 rising as the square root of the flux at low doses) fits them more than 30 % worse.
     */
    @Test
    void theBundledDimerisationRateFitsTheYt1PstatCurvesAsWellAsActiveComplexes() {
        ParameterSet il2sim = ParameterSet.named(ParameterSet.DEFAULT);
        double activeComplexes = cost(new Yt1Fit(new Yt1Fit.Setup(List.of("k5"), false, false, 1, 1, 2), il2sim)
                .evaluate(new double[] {il2sim.value("k5")}));
        Yt1Fit pstat5 = new Yt1Fit(new Yt1Fit.Setup(List.of("k_stat5_dimer"), false, false, 1, 1, 2,
                Yt1Fit.Readout.PSTAT5), il2sim);
        double bundled = cost(pstat5.evaluate(new double[] {il2sim.value("k_stat5_dimer")}));
        double assumed = cost(pstat5.evaluate(new double[] {1e-3}));
        assertThat(bundled).isLessThan(1.03 * activeComplexes); // measured 1.016
        assertThat(assumed).isGreaterThan(1.3 * activeComplexes);
        assertThatThrownBy(() -> new Yt1Fit(new Yt1Fit.Setup(List.of("k5"), false, false, 1, 1, 1,
                Yt1Fit.Readout.PSTAT5), ParameterSet.reference())).hasMessageContaining("signalling layer");
    }
}
