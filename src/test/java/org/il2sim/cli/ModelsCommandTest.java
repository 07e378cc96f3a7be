package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `il2sim models`: the names people use resolve to one molecule, and models show their parameters with sources. */
class ModelsCommandTest {

    @Test
    void synonymsResolveToTheSameMolecule() {
        for (String name : new String[] {"CD25", "IL-2Rα", "IL2RA", "il2ra", "Tac"}) {
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("models", "show", name);
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("IL2RA (receptor): interleukin 2 receptor subunit alpha");
        }
        SbmlSimulateCommandTest.Run gc = SbmlSimulateCommandTest.run("models", "show", "CD132");
        assertThat(gc.out()).startsWith("IL2RG").contains("IL2_IL2Ra_IL2Rb_gc_surf");
        SbmlSimulateCommandTest.Run drug = SbmlSimulateCommandTest.run("models", "show", "aldesleukin");
        assertThat(drug.out()).startsWith("ALDESLEUKIN (drug)").contains("DrugBank");
    }

    @Test
    void il2ShowsItsComplexesAndTheParametersOfItsReactionsWithSources() {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("models", "show", "IL-2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("interleukin 2").contains("TCGF").contains("IL2_IL2Ra_IL2Rb_gc_surf")
                .contains("k_fwd").contains("posterior median").doesNotContain("IL15_IL15Ra");
    }

    @Test
    void modelsListAndShowEveryParameterWithUnitAndSource() {
        SbmlSimulateCommandTest.Run list = SbmlSimulateCommandTest.run("models", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("gamma-chain").contains("62 species").contains("il2-receptor-binding");
        SbmlSimulateCommandTest.Run gc = SbmlSimulateCommandTest.run("models", "show", "gamma-chain");
        assertThat(gc.out()).contains("ReceptorAssembly x").contains("k31").contains("placeholder");
        // the signalling layer of the default set: modules, species, parameters with unit and source
        assertThat(gc.out()).contains("Stat5Signalling").contains("ErkSignalling").contains("AktSignalling")
                .contains("pSTAT5_dimer_nuc").contains("Ras_GTP").contains("PIP3")
                .containsPattern("K_STAT5 +10000.0 +#/cell +fixed +Tkach")
                .containsPattern("k_akt_off +0.0500000 +min\\^-1 +assumed")
                .containsPattern("STAT5_total +3000.00 +#/cell");
        SbmlSimulateCommandTest.Run bad = SbmlSimulateCommandTest.run("models", "show", "IL-99");
        assertThat(bad.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("unknown model or molecule 'IL-99'").contains("IL2RA");
    }

    @Test
    void populationModelsAreListedAndShown() {
        SbmlSimulateCommandTest.Run list = SbmlSimulateCommandTest.run("models", "list");
        assertThat(list.code()).isZero();
        for (String m : org.il2sim.io.scenario.ScenarioReader.POPULATION_MODELS.keySet()) {
            assertThat(list.out()).contains(m);
            assertThat(org.il2sim.io.scenario.ScenarioReader.BUILTIN_MODELS).contains(m);
        }
        SbmlSimulateCommandTest.Run show = SbmlSimulateCommandTest.run("models", "show", "acute-infection");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("CD8_effector").contains("CD8_rho").contains("De Boer");
        SbmlSimulateCommandTest.Run b11 = SbmlSimulateCommandTest.run("models", "show", "il15-nk-memory");
        assertThat(b11.code()).as(b11.err()).isZero();
        assertThat(b11.out()).containsPattern("signal_readout_time +1440.00 \\(built\\)").contains("NK_IL15_EC50")
                .doesNotContainPattern("signal_source +1.00000 \\(built\\)");
        // the division destinies shape the generation chains: not network parameters, still shown with their source
        SbmlSimulateCommandTest.Run complexes = SbmlSimulateCommandTest.run("models", "show", "il2-complexes");
        assertThat(complexes.code()).as(complexes.err()).isZero();
        assertThat(complexes.out()).contains("values that shape the network when it is built")
                .containsPattern("destiny_Treg +2.00000 +1 +division destiny of Treg cells")
                .containsPattern("destiny_NK +7.00000").containsPattern("destiny_CD8_memory +7.00000")
                .doesNotContainPattern("values that shape[\\s\\S]*signal_readout_time");
        assertThat(b11.out()).doesNotContain("values that shape the network");
        SbmlSimulateCommandTest.Run bad = SbmlSimulateCommandTest.run("models", "show", "lymph-nodes");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("closed-culture");
    }
}
