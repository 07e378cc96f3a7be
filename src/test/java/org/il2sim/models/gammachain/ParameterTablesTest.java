package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bundled parameter sets against the reference specification §4.1–4.2. */
class ParameterTablesTest {

    @Test
    void referenceSetIsTheIl2Il15Fit() {
        ParameterSet p = ParameterSet.reference();
        assertThat(p.name()).isEqualTo("IL2_IL15");
        assertThat(ParameterTables.names()).containsExactly("IL2_IL15", "IL4_IL7", "il2sim");
        assertThat(p.hasSignalling()).isFalse();
        assertThat(ParameterSet.named(ParameterSet.FARHAT_2021).hasSignalling()).isFalse();
        assertThat(p.value("k_fwd")).isEqualTo(2.86e-3);
        assertThat(p.get("k_fwd").lower95()).isEqualTo(2.09e-3);
        assertThat(p.get("k_fwd").upper95()).isEqualTo(3.86e-3);
        assertThat(p.get("k_fwd").unit()).isEqualTo("cell #^-1 min^-1");
        assertThat(p.value("k_endo")).isEqualTo(0.0928);
        assertThat(p.value("k_endo_a")).isEqualTo(2.54);
        assertThat(p.value("k_rec")).isEqualTo(0.0907);
        assertThat(p.value("k_deg")).isEqualTo(0.00676);
        assertThat(p.value("f_sort")).isEqualTo(0.124);
        assertThat(p.value("f_int")).isEqualTo(0.5);
        assertThat(p.value("V_int")).isEqualTo(623);
        assertThat(p.get("k1").status()).isEqualTo(ParameterValue.Status.FIXED);
        assertThat(p.get("k1").hasInterval()).isFalse();
        for (ParameterValue v : p.values()) {
            assertThat(v.source()).as(v.id()).isNotBlank();
            assertThat(v.unit()).as(v.id()).isNotBlank();
            if (v.hasInterval()) {
                assertThat(v.value()).as(v.id()).isBetween(v.lower95(), v.upper95());
            }
        }
    }

    @Test
    void placeholdersAreFlagged() {
        ParameterSet p = ParameterSet.reference();
        assertThat(p.values()).filteredOn(v -> v.status() == ParameterValue.Status.PLACEHOLDER)
                .extracting(ParameterValue::id).containsExactlyInAnyOrder("k31", "k35");
        assertThat(p.value("k31")).isEqualTo(1.0);
        assertThat(p.value("k35")).isEqualTo(1.0);
    }

    @Test
    void il4Il7SetOverridesItsFitAndInheritsTheRest() {
        ParameterSet p = ParameterSet.named("IL4_IL7");
        assertThat(p.value("k_fwd")).isEqualTo(0.1435);
        assertThat(p.value("k_endo")).isEqualTo(0.0833);
        assertThat(p.value("k_endo_a")).isEqualTo(0.948);
        assertThat(p.value("k_rec")).isEqualTo(0.113);
        assertThat(p.value("k_deg")).isEqualTo(0.0107);
        assertThat(p.value("f_sort")).isEqualTo(0.113);
        assertThat(p.value("k27")).isEqualTo(0.0418);
        assertThat(p.value("k33")).isEqualTo(38.0);
        assertThat(p.value("k5")).isEqualTo(ParameterSet.reference().value("k5"));
        assertThat(p.values()).hasSameSizeAs(ParameterSet.reference().values());
    }

    @Test
    void overridesAreMarkedAndLeaveTheOriginalAlone() {
        ParameterSet p = ParameterSet.reference().with("k_endo", 0);
        assertThat(p.value("k_endo")).isZero();
        assertThat(p.get("k_endo").status()).isEqualTo(ParameterValue.Status.OVERRIDDEN);
        assertThat(ParameterSet.reference().value("k_endo")).isCloseTo(0.0928, within(0.0));
        assertThatThrownBy(() -> p.with("k_nonsense", 1)).hasMessageContaining("k_nonsense");
        assertThatThrownBy(() -> ParameterSet.named("nope")).hasMessageContaining("IL2_IL15");
    }

    @Test
    void il2simSetIsTheReferenceVectorPlusTheSignallingLayer() {
        ParameterSet il2sim = ParameterSet.named(ParameterSet.IL2SIM);
        ParameterSet reference = ParameterSet.reference();
        assertThat(ParameterSet.DEFAULT).isEqualTo("il2sim");
        assertThat(ParameterSet.USER_NAMES).contains("il2sim", "farhat2021");
        assertThat(il2sim.hasSignalling()).isTrue();
        assertThat(il2sim.with("k5", 0.1).hasSignalling()).isTrue();
        for (ParameterValue v : reference.values()) {
            assertThat(il2sim.get(v.id())).as(v.id()).isEqualTo(v);
        }
        for (String id : ParameterTables.REQUIRED_SIGNALLING) {
            ParameterValue v = il2sim.get(id);
            assertThat(v.source()).as(id).isNotBlank();
            assertThat(v.unit()).as(id).isNotBlank();
            assertThat(v.value()).as(id).isPositive();
            assertThat(reference.contains(id)).as(id).isFalse();
        }
        assertThat(il2sim.get("K_STAT5").source()).contains("Tkach");
        assertThat(il2sim.get("k_ras_on").status()).isEqualTo(ParameterValue.Status.ASSUMED);
        // plus il2sim's one extension rate, the trans-presented IL-15 off-rate (fitted to YT-1 data)
        assertThat(reference.contains(GammaChainModel.TRANS_PRESENTATION_RATE)).isFalse();
        assertThat(il2sim.get(GammaChainModel.TRANS_PRESENTATION_RATE).source()).contains("il2sim fit yt1");
        assertThat(il2sim.values()).hasSize(reference.values().size() + ParameterTables.REQUIRED_SIGNALLING.size() + 1);
    }
}
