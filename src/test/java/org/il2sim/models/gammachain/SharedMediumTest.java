package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Co-culture in one medium (immune-models.md §6 verification cases): conservation of ligand across cell types, one
 * cell type split into two members is one culture at the summed density, a sparse co-culture is the constant-medium
 * reference, and a Treg sink lowers the IL-2 that NK cells see.
 */
class SharedMediumTest {

    static final Tolerances TOL = new Tolerances(1e-10, 1e-12, 1_000_000, Double.POSITIVE_INFINITY);
    static final String IL2 = Ligand.IL2.mediumParameter();
    static final String ACTIVE = GammaChainModel.ACTIVE_COMPLEXES;

    static ReactionNetwork cell(String type, double nanomolar, ParameterSet p) {
        return GammaChainModel.build(type, Ligand.IL2, nanomolar, p);
    }

    /** Rows of the read-outs at each time (first row t = 0). */
    static double[][] run(ReactionNetwork n, double[] times, List<String> ids) {
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> r = ids.stream().map(id -> m.readout(id, false)).toList();
        double[] grid = new double[times.length + 1];
        System.arraycopy(times, 0, grid, 1, times.length);
        return TimeCourse.run(m, Methods.defaultOde(), TOL, grid, r);
    }

    @Test
    void ligandIsConservedAcrossCellTypesWithTraffickingOff() {
        ParameterSet p = ParameterSet.reference().with("k_endo", 0).with("k_endo_a", 0).with("k_deg", 0);
        double start = 0.001; // nM
        double treg = 5e9;
        double nk = 1e10; // cells per litre
        ReactionNetwork n = SharedMedium.of(List.of(new SharedMedium.Member("Treg", cell("Treg", start, p), treg),
                new SharedMedium.Member("NK", cell("NK", start, p), nk)));
        List<String> complexes = List.of("IL2_IL2Ra_surf", "IL2_IL2Rb_surf", "IL2_IL2Ra_IL2Rb_surf",
                "IL2_IL2Ra_gc_surf", "IL2_IL2Rb_gc_surf", "IL2_IL2Ra_IL2Rb_gc_surf");
        List<String> ids = new ArrayList<>();
        for (String label : List.of("Treg", "NK")) {
            complexes.forEach(c -> ids.add(SharedMedium.memberId(label, c)));
        }
        ids.add(IL2);
        double[][] rows = run(n, new double[] {10, 60, 240}, ids);
        for (double[] row : rows) {
            double boundTreg = 0;
            double boundNk = 0;
            for (int i = 0; i < complexes.size(); i++) {
                boundTreg += row[i];
                boundNk += row[complexes.size() + i];
            }
            double total = row[ids.size() - 1] + (treg * boundTreg + nk * boundNk) * 1e9 / Units.AVOGADRO;
            assertThat(total).isCloseTo(start, within(1e-7 * start));
        }
        double[] end = rows[rows.length - 1];
        assertThat(end[ids.size() - 1]).as("the medium is depleted").isLessThan(0.9 * start);
    }

    @Test
    void oneCellTypeInTwoMembersIsOneCultureAtTheSummedDensity() {
        ParameterSet p = ParameterSet.reference();
        double dose = 0.01;
        ReactionNetwork split = SharedMedium.of(List.of(new SharedMedium.Member("a", cell("NK", dose, p), 4e9),
                new SharedMedium.Member("b", cell("NK", dose, p), 6e9)));
        ReactionNetwork whole = LigandDepletion.apply(cell("NK", dose, p), 1e10);
        double[] times = {30, 240, 1440, 4320};
        double[][] s = run(split, times, List.of(IL2, SharedMedium.memberId("a", ACTIVE),
                SharedMedium.memberId("b", ACTIVE)));
        double[][] w = run(whole, times, List.of(IL2, ACTIVE));
        for (int k = 1; k < s.length; k++) {
            assertThat(s[k][0]).isCloseTo(w[k][0], within(1e-6 * dose));
            assertThat(s[k][1]).isCloseTo(w[k][1], within(1e-6 * w[k][1] + 1e-9));
            assertThat(s[k][2]).isCloseTo(w[k][1], within(1e-6 * w[k][1] + 1e-9));
        }
        assertThat(w[times.length][0]).as("a depleting culture").isLessThan(0.5 * dose);
    }

    @Test
    void aSparseCoCultureIsTheConstantMediumReference() {
        ParameterSet p = ParameterSet.reference();
        double dose = 0.1;
        ReactionNetwork n = SharedMedium.of(List.of(new SharedMedium.Member("Treg", cell("Treg", dose, p), 1e3),
                new SharedMedium.Member("NK", cell("NK", dose, p), 1e3)));
        double[] t = {60};
        double[][] co = run(n, t, List.of(SharedMedium.memberId("Treg", ACTIVE), SharedMedium.memberId("NK", ACTIVE)));
        double treg = run(cell("Treg", dose, p), t, List.of(ACTIVE))[1][0];
        double nk = run(cell("NK", dose, p), t, List.of(ACTIVE))[1][0];
        assertThat(co[1][0]).isCloseTo(treg, within(1e-6 * treg));
        assertThat(co[1][1]).isCloseTo(nk, within(1e-6 * nk));
    }

    @Test
    void tregsInTheSameMediumLowerTheNkSignal() {
        ParameterSet p = ParameterSet.reference();
        double dose = 0.01; // 10 pM: about the NK EC50, where a sink matters most
        double nk = 1e9;
        double[] t = {1440};
        double alone = run(LigandDepletion.apply(cell("NK", dose, p), nk), t, List.of(ACTIVE))[1][0];
        double[][] co = run(SharedMedium.of(List.of(new SharedMedium.Member("NK", cell("NK", dose, p), nk),
                new SharedMedium.Member("Treg", cell("Treg", dose, p), 1e10))), t,
                List.of(SharedMedium.memberId("NK", ACTIVE), IL2));
        assertThat(co[1][0]).as("NK active complexes with a Treg sink vs alone").isLessThan(0.5 * alone);
        assertThat(co[1][1]).isLessThan(dose);
    }

    @Test
    void membersMustStartFromOneMediumAndHaveDistinctLabels() {
        ParameterSet p = ParameterSet.reference();
        assertThatThrownBy(() -> SharedMedium.of(List.of(new SharedMedium.Member("a", cell("NK", 0.1, p), 1e9),
                new SharedMedium.Member("b", cell("Treg", 0.2, p), 1e9))))
                .hasMessageContaining("share one medium");
        assertThatThrownBy(() -> SharedMedium.of(List.of(new SharedMedium.Member("NK", cell("NK", 0.1, p), 1e9),
                new SharedMedium.Member("NK", cell("NK", 0.1, p), 1e9))))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new SharedMedium.Member("N__K", cell("NK", 0.1, p), 1e9))
                .hasMessageContaining("label");
        assertThatThrownBy(() -> new SharedMedium.Member("NK", cell("NK", 0.1, p), 0))
                .hasMessageContaining("density");
        double most = LigandDepletion.maxCellsPerLitre();
        assertThatThrownBy(() -> SharedMedium.of(List.of(new SharedMedium.Member("a", cell("NK", 0.1, p), 0.6 * most),
                new SharedMedium.Member("b", cell("Treg", 0.1, p), 0.6 * most))))
                .hasMessageContaining("add up to");
    }
}
