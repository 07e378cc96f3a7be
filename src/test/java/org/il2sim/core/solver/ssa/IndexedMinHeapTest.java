package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexedMinHeapTest {

    @Test
    void tracksTheMinimumUnderRandomUpdates() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int size : new int[] {1, 2, 7, 64}) {
            double[] keys = new double[size];
            for (int i = 0; i < size; i++) {
                keys[i] = rng.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : rng.nextDouble();
            }
            IndexedMinHeap heap = new IndexedMinHeap(size);
            heap.build(keys);
            for (int step = 0; step < 5000; step++) {
                assertThat(heap.isValid()).isTrue();
                int argmin = 0;
                for (int i = 1; i < size; i++) {
                    if (keys[i] < keys[argmin]) {
                        argmin = i;
                    }
                }
                assertThat(heap.minKey()).isEqualTo(keys[argmin]);
                assertThat(keys[heap.minItem()]).isEqualTo(keys[argmin]);
                int item = rng.nextInt(size);
                keys[item] = rng.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : rng.nextDouble();
                heap.update(item, keys[item]);
                assertThat(heap.key(item)).isEqualTo(keys[item]);
            }
        }
    }
}
