package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.ModelState;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the anchor model (its unit tests, reference §9): receptor conservation, the no-ligand steady state,
 * and detailed balance of the binding reactions.
 */
class GammaChainInvariantsTest {

    /** Every ligand at 1 nM on NK cells given every receptor (IL-15Rα, IL-9R, IL-4Rα, IL-21R added). */
    private static ReactionNetwork allLigands(ParameterSet p) {
        ReceptorAbundances cell = ReceptorTables.farhat2021("NK").with(Receptor.IL15Ra, 1500)
                .with(Receptor.IL7Ra, 2000).with(Receptor.IL9R, 800).with(Receptor.IL4Ra, 1200)
                .with(Receptor.IL21R, 900);
        Map<Ligand, Double> doses = new EnumMap<>(Ligand.class);
        for (Ligand l : Ligand.values()) {
            if (l != Ligand.IL15_15Ra || p.contains(GammaChainModel.TRANS_PRESENTATION_RATE)) {
                doses.put(l, 1.0);
            }
        }
        return GammaChainModel.build(cell, doses, p);
    }

    /** Total count of a receptor chain over every species of both compartments (amounts, #/cell). */
    private static double total(CompiledModel m, double[] amounts, Receptor r) {
        double sum = 0;
        for (Location where : Location.values()) {
            for (ReceptorSpecies s : ReceptorSpecies.values()) {
                if (s.receptors().contains(r) && m.slot(s.id(where)) >= 0) {
                    sum += amounts[stateIndex(m, s.id(where))];
                }
            }
        }
        return sum;
    }

    private static int stateIndex(CompiledModel m, String id) {
        for (int i = 0; i < m.stateSize(); i++) {
            if (m.stateName(i).equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static void assertConserved(ParameterSet p) {
        CompiledModel m = CompiledModel.compile(allLigands(p));
        double[] y0 = m.initialState();
        for (double t : new double[] {1, 10, 60, 600}) {
            double[] y = GammaChainTesting.stateAt(m, GammaChainTesting.TIGHT, t);
            for (Receptor r : Receptor.values()) {
                double want = total(m, y0, r);
                assertThat(total(m, y, r)).as("%s at t = %s", r, t).isCloseTo(want,
                        within(1e-7 * want));
            }
        }
    }

    @Test
    void everyReceptorIsConservedWithTraffickingOff() {
        // k_endo = k_endo,a = 0: no endocytosis; k_deg = 0: no degradation and, through Rexpr, no synthesis
        ParameterSet p = ParameterSet.reference().with("k_endo", 0).with("k_endo_a", 0).with("k_deg", 0);
        CompiledModel m = CompiledModel.compile(allLigands(p));
        double[] y0 = m.initialState();
        assertThat(total(m, y0, Receptor.IL2Rb)).isEqualTo(ReceptorTables.farhat2021("NK").count(Receptor.IL2Rb));
        assertConserved(p);
        double[] y = GammaChainTesting.stateAt(m, GammaChainTesting.TIGHT, 60);
        assertThat(y[stateIndex(m, "IL2_IL2Rb_gc_surf")]).as("binding did happen").isGreaterThan(100);
    }

    @Test
    void countsAreConservedThroughEndocytosisAndRecycling() {
        // synthesis and degradation off (k_deg = 0), trafficking on: the density convention (entry ÷ f_int, recycling
        // × f_int) must move whole receptors between the compartments
        ParameterSet p = ParameterSet.reference().with("k_deg", 0);
        assertConserved(p);
    }

    @Test
    void noLigandStateIsSteady() {
        for (String set : ParameterTables.names()) {
            for (String cell : ReceptorTables.farhat2021().keySet()) {
                CompiledModel m = CompiledModel.compile(GammaChainModel.build(cell, Ligand.IL2, 0,
                        ParameterSet.named(set)));
                ModelState s = m.newState(0);
                double[] y = m.initialState();
                double[] dydt = new double[y.length];
                s.derivatives(0, y, dydt);
                for (int i = 0; i < y.length; i++) {
                    assertThat(Math.abs(dydt[i])).as("%s %s d%s/dt", set, cell, m.stateName(i)).isLessThan(1e-10);
                }
            }
        }
        double[] active = GammaChainTesting.run(GammaChainModel.build("Treg", Ligand.IL2, 0,
                ParameterSet.reference()), "IL2Rb_surf", 0, 600);
        assertThat(active[1]).isCloseTo(active[0], within(1e-6 * active[0]));
    }

    /**
     * With trafficking off the binding network is closed and detailed balanced, so at equilibrium y* every reaction r
     * has equal forward and backward flux w_r, and J·diag(y*) = −Σ_r w_r·ν_r·ν_rᵀ (ν_r its stoichiometry vector), a
     * symmetric matrix (gcSolver.jl test/model.jl). J by central differences of the right-hand side (exact for mass
     * action up to rounding, as the rates are at most quadratic).
     */
    @Test
    void detailedBalanceAtEquilibrium() {
        ParameterSet p = ParameterSet.reference().with("k_endo", 0).with("k_endo_a", 0).with("k_deg", 0);
        CompiledModel m = CompiledModel.compile(GammaChainModel.build("Treg", Ligand.IL2, 1.0, p));
        Tolerances tol = Tolerances.DEFAULT.withRelative(1e-12).withAbsolute(1e-12);
        double[] y = GammaChainTesting.stateAt(m, tol, 20000);
        int n = y.length;
        ModelState s = m.newState(0);
        double[] f = new double[n];
        s.derivatives(0, y, f);
        double flux = Math.abs(p.value("k_fbnd") * 1.0 * y[0]); // IL-2 + IL-2Rα forward flux
        for (int i = 0; i < n; i++) {
            assertThat(Math.abs(f[i])).as("equilibrium: d%s/dt", m.stateName(i)).isLessThan(1e-6 * flux);
        }
        double[][] jy = new double[n][n];
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int j = 0; j < n; j++) {
            double h = 1e-4 * Math.max(Math.abs(y[j]), 1);
            double[] yp = y.clone();
            double[] ym = y.clone();
            yp[j] += h;
            ym[j] -= h;
            s.derivatives(0, yp, fp);
            s.derivatives(0, ym, fm);
            for (int i = 0; i < n; i++) {
                jy[i][j] = (fp[i] - fm[i]) / (2 * h) * y[j];
            }
        }
        double scale = 0;
        for (double[] row : jy) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        int nonzero = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(jy[i][j]) > 1e-9 * scale) {
                    nonzero++;
                }
                assertThat(Math.abs(jy[i][j] - jy[j][i])).as("J·diag(y*) [%s, %s]", m.stateName(i), m.stateName(j))
                        .isLessThan(1e-6 * scale);
            }
        }
        assertThat(nonzero).as("the IL-2 block couples species").isGreaterThan(10);
    }

    /** The engine's symbolic Jacobian of this network (used by the BDF solver) agrees with finite differences. */
    @Test
    void analyticJacobianMatchesFiniteDifferences() {
        CompiledModel m = CompiledModel.compile(allLigands(ParameterSet.reference()));
        double[] y = GammaChainTesting.stateAt(m, GammaChainTesting.TIGHT, 5);
        int n = y.length;
        ModelState s = m.newState(0);
        double[] jac = new double[n * n];
        assertThat(s.jacobian(5, y, jac)).as("the network has a symbolic Jacobian").isTrue();
        double[] fp = new double[n];
        double[] fm = new double[n];
        double scale = 0;
        for (double v : jac) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j = 0; j < n; j++) {
            double h = 1e-4 * Math.max(Math.abs(y[j]), 1);
            double[] yp = y.clone();
            double[] ym = y.clone();
            yp[j] += h;
            ym[j] -= h;
            s.derivatives(5, yp, fp);
            s.derivatives(5, ym, fm);
            for (int i = 0; i < n; i++) {
                double fd = (fp[i] - fm[i]) / (2 * h);
                assertThat(Math.abs(jac[i * n + j] - fd)).as("d%s/d%s", m.stateName(i), m.stateName(j))
                        .isLessThan(1e-7 * scale);
            }
        }
    }
}
