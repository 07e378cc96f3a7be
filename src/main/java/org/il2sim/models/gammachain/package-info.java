/**
 * The common-γ-chain (γc) cytokine receptor model of Farhat et al., Cell Reports 2021 (Meyer lab, code in
 * meyer-lab/gc-cytokines and its C++ solver gcSolver): mass-action binding of IL-2, IL-15, IL-7, IL-9, IL-4 and IL-21
 * to their private receptors, the shared IL-2Rβ and the shared γc, on the cell surface and in the endosome, with
 * receptor synthesis, endocytosis, recycling and degradation. 62 states: 28 surface species, the same 28 in the
 * endosome, and the 6 endosomal free ligands. With a parameter set that has the signalling layer ("il2sim", the
 * default of the command line) three more modules read the active complexes: {@link
 * org.il2sim.models.gammachain.Stat5Signalling} (the STAT5 cycle of gcSolver.jl), {@link
 * org.il2sim.models.gammachain.ErkSignalling} (Ras/MAPK with negative feedback) and {@link
 * org.il2sim.models.gammachain.AktSignalling} (PI3K/Akt), with the read-outs pSTAT5, pERK and pAkt.
 *
 * <p>The model is assembled from {@link org.il2sim.models.gammachain.NetworkModule modules} that each contribute
 * compartments, species, parameters and reactions to a {@link org.il2sim.core.network.NetworkBuilder};
 * {@link org.il2sim.models.gammachain.GammaChainModel} composes them for one cell type and medium ligand doses.
 * Parameter values (with unit, source and 95% interval) and receptor abundances are bundled data files in this
 * package's resources, read by {@link org.il2sim.models.gammachain.ParameterTables} and
 * {@link org.il2sim.models.gammachain.ReceptorTables}.
 *
 * <p>Units: time in minutes; receptors and complexes in #/cell on the surface; endosomal species are stored, as in
 * the anchor, as densities (#/cell divided by f_int, the endosome's share of the surface area), which is what
 * their concentration in the {@code endosome} compartment of size f_int means here, so their amounts are counts per
 * cell; ligand concentrations in nM. The reference specification is
 * {@code shared/docs/reference/gamma-chain-model.md} (§2 model, §4 parameters, §6 reference outputs).
 */
package org.il2sim.models.gammachain;
