package org.il2sim.models.immune;

/**
 * The starting state of the lymph-node patch model ({@link LymphNodeModel}), and the scenario's own parameter values;
 * everything else (interventions included) is a parameter of its table.
 *
 * @param infection the foreign-reactive clone (foreign_naive_0 cells) is present and meets its strong antigen from
 *                  t = 0 until t_foreign_antigen (scenario B4); false: no foreign clone and no foreign antigen
 * @param startEmpty the patch starts without T cells and fills from the thymus, as after birth (scenario B7, a
 *                   knockout present from the start); false: it starts with Treg_0·Treg_density Tregs, CD4_naive_ss
 *                   naive CD4 cells and self_naive_0 self-reactive naive cells (scenario B4)
 * @param generations activated conventional cells are counted by generation (a chain of generation compartments per
 *                    clone), so that their division destiny is a number of divisions (parameter
 *                    {@code counted_destiny}; Marchingo 2014); false: one compartment per clone whose division is a
 *                    rate (B7, and B4 as bundled)
 * @param overlay a bundled table (same columns as {@link LymphNodeModel#TABLE}) whose values replace the bundled
 *                ones for this scenario, or null for none
 */
public record LymphNodeSetup(boolean infection, boolean startEmpty, boolean generations, String overlay) {

    /** The B7 values: producers secrete without Tkach's shut-off (immune-models.md §4); see the table's notes. */
    public static final String HOMEOSTASIS_TABLE = "lymph-node-homeostasis.tsv";

    /** A setup with the bundled table as it is and division as a rate (no generation compartments). */
    public LymphNodeSetup(boolean infection, boolean startEmpty) {
        this(infection, startEmpty, false, null);
    }

    /** Scenario B4: a patch at its bundled cell numbers meets a strong foreign antigen beside the weak self one. */
    public static LymphNodeSetup tugOfWar() {
        return new LymphNodeSetup(true, false);
    }

    /**
     * Scenario B4 with activated cells counted by generation, so that their division destiny is a number of
     * divisions (Marchingo 2014; docs/immune.md, B4, "Counted division destiny").
     */
    public static LymphNodeSetup tugOfWarCountedDestiny() {
        return new LymphNodeSetup(true, false, true, null);
    }

    /**
     * Scenario B7: an empty patch filled by the thymus; self antigen only; division as a rate; the self-reactive
     * producers secrete as immune-models.md §4 writes them ({@link #HOMEOSTASIS_TABLE}).
     */
    public static LymphNodeSetup homeostasis() {
        return new LymphNodeSetup(false, true, false, HOMEOSTASIS_TABLE);
    }

    /** The same start with the bundled table only (B7 as first built: Tkach's shut-off in every producer). */
    public LymphNodeSetup withoutOverlay() {
        return new LymphNodeSetup(infection, startEmpty, generations, null);
    }
}
