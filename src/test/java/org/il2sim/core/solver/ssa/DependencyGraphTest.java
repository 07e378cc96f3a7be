package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void linksEachReactionToThePropensitiesItsChangesAffect() {
        MassAction system = new MassAction("L", "R", "C", "S")
                .reaction("L + R -> C", 1)   // 0 reads L, R
                .reaction("C -> L + R", 1)   // 1 reads C
                .reaction("-> R", 1)         // 2 reads nothing
                .reaction("C -> C + S", 1, t -> 1) // 3 reads C, changes only S, time dependent
                .reaction("S ->", 1);        // 4 reads S
        DependencyGraph g = DependencyGraph.of(system);
        assertThat(g.dependents(0)).containsExactly(0, 1, 3);
        assertThat(g.dependents(1)).containsExactly(0, 1, 3);
        assertThat(g.dependents(2)).containsExactly(0); // immigration is not its own dependent
        assertThat(g.dependents(3)).containsExactly(4); // a catalyst's count does not change
        assertThat(g.dependents(4)).containsExactly(4);
        assertThat(g.timeDependentReactions()).containsExactly(3);
        assertThat(g.hasTimeDependence()).isTrue();
        assertThat(g.edgeCount()).isEqualTo(9);
        assertThat(g.reactionCount()).isEqualTo(5);
    }
}
