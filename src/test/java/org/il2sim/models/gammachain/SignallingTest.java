package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * The signalling layer (STAT5, Ras/ERK, PI3K/Akt) of the il2sim parameter set: conservation of STAT5, the no-ligand
 * steady state, steady states at a fixed number of active complexes against their closed forms, and the time scales
 * the modules are built for (docs/gamma-chain.md).
 */
class SignallingTest {

    private static final ParameterSet IL2SIM = ParameterSet.named(ParameterSet.IL2SIM);
    private static final Tolerances VERY_TIGHT = Tolerances.DEFAULT.withRelative(1e-10).withAbsolute(1e-12);

    @Test
    void totalStat5IsConservedWhileItCycles() {
        for (String cell : List.of("Treg", "NK")) {
            CompiledModel m = CompiledModel.compile(GammaChainModel.build(cell, Ligand.IL2, 1.0, IL2SIM));
            double total = m.initialValue(Stat5Signalling.TOTAL);
            assertThat(total).isEqualTo(Stat5Signalling.abundance(cell).count()).isEqualTo(3000);
            double[] times = {0, 2, 10, 30, 120, 240};
            List<CompiledModel.Readout> rs = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            Stat5Signalling.MOLECULES.forEach((id, w) -> {
                rs.add(m.readout(id, true));
                weights.add(w);
            });
            rs.add(m.readout(GammaChainModel.PSTAT5, false));
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), GammaChainTesting.TIGHT, times, rs, true);
            for (int i = 0; i < times.length; i++) {
                double sum = 0;
                for (int k = 0; k < weights.size(); k++) {
                    sum += weights.get(k) * rows[i][k];
                }
                assertThat(sum).as("%s STAT5 at %s min", cell, times[i]).isCloseTo(total, within(1e-7 * total));
            }
            assertThat(rows[3][weights.size()]).as("%s pSTAT5 at 30 min", cell).isGreaterThan(0.01);
        }
    }

    @Test
    void withoutLigandEverythingStaysAtItsBasalLevel() {
        // basal levels are 0: no ligand-independent activity is modelled (the state is also checked to be an exact
        // steady state, |dy/dt| < 1e-10, for every set including il2sim, in GammaChainInvariantsTest)
        for (String cell : ReceptorTables.farhat2021().keySet()) {
            CompiledModel m = CompiledModel.compile(GammaChainModel.build(cell, Ligand.IL2, 0, IL2SIM));
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), GammaChainTesting.TIGHT, new double[] {0, 240},
                    List.of(m.readout(GammaChainModel.PSTAT5, false), m.readout(GammaChainModel.PERK, false),
                            m.readout(GammaChainModel.PAKT, false), m.readout(Stat5Signalling.STAT5_CYT, true)),
                    true);
            assertThat(rows[1][0]).as(cell).isEqualTo(0.0, within(1e-12));
            assertThat(rows[1][1]).as(cell).isEqualTo(0.0, within(1e-12));
            assertThat(rows[1][2]).as(cell).isEqualTo(0.0, within(1e-12));
            assertThat(rows[1][3]).as(cell).isCloseTo(3000, within(1e-6));
        }
    }

    /** The signalling modules alone, driven by a constant number of active complexes. */
    private static CompiledModel drivenBy(double activeComplexes) {
        NetworkBuilder b = new NetworkBuilder("signalling_only");
        new ModelParameters(IL2SIM).contributeTo(b);
        b.add(new Parameter(ActiveComplexReadout.ID, "fixed drive", activeComplexes, true, "#/cell", "test"));
        new SignallingCompartments().contributeTo(b);
        new Stat5Signalling("Treg").contributeTo(b);
        new ErkSignalling().contributeTo(b);
        new AktSignalling().contributeTo(b);
        return CompiledModel.compile(b.build());
    }

    private static double[][] readouts(CompiledModel m, double... times) {
        return TimeCourse.run(m, Methods.defaultOde(), VERY_TIGHT, times, List.of(
                m.readout(GammaChainModel.PSTAT5, false), m.readout(GammaChainModel.PERK, false),
                m.readout(GammaChainModel.PAKT, false)), true);
    }

    /** Root of an increasing function on [lo, hi] by bisection. */
    private static double bisect(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (f.applyAsDouble(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void steadyStatesAtFixedDriveMatchTheirClosedForms() {
        double total = 3000;
        double ki = IL2SIM.value("k_stat5_import");
        double kd = IL2SIM.value("k_stat5_dephos");
        double kx = IL2SIM.value("k_stat5_dissoc");
        double ke = IL2SIM.value("k_stat5_export");
        double k35 = IL2SIM.value("k_stat5_dimer");
        double sigma = 1 / ki + 1 / kd + 1 / kx + 1 / ke;
        double k34 = 1 / (IL2SIM.value("K_STAT5") * sigma);
        for (double r : new double[] {300, 1e4, 1e5}) {
            // STAT5: with phosphorylation flux J, STAT5_cyt = J/(k34 R), pSTAT5_cyt = sqrt(J/(2 k35)), and each later
            // state holds J/rate molecules; their sum is the total
            double j = bisect(x -> x / (k34 * r) + Math.sqrt(x / (2 * k35)) + x * sigma - total, 0, total / sigma);
            double pstat5 = (Math.sqrt(j / (2 * k35)) + j / ki + j / kd) / total;
            // Akt: PIP3 = u/(u + k_pip3_off), u = k_pi3k_on R/K_AKT; pAkt = k_akt_on PIP3/(k_akt_on PIP3 + k_akt_off)
            double u = IL2SIM.value("k_pi3k_on") * r / IL2SIM.value("K_AKT");
            double pip3 = u / (u + IL2SIM.value("k_pip3_off"));
            double pakt = IL2SIM.value("k_akt_on") * pip3 / (IL2SIM.value("k_akt_on") * pip3 + IL2SIM.value("k_akt_off"));
            // ERK: F = (k_fb_on/k_fb_off) pERK, Ras_GTP = v/(v + k_ras_off) with v = k_ras_on (R/K_ERK)/(1 + F),
            // pERK = k_erk_on Ras_GTP/(k_erk_on Ras_GTP + k_erk_off): one equation in pERK
            double perk = bisect(e -> {
                double f = IL2SIM.value("k_fb_on") / IL2SIM.value("k_fb_off") * e;
                double v = IL2SIM.value("k_ras_on") * r / IL2SIM.value("K_ERK") / (1 + f);
                double ras = v / (v + IL2SIM.value("k_ras_off"));
                return e - IL2SIM.value("k_erk_on") * ras / (IL2SIM.value("k_erk_on") * ras + IL2SIM.value("k_erk_off"));
            }, 0, 1);
            double[] got = readouts(drivenBy(r), 0, 5000)[1];
            System.out.printf("R_act %.0f: pSTAT5 %.5f (closed form %.5f), pERK %.5f (%.5f), pAkt %.5f (%.5f)%n", r,
                    got[0], pstat5, got[1], perk, got[2], pakt);
            assertThat(got[0]).as("pSTAT5 at R_act %s", r).isCloseTo(pstat5, within(1e-6 * pstat5));
            assertThat(got[1]).as("pERK at R_act %s", r).isCloseTo(perk, within(1e-6 * perk));
            assertThat(got[2]).as("pAkt at R_act %s", r).isCloseTo(pakt, within(1e-6 * pakt));
        }
    }

    @Test
    void erkIsAFastTransientAndAktSlowAndSustained() {
        double[] t = {0, 2, 4, 6, 8, 10, 15, 20, 30, 60, 120, 240};
        double[][] rows = readouts(drivenBy(1e4), t);
        int peak = 0;
        for (int i = 1; i < t.length; i++) {
            if (rows[i][1] > rows[peak][1]) {
                peak = i;
            }
        }
        System.out.printf("pERK peak %.3f at %.0f min, %.3f at 60 min; pAkt %.3f at 4 min, %.3f at 60, %.3f at 240%n",
                rows[peak][1], t[peak], rows[9][1], rows[2][2], rows[9][2], rows[11][2]);
        assertThat(t[peak]).as("pERK peaks within minutes").isBetween(2.0, 10.0);
        assertThat(rows[9][1]).as("negative feedback lowers pERK after its peak").isLessThan(0.8 * rows[peak][1]);
        assertThat(rows[2][2]).as("pAkt is still rising at 4 min").isLessThan(0.5 * rows[11][2]);
        assertThat(rows[11][2]).as("pAkt is sustained").isGreaterThanOrEqualTo(rows[9][2]);
        assertThat(rows[11][0]).as("pSTAT5 is sustained").isGreaterThan(0.8 * rows[9][0]);
    }

    @Test
    void pstat5RisesWithDoseAndSaturates() {
        double[] doses = org.il2sim.core.sim.OutputGrid.logspace(4.7e-4, 84, 12);
        List<DoseResponse.Point> pts = DoseResponse.run(List.of("Treg", "NK"), List.of(LigandDefinition.named("IL2")),
                doses, new double[] {60}, IL2SIM, GammaChainTesting.TIGHT, 2);
        Map<String, double[]> ec50 = new java.util.HashMap<>();
        for (String cell : List.of("Treg", "NK")) {
            double[] p = pts.stream().filter(x -> x.cell().equals(cell)).mapToDouble(DoseResponse.Point::pstat5)
                    .toArray();
            double[] c = pts.stream().filter(x -> x.cell().equals(cell))
                    .mapToDouble(DoseResponse.Point::activeComplexes).toArray();
            for (int i = 1; i < p.length; i++) {
                assertThat(p[i]).as("%s pSTAT5 at dose %s", cell, doses[i]).isGreaterThan(p[i - 1]);
            }
            // within 2 % over the last doubling of the dose (84 vs 38 nM); with fast dimerisation (k_stat5_dimer from
            // the YT-1 fit) pSTAT5 follows the active complexes, which saturate as closely
            assertThat(p[p.length - 1]).as(cell + " saturates").isCloseTo(p[p.length - 2], within(0.02 * p[p.length - 1]));
            assertThat(p[p.length - 1]).isLessThan(1);
            ec50.put(cell, new double[] {org.il2sim.core.analysis.HillFit.fit(doses, p).ec50(),
                org.il2sim.core.analysis.HillFit.fit(doses, c).ec50()});
        }
        System.out.printf("EC50 pSTAT5 / active complexes (nM): Treg %.4g / %.4g, NK %.4g / %.4g%n",
                ec50.get("Treg")[0], ec50.get("Treg")[1], ec50.get("NK")[0], ec50.get("NK")[1]);
        // Treg's active complexes (< 1,000) stay far below K_STAT5 (10^4), where pSTAT5 is nearly proportional to
        // them: the two EC50s agree. NK cells reach about K_STAT5, so their pSTAT5 saturates first: a lower EC50.
        assertThat(ec50.get("Treg")[0]).isCloseTo(ec50.get("Treg")[1], within(0.35 * ec50.get("Treg")[1]));
        assertThat(ec50.get("NK")[0]).isLessThan(0.7 * ec50.get("NK")[1]);
    }

    @Test
    void theReferenceSetHasNoSignalling() {
        List<DoseResponse.Point> pts = DoseResponse.run(List.of("Treg"), List.of(LigandDefinition.named("IL2")),
                new double[] {0.01, 1}, new double[] {60}, ParameterSet.named(ParameterSet.FARHAT_2021),
                GammaChainTesting.TIGHT, 1);
        for (DoseResponse.Point p : pts) {
            assertThat(p.activeComplexes()).isPositive();
            assertThat(p.pstat5()).isNaN();
            assertThat(p.perk()).isNaN();
            assertThat(p.pakt()).isNaN();
        }
        assertThat(GammaChainModel.build("Treg", Ligand.IL2, 1, ParameterSet.reference()).species()).hasSize(62);
    }
}
