package org.il2sim.core.sim;

import java.util.List;

/** An observer that keeps chosen quantities at every output time: rows[i][k] = quantity k at times[i]. */
public final class GridRecorder implements TrajectoryObserver {

    private final List<CompiledModel.Readout> readouts;
    private final double[][] rows;

    public GridRecorder(int times, List<CompiledModel.Readout> readouts) {
        this.readouts = List.copyOf(readouts);
        this.rows = new double[times][readouts.size()];
    }

    @Override
    public void onSample(int index, double t, double[] values) {
        for (int k = 0; k < readouts.size(); k++) {
            rows[index][k] = readouts.get(k).read(values);
        }
    }

    public double[][] rows() {
        return rows;
    }
}
