package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.minus;
import static org.il2sim.models.immune.Ex.none;
import static org.il2sim.models.immune.Ex.num;
import static org.il2sim.models.immune.Ex.one;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.product;
import static org.il2sim.models.immune.Ex.reaction;
import static org.il2sim.models.immune.Ex.times;
import static org.il2sim.models.immune.PopulationNet.derive;
import static org.il2sim.models.immune.PopulationNet.rule;
import static org.il2sim.models.immune.PopulationNet.s;
import static org.il2sim.models.immune.PopulationNet.saturation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.units.Units;

/**
 * Scenario B11, B-cell help: CD40L-stimulated naive B cells become plasmablasts that secrete immunoglobulin, more so
 * with IL-21 and IL-2 (Berglund et al. 2013, Blood 122:3940; SYSTEM.md S10).
 *
 * <p>IL-21 (STAT3 signal S21 = IL21/(IL21 + K_D)) induces CD25: B ⇌ B25 at k_R·S21 and k_R·(1 − S21). IL-2 signals
 * (S2 = c/(c + K_D)) through IL-2Rβγ (1 nM) on B and through IL-2Rαβγ (10 pM) on B25. Both kinds differentiate into
 * plasmablasts at k_PB·(PB_basal + S21 + S2); plasmablasts die at ln 2/t½ and secrete Ig. {@code B_CD25 = 0} makes the
 * cells CD25-deficient. Time in min; Ig in molecules per well, with a µg/mL read-out.
 */
public final class BCellHelpModel {

    public static final String TABLE = "b-cell-help.tsv";
    public static final String COMPARTMENT = "well";
    public static final String B = "B";
    public static final String B25 = "B_CD25hi";
    public static final String PB = "plasmablasts";
    public static final String IG = "Ig";
    public static final String IG_CONC = "Ig_ug_per_mL";

    private BCellHelpModel() {
    }

    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    public static ReactionNetwork build() {
        return build(defaults());
    }

    public static ReactionNetwork build(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("b_cell_help").name("B cells to plasmablasts and immunoglobulin with "
                + "IL-21 and IL-2 help (Berglund et al. 2013); time in min");
        b.add(new Compartment(COMPARTMENT, "one culture well (cells and Ig as counts)", 3, 1.0, true));
        p.parameters().forEach(b::add);
        derive(b, "k_R", "1/min", "ln 2 / t_half_CD25", Ex.rateFromHalfLife("t_half_CD25"));
        derive(b, "d_PB", "1/min", "ln 2 / t_half_PB", Ex.rateFromHalfLife("t_half_PB"));

        rule(b, "S_IL21", "1", "IL-21 (STAT3) signal", saturation(s("IL21"), s("Kd_IL21R")));
        rule(b, "S_IL2_lo", "1", "IL-2 signal without CD25 (IL-2Rbg)", saturation(s("IL2"), s("Kd_intermediate")));
        rule(b, "S_IL2_hi", "1", "IL-2 signal with CD25 (IL-2Rabg)", saturation(s("IL2"), s("Kd_high")));

        PopulationNet.cells(b, COMPARTMENT, B, "activated B cells, CD25-low", "B_0");
        PopulationNet.cells(b, COMPARTMENT, B25, "activated B cells, CD25-high (IL-21-induced)", 0);
        PopulationNet.cells(b, COMPARTMENT, PB, "plasmablasts", 0);
        PopulationNet.cells(b, COMPARTMENT, IG, "immunoglobulin secreted, molecules", 0);

        b.add(reaction("CD25_induction", "CD25 induction by IL-21", one(B), one(B25),
                product("k_R", "B_CD25", "S_IL21", B)));
        b.add(reaction("CD25_loss", "CD25 loss without IL-21", one(B25), one(B),
                times(product("k_R", B25), minus(num(1), s("S_IL21")))));
        for (String c : List.of(B, B25)) {
            String s2 = c.equals(B) ? "S_IL2_lo" : "S_IL2_hi";
            b.add(reaction(c + "_differentiation", "plasmablast differentiation of " + c, one(c), one(PB),
                    times(product("k_PB", c), plus(s("PB_basal"), s("S_IL21"), s(s2)))));
        }
        b.add(reaction("PB_death", "plasmablast death", one(PB), none(), product("d_PB", PB)));
        b.add(reaction("PB_Ig_secretion", "Ig secretion", none(), one(IG), product("Ig_secretion", PB)));
        // molecules → µg/mL: n / N_A · M [g/mol] · 1e6 µg/g / (V [L] · 1e3 mL/L)
        rule(b, IG_CONC, "ug/mL", "Ig concentration in the well", div(times(s(IG), s("Ig_molar_mass"), num(1e3)),
                times(num(Units.AVOGADRO), s("V_culture"))));
        return b.build();
    }

    /** Canonical quantity id → network id. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : List.of(B, B25, PB, IG, IG_CONC)) {
            out.put(id.replace('_', '.'), id);
        }
        return out;
    }
}
