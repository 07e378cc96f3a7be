package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.NetworkBuilder;

/**
 * Step-wise receptor assembly of one cytokine in one compartment (reference §2.2), as reversible mass-action
 * reactions whose rate is the net flux, written as plain products: compartment·(k_on·X·Y − k_off·XY).
 *
 * <p>IL-2 and IL-15 have nine reactions each over their α chain (IL-2Rα, IL-15Rα), the shared IL-2Rβ and γc; IL-7,
 * IL-9, IL-4 and IL-21 two each (ligand + private receptor, then + γc). Ligand + free receptor uses k_fbnd
 * (nM⁻¹min⁻¹) with the ligand concentration; complex + receptor uses k_fwd (cell·#⁻¹·min⁻¹). On the surface the
 * ligand is the constant medium concentration (a parameter); in the endosome it is the endosomal free ligand
 * species, consumed by binding, and every reverse rate is the {@code _endo} one (×endo_rev_factor).
 */
public final class ReceptorAssembly implements NetworkModule {

    /** Reverse rates of the nine IL-2/IL-15 reactions, in the order of {@link #contributeTo}'s reactions 1–9. */
    private static final List<String> IL2_RATES = List.of("k1", "k2", "k11", "k12", "k4", "k5", "k10", "k9", "k8");
    private static final List<String> IL15_RATES = List.of("k13", "k14", "k23", "k24", "k16", "k17", "k22", "k21",
            "k20");

    private final Ligand ligand;
    private final Location where;

    public ReceptorAssembly(Ligand ligand, Location where) {
        this.ligand = ligand;
        this.where = where;
    }

    /** The assembly of every cytokine in both compartments: 52 reversible reactions. */
    public static List<NetworkModule> all() {
        return all(java.util.EnumSet.copyOf(Ligand.CYTOKINES));
    }

    /** The assembly of these ligands in both compartments. */
    public static List<NetworkModule> all(java.util.Set<Ligand> ligands) {
        List<NetworkModule> out = new ArrayList<>();
        for (Location w : Location.values()) {
            for (Ligand l : ligands) {
                out.add(new ReceptorAssembly(l, w));
            }
        }
        return out;
    }

    @Override
    public void contributeTo(NetworkBuilder b) {
        switch (ligand) {
            case IL2:
                trimeric(b, Receptor.IL2Ra, IL2_RATES);
                break;
            case IL15:
                trimeric(b, Receptor.IL15Ra, IL15_RATES);
                break;
            case IL7:
                dimeric(b, Receptor.IL7Ra, "k25", "k27");
                break;
            case IL9:
                dimeric(b, Receptor.IL9R, "k29", "k31");
                break;
            case IL4:
                dimeric(b, Receptor.IL4Ra, "k32", "k33");
                break;
            case IL21:
                dimeric(b, Receptor.IL21R, "k34", "k35");
                break;
            case IL15_15Ra:
                // the complex binds IL-2Rβ from solution (k_fbnd, off-rate k_tp), then γc as the cis
                // IL-15·IL-15Rα·IL-2Rβ complex does (k_fwd, off-rate k22)
                dimeric(b, Receptor.IL2Rb, "k_tp", "k22");
                break;
            default:
                throw new IllegalStateException("no assembly for " + ligand);
        }
    }

    private void trimeric(NetworkBuilder b, Receptor alpha, List<String> rev) {
        ReceptorSpecies a = ReceptorSpecies.free(alpha);
        ReceptorSpecies bb = ReceptorSpecies.free(Receptor.IL2Rb);
        ReceptorSpecies g = ReceptorSpecies.free(Receptor.gc);
        ReceptorSpecies la = ReceptorSpecies.complex(ligand, alpha);
        ReceptorSpecies lb = ReceptorSpecies.complex(ligand, Receptor.IL2Rb);
        ReceptorSpecies lab = ReceptorSpecies.complex(ligand, alpha, Receptor.IL2Rb);
        ReceptorSpecies lag = ReceptorSpecies.complex(ligand, alpha, Receptor.gc);
        ReceptorSpecies lbg = ReceptorSpecies.complex(ligand, Receptor.IL2Rb, Receptor.gc);
        ReceptorSpecies labg = ReceptorSpecies.complex(ligand, alpha, Receptor.IL2Rb, Receptor.gc);
        ligandBinding(b, a, la, rev.get(0));
        ligandBinding(b, bb, lb, rev.get(1));
        complexBinding(b, la, bb, lab, rev.get(2));
        complexBinding(b, lb, a, lab, rev.get(3));
        complexBinding(b, la, g, lag, rev.get(4));
        complexBinding(b, lb, g, lbg, rev.get(5));
        complexBinding(b, lab, g, labg, rev.get(6));
        complexBinding(b, lag, bb, labg, rev.get(7));
        complexBinding(b, lbg, a, labg, rev.get(8));
    }

    private void dimeric(NetworkBuilder b, Receptor r, String kLigand, String kGamma) {
        ReceptorSpecies free = ReceptorSpecies.free(r);
        ReceptorSpecies lr = ReceptorSpecies.complex(ligand, r);
        ligandBinding(b, free, lr, kLigand);
        complexBinding(b, lr, ReceptorSpecies.free(Receptor.gc), ReceptorSpecies.complex(ligand, r, Receptor.gc),
                kGamma);
    }

    /** L + R ⇌ LR. */
    private void ligandBinding(NetworkBuilder b, ReceptorSpecies r, ReceptorSpecies lr, String kOff) {
        String ligandSymbol = where == Location.SURFACE ? ligand.mediumParameter() : ligand.endosomalSpecies();
        List<String> reactants = where == Location.SURFACE ? List.of(r.id(where))
                : List.of(ligandSymbol, r.id(where));
        Expr rate = RateLaws.minus(RateLaws.product(where.compartment(), "k_fbnd", ligandSymbol, r.id(where)),
                RateLaws.product(where.compartment(), rate(kOff), lr.id(where)));
        String id = "bind_" + ligand.name() + "__" + r.id(where);
        b.add(RateLaws.reaction(id, ligand.label() + " + " + r.label() + " (" + where.compartment() + ")",
                reactants, List.of(lr.id(where)), rate, true));
    }

    /** X + Y ⇌ XY for a complex X and a free receptor Y. */
    private void complexBinding(NetworkBuilder b, ReceptorSpecies x, ReceptorSpecies y, ReceptorSpecies xy,
                                String kOff) {
        Expr rate = RateLaws.minus(RateLaws.product(where.compartment(), "k_fwd", x.id(where), y.id(where)),
                RateLaws.product(where.compartment(), rate(kOff), xy.id(where)));
        String id = "bind_" + x.baseId() + "__" + y.id(where);
        b.add(RateLaws.reaction(id, x.label() + " + " + y.label() + " (" + where.compartment() + ")",
                List.of(x.id(where), y.id(where)), List.of(xy.id(where)), rate, true));
    }

    private String rate(String kOff) {
        return where == Location.SURFACE ? kOff : ModelParameters.endosomal(kOff);
    }
}
