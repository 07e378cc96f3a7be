package org.il2sim.tissue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input is refused with a message naming the value. */
class DiffusionGridInputTest {

    private static DiffusionGrid make(int nx, int ny, int nz, double h, double d, double k) {
        return new DiffusionGrid(nx, ny, nz, h, d, k, Boundary.NO_FLUX);
    }

    @Test
    void refusesBadGeometryAndCoefficients() {
        assertThatThrownBy(() -> make(0, 4, 4, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nx").hasMessageContaining("got 0");
        assertThatThrownBy(() -> make(4, -3, 4, 1, 1, 0)).hasMessageContaining("ny").hasMessageContaining("got -3");
        assertThatThrownBy(() -> make(4, 4, 0, 1, 1, 0)).hasMessageContaining("nz");
        assertThatThrownBy(() -> make(2000, 2000, 2000, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8000000000 voxels");
        assertThatThrownBy(() -> make(4, 4, 4, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voxel edge h").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> make(4, 4, 4, Double.NaN, 1, 0)).hasMessageContaining("voxel edge h")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> make(4, 4, 4, Double.POSITIVE_INFINITY, 1, 0)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> make(4, 4, 4, 1, -2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diffusion coefficient D").hasMessageContaining("-2.0");
        assertThatThrownBy(() -> make(4, 4, 4, 1, Double.NaN, 0)).hasMessageContaining("diffusion coefficient D")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> make(4, 4, 4, 1, 1, -0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decay rate k").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> make(4, 4, 4, 1, 1, Double.NaN)).hasMessageContaining("decay rate k");
        assertThatThrownBy(() -> new DiffusionGrid(4, 4, 4, 1, 1, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boundary");
        assertThatThrownBy(() -> new DiffusionGrid(4, 4, 4, 1, 1, 0, Boundary.NO_FLUX, null, 1e-10, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time scheme");
        assertThatThrownBy(() -> new DiffusionGrid(4, 4, 4, 1, 1, 0, Boundary.NO_FLUX, TimeScheme.BACKWARD_EULER,
                0, 100)).hasMessageContaining("tolerance").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> new DiffusionGrid(4, 4, 4, 1, 1, 0, Boundary.NO_FLUX, TimeScheme.BACKWARD_EULER,
                1e-10, 0)).hasMessageContaining("iterations").hasMessageContaining("got 0");
    }

    @Test
    void refusesBadStepsAndFieldValues() {
        DiffusionGrid g = make(4, 4, 4, 1, 1, 0);
        assertThatThrownBy(() -> g.step(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time step dt").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> g.step(-1)).hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> g.step(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> g.step(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> g.set(0, 0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concentration").hasMessageContaining("NaN");
        assertThatThrownBy(() -> g.fill(Double.NEGATIVE_INFINITY)).hasMessageContaining("-Infinity");
        assertThatThrownBy(() -> g.setSource(0, 0, 0, Double.NaN)).hasMessageContaining("source");
        assertThatThrownBy(() -> g.setUptakeRate(0, 0, 0, -1)).hasMessageContaining("uptake rate")
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> g.get(4, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(4, 0, 0)");
    }

    @Test
    void stepNamesTheVoxelOfABadValueWrittenIntoTheLiveArrays() {
        DiffusionGrid g = make(4, 3, 2, 1, 1, 0);
        g.uptakeRates()[g.index(1, 2, 1)] = -0.1;
        assertThatThrownBy(() -> g.step(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uptake rate of voxel (1, 2, 1)").hasMessageContaining("-0.1");
        g.uptakeRates()[g.index(1, 2, 1)] = 0;
        g.sources()[g.index(3, 0, 1)] = Double.NaN;
        assertThatThrownBy(() -> g.step(1)).hasMessageContaining("source of voxel (3, 0, 1)")
                .hasMessageContaining("NaN");
        g.sources()[g.index(3, 0, 1)] = 0;
        g.concentrations()[g.index(0, 1, 0)] = Double.NaN;
        assertThatThrownBy(() -> g.step(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concentration of voxel (0, 1, 0)").hasMessageContaining("NaN");
        g.concentrations()[g.index(0, 1, 0)] = 0;
        DiffusionGrid capped = new DiffusionGrid(20, 20, 20, 1, 1, 0, Boundary.NO_FLUX, TimeScheme.BACKWARD_EULER,
                1e-12, 3);
        capped.set(10, 10, 10, 1);
        assertThatThrownBy(() -> capped.step(100)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("did not converge").hasMessageContaining("after 3 iterations");
    }
}
