package org.il2sim.core.solver.ssa;

/**
 * The "indexed priority queue" of Gibson &amp; Bruck (2000, section 4): a binary min-heap of the items 0..n-1 keyed
 * by doubles, with each item's heap position tracked so that a key can be changed in O(log n) and the minimum read in
 * O(1). Infinite keys are allowed (reactions with zero propensity sink to the bottom).
 */
final class IndexedMinHeap {

    private final double[] key;
    /** heap[p] = item at heap position p; pos[item] = its position. */
    private final int[] heap;
    private final int[] pos;

    IndexedMinHeap(int size) {
        key = new double[size];
        heap = new int[size];
        pos = new int[size];
    }

    /** Replaces all keys and re-heapifies in O(n) (Floyd's construction). */
    void build(double[] keys) {
        System.arraycopy(keys, 0, key, 0, key.length);
        for (int i = 0; i < heap.length; i++) {
            heap[i] = i;
            pos[i] = i;
        }
        for (int p = heap.length / 2 - 1; p >= 0; p--) {
            siftDown(p);
        }
    }

    int minItem() {
        return heap[0];
    }

    double minKey() {
        return key[heap[0]];
    }

    double key(int item) {
        return key[item];
    }

    void update(int item, double newKey) {
        double old = key[item];
        key[item] = newKey;
        if (newKey < old) {
            siftUp(pos[item]);
        } else if (newKey > old) {
            siftDown(pos[item]);
        }
    }

    private void siftUp(int p) {
        int item = heap[p];
        double k = key[item];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int up = heap[parent];
            if (key[up] <= k) {
                break;
            }
            heap[p] = up;
            pos[up] = p;
            p = parent;
        }
        heap[p] = item;
        pos[item] = p;
    }

    private void siftDown(int p) {
        int n = heap.length;
        int item = heap[p];
        double k = key[item];
        while (true) {
            int child = 2 * p + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && key[heap[child + 1]] < key[heap[child]]) {
                child++;
            }
            int down = heap[child];
            if (key[down] >= k) {
                break;
            }
            heap[p] = down;
            pos[down] = p;
            p = child;
        }
        heap[p] = item;
        pos[item] = p;
    }

    /** Heap-order invariant, for tests. */
    boolean isValid() {
        for (int p = 1; p < heap.length; p++) {
            if (key[heap[(p - 1) >>> 1]] > key[heap[p]] || pos[heap[p]] != p) {
                return false;
            }
        }
        return heap.length == 0 || pos[heap[0]] == 0;
    }
}
