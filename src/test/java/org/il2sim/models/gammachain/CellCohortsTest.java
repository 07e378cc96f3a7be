package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Growing cohorts (immune-models.md §6 items 1–5, verification cases d, e): without growth they are the co-culture at
 * densities N/V; with growth the dilution conserves every ligand molecule; cells that divide at a constant rate grow
 * as e^{gt}; doubling every count and the volume leaves concentrations unchanged.
 */
class CellCohortsTest {

    static final Tolerances TOL = SharedMediumTest.TOL;
    static final String IL2 = SharedMediumTest.IL2;
    static final String ACTIVE = SharedMediumTest.ACTIVE;

    static ReactionNetwork cell(String type, double nanomolar, ParameterSet p) {
        return SharedMediumTest.cell(type, nanomolar, p);
    }

    static double[][] run(ReactionNetwork n, double[] times, List<String> ids) {
        return SharedMediumTest.run(n, times, ids);
    }

    @Test
    void withoutGrowthCohortsAreTheCoCultureAtTheirDensities() {
        ParameterSet p = ParameterSet.reference();
        double dose = 0.01;
        double litres = 1e-3;
        ReactionNetwork cohorts = CellCohorts.of(List.of(
                new CellCohorts.Cohort("Treg", cell("Treg", dose, p), 1e6, Expr.num(0)),
                new CellCohorts.Cohort("NK", cell("NK", dose, p), 2e6, Expr.num(0))), litres, 0);
        ReactionNetwork co = SharedMedium.of(List.of(new SharedMedium.Member("Treg", cell("Treg", dose, p), 1e9),
                new SharedMedium.Member("NK", cell("NK", dose, p), 2e9)));
        double[] t = {30, 240, 1440};
        List<String> ids = List.of(IL2, SharedMedium.memberId("Treg", ACTIVE), SharedMedium.memberId("NK", ACTIVE));
        double[][] a = run(cohorts, t, ids);
        double[][] b = run(co, t, ids);
        for (int k = 1; k < a.length; k++) {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(a[k][i]).as("%s at %s min", ids.get(i), t[k - 1]).isCloseTo(b[k][i],
                        within(1e-6 * Math.abs(b[k][i]) + 1e-12));
            }
        }
        assertThat(a[t.length][0]).as("a depleted medium").isLessThan(0.5 * dose);
    }

    @Test
    void dilutionByDivisionConservesEveryLigandMolecule() {
        // trafficking off, so ligand is only free or bound at the surface; the cells divide at a constant rate
        ParameterSet p = ParameterSet.reference().with("k_endo", 0).with("k_endo_a", 0).with("k_deg", 0);
        double dose = 0.001;
        double litres = 1e-4;
        double g = Math.log(2) / 600; // doubling every 10 h
        ReactionNetwork n = CellCohorts.of(List.of(
                new CellCohorts.Cohort("Treg", cell("Treg", dose, p), 1e7, Expr.num(g)),
                new CellCohorts.Cohort("NK", cell("NK", dose, p), 3e7, Expr.num(g / 2))), litres, 0);
        List<String> complexes = List.of("IL2_IL2Ra_surf", "IL2_IL2Rb_surf", "IL2_IL2Ra_IL2Rb_surf",
                "IL2_IL2Ra_gc_surf", "IL2_IL2Rb_gc_surf", "IL2_IL2Ra_IL2Rb_gc_surf");
        List<String> ids = new ArrayList<>();
        for (String label : List.of("Treg", "NK")) {
            complexes.forEach(c -> ids.add(SharedMedium.memberId(label, c)));
        }
        ids.add(CellCohorts.cells("Treg"));
        ids.add(CellCohorts.cells("NK"));
        ids.add(IL2);
        double[] t = {60, 600, 2400};
        double[][] rows = run(n, t, ids);
        double start = dose * Units.AVOGADRO * 1e-9 * litres;
        int c = complexes.size();
        for (int k = 0; k < rows.length; k++) {
            double[] r = rows[k];
            double boundTreg = 0;
            double boundNk = 0;
            for (int i = 0; i < c; i++) {
                boundTreg += r[i];
                boundNk += r[c + i];
            }
            double total = r[2 * c + 2] * Units.AVOGADRO * 1e-9 * litres + r[2 * c] * boundTreg + r[2 * c + 1] * boundNk;
            assertThat(total).as("molecules at row %d", k).isCloseTo(start, within(1e-6 * start));
        }
        double[] end = rows[t.length];
        // the counts grow as e^{gt} (independent closed form)
        assertThat(end[2 * c]).isCloseTo(1e7 * Math.exp(g * 2400), within(1e-6 * 1e7 * Math.exp(g * 2400)));
        assertThat(end[2 * c + 1]).isCloseTo(3e7 * Math.exp(g / 2 * 2400), within(1e-6 * 3e7 * Math.exp(g * 1200)));
        assertThat(end[2 * c + 2]).as("the growing cells deplete the medium").isLessThan(0.5 * dose);
    }

    @Test
    void withTraffickingTheDilutionOfEndosomesConservesLigandToo() {
        // trafficking on, degradation off: most ligand ends up in endosomes (compartments of size f_int and f_int·V_int),
        // so a dilution that read their concentrations as amounts would lose or make ligand
        ParameterSet p = ParameterSet.reference().with("k_deg", 0);
        double dose = 0.01;
        double litres = 1e-4;
        double g = Math.log(2) / 600;
        ReactionNetwork n = CellCohorts.of(List.of(
                new CellCohorts.Cohort("Treg", cell("Treg", dose, p), 1e6, Expr.num(g)),
                new CellCohorts.Cohort("NK", cell("NK", dose, p), 3e6, Expr.num(g / 2))), litres, 0);
        List<String> ids = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (org.il2sim.core.network.Species sp : n.species()) {
            for (int k = 0; k < 2; k++) {
                String prefix = SharedMedium.memberId(k == 0 ? "Treg" : "NK", "");
                if (sp.id().startsWith(prefix + "IL2_")) { // every species holding one IL-2 (complexes, free endosomal)
                    ids.add(sp.id());
                    owner.add(k);
                }
            }
        }
        int ligandSpecies = ids.size();
        assertThat(ligandSpecies).isGreaterThan(12);
        ids.add(CellCohorts.cells("Treg"));
        ids.add(CellCohorts.cells("NK"));
        ids.add(IL2);
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> r = ids.stream().map(id -> m.readout(id, true)).toList(); // amounts
        double[][] rows = TimeCourse.run(m, Methods.defaultOde(), TOL, new double[] {0, 60, 600, 2400}, r);
        double start = dose * Units.AVOGADRO * 1e-9 * litres;
        for (double[] row : rows) {
            double inCells = 0;
            for (int i = 0; i < ligandSpecies; i++) {
                inCells += row[ligandSpecies + owner.get(i)] * row[i];
            }
            assertThat(row[ligandSpecies + 2] + inCells).isCloseTo(start, within(1e-6 * start));
        }
        double[] end = rows[rows.length - 1];
        assertThat(end[ligandSpecies + 2]).as("the cells hold most of the ligand").isLessThan(0.5 * start);
    }

    @Test
    void doublingCountsAndVolumeLeavesConcentrationsUnchanged() {
        ParameterSet p = ParameterSet.reference();
        Expr growth = Expr.sym(ACTIVE); // any state-dependent rate: here proportional to the active complexes
        Expr rate = new Expr.Apply(org.il2sim.core.expr.Op.TIMES, List.of(Expr.num(1e-6), growth));
        List<String> ids = List.of(IL2, SharedMedium.memberId("NK", ACTIVE), CellCohorts.cells("NK"));
        double[][] one = run(CellCohorts.of(List.of(new CellCohorts.Cohort("NK", cell("NK", 0.01, p), 1e6, rate)),
                1e-3, 1e-3), new double[] {1440}, ids);
        double[][] two = run(CellCohorts.of(List.of(new CellCohorts.Cohort("NK", cell("NK", 0.01, p), 2e6, rate)),
                2e-3, 1e-3), new double[] {1440}, ids);
        assertThat(two[1][0]).isCloseTo(one[1][0], within(1e-6 * one[1][0]));
        assertThat(two[1][1]).isCloseTo(one[1][1], within(1e-6 * one[1][1]));
        assertThat(two[1][2]).isCloseTo(2 * one[1][2], within(1e-6 * one[1][2]));
        assertThat(one[1][2]).as("the cells grew").isGreaterThan(1.01e6);
    }

    @Test
    void theSignallingLayerIsNotDilutedByDivision() {
        // its species are fractions of a pool or a STAT5 pool without synthesis: without ligand they rest, and growth
        // (four doublings) must not drain them (diluted, their sum would fall to 1/16)
        ParameterSet p = ParameterSet.named(ParameterSet.IL2SIM);
        ReactionNetwork growing = CellCohorts.of(List.of(new CellCohorts.Cohort("NK", cell("NK", 0, p), 1e6,
                Expr.num(Math.log(2) / 600))), 1e-3, 0);
        List<String> ids = new ArrayList<>();
        for (org.il2sim.core.network.Species sp : growing.species()) {
            if (sp.compartment().equals(SharedMedium.memberId("NK", SignallingCompartments.CYTOSOL))
                    || sp.compartment().equals(SharedMedium.memberId("NK", SignallingCompartments.NUCLEUS))) {
                ids.add(sp.id());
            }
        }
        assertThat(ids).isNotEmpty();
        double[][] r = run(growing, new double[] {2400}, ids);
        double before = 0;
        double after = 0;
        for (int i = 0; i < ids.size(); i++) {
            before += r[0][i];
            after += r[1][i];
        }
        assertThat(before).isPositive();
        assertThat(after).isCloseTo(before, within(1e-6 * before));
    }

    @Test
    void badCohortsAreRefused() {
        ParameterSet p = ParameterSet.reference();
        assertThatThrownBy(() -> new CellCohorts.Cohort("a__b", cell("NK", 0.1, p), 1, Expr.num(0)))
                .hasMessageContaining("label");
        assertThatThrownBy(() -> new CellCohorts.Cohort("NK", cell("NK", 0.1, p), -1, Expr.num(0)))
                .hasMessageContaining("count");
        assertThatThrownBy(() -> CellCohorts.of(List.of(new CellCohorts.Cohort("NK", cell("NK", 0.1, p), 1,
                Expr.num(0))), 0, 0)).hasMessageContaining("volume");
    }
}
