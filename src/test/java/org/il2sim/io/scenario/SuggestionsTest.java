package org.il2sim.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("abcd", "acbd")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void suggestsTheClosestIdsIgnoringCaseAndNothingWhenNoneIsClose() {
        List<String> ids = List.of("Treg_density", "Treg_CD25", "conv_CD25", "CD122", "anti_IL2");
        assertThat(Suggestions.didYouMean("treg_densty", ids)).isEqualTo(" (did you mean 'Treg_density'?)");
        assertThat(Suggestions.didYouMean("Treg_CD2", ids)).isEqualTo(" (did you mean 'Treg_CD25'?)");
        assertThat(Suggestions.didYouMean("CD12", ids)).isEqualTo(" (did you mean 'CD122'?)");
        assertThat(Suggestions.didYouMean("CD25", ids)).as("two edits in four letters is not close").isEmpty();
        assertThat(Suggestions.didYouMean("pMHC_self", ids)).isEmpty();
        assertThat(Suggestions.didYouMean("x", List.of())).isEmpty();
    }
}
