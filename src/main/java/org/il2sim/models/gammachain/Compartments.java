package org.il2sim.models.gammachain;

import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Species;

/**
 * The cell's compartments and the model's 62 species (all starting at 0; {@link ReceptorExpression} sets the free
 * receptors).
 *
 * <ul>
 *   <li>{@code surface}, size 1 (one cell surface): species are counts, #/cell.</li>
 *   <li>{@code endosome}, size f_int (its area relative to the surface): a species' concentration is the anchor's
 *       endosomal density (#/cell ÷ f_int) and its amount the count per cell.</li>
 *   <li>{@code endosome_lumen}, size f_int·V_int (#/cell per nM): the endosomal free ligands, whose concentration is
 *       in nM. The anchor converts endosomal <em>densities</em> bound per minute to nM with V_int (§2.3), so one
 *       nM of free ligand is V_int·f_int molecules per cell; this size reproduces dL/dt = −(binding flux)/V_int.</li>
 * </ul>
 */
public final class Compartments implements NetworkModule {

    private final java.util.Set<Ligand> ligands;

    /** The anchor's compartments and 62 species. */
    public Compartments() {
        this(java.util.EnumSet.copyOf(Ligand.CYTOKINES));
    }

    /** The compartments and the species of a model holding these ligands. */
    public Compartments(java.util.Set<Ligand> ligands) {
        this.ligands = ligands;
    }

    public static final String SURFACE = Location.SURFACE.compartment();
    public static final String ENDOSOME = Location.ENDOSOME.compartment();
    public static final String LUMEN = "endosome_lumen";

    @Override
    public void contributeTo(NetworkBuilder b) {
        b.add(new Compartment(SURFACE, "cell surface (one cell)", 2, 1.0, true));
        b.add(new Compartment(ENDOSOME, "endosomal membrane (size f_int relative to the surface)", 2, Double.NaN,
                true));
        b.add(new InitialAssignment(ENDOSOME, Expr.sym("f_int")));
        b.add(new Compartment(LUMEN, "endosomal lumen (f_int·V_int molecules per cell per nM)", 3, Double.NaN,
                true));
        b.add(new InitialAssignment(LUMEN, RateLaws.product("f_int", "V_int")));
        for (Location where : Location.values()) {
            String unit = where == Location.SURFACE ? "#/cell" : "#/cell per f_int (density)";
            for (ReceptorSpecies s : ReceptorSpecies.in(ligands)) {
                b.add(new Species(s.id(where), s.label() + ", " + where.compartment() + " [" + unit + "]",
                        where.compartment(), Double.NaN, 0.0, false, false, false, null));
            }
        }
        for (Ligand l : ligands) {
            b.add(new Species(l.endosomalSpecies(), l.label() + ", free in the endosome [nM]", LUMEN, Double.NaN,
                    0.0, false, false, false, null));
        }
    }
}
