package org.il2sim.core.solver.ode;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Fill-reducing ordering by the minimum-degree heuristic (Tinney &amp; Walker, Proc. IEEE 55:1801, 1967, "scheme 2";
 * Rose, in Graph Theory and Computing, 1972), applied to the graph of A + A<sup>T</sup>.
 *
 * <p>This is the explicit elimination-graph version: eliminating a node turns its neighbours into a clique. It is
 * simpler than the quotient-graph approximate minimum degree of Amestoy, Davis &amp; Duff (SIAM J. Matrix Anal.
 * Appl. 17:886, 1996) and slower on matrices with dense rows, but the ordering is computed once per run and the
 * Jacobians of reaction networks are small and very sparse. Ties are broken by the lower index, so the ordering is
 * deterministic.
 */
final class MinimumDegree {

    private MinimumDegree() {
    }

    /**
     * Computes an elimination order for an n×n pattern in compressed-column form.
     *
     * @return perm, where perm[k] is the original index eliminated k-th
     */
    static int[] order(int n, int[] colPtr, int[] rowIdx) {
        int[][] adj = symmetricAdjacency(n, colPtr, rowIdx);
        int[] len = new int[n]; // adj[i][0 .. len[i]) is the live list; arrays are reused when the list shrinks
        for (int i = 0; i < n; i++) {
            len[i] = adj[i].length;
        }
        int[] deg = new int[n];
        boolean[] eliminated = new boolean[n];
        int[] mark = new int[n];
        int stamp = 0;
        PriorityQueue<Long> queue = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            deg[i] = adj[i].length;
            queue.add(key(deg[i], i));
        }
        int[] perm = new int[n];
        int[] buffer = new int[n];
        for (int k = 0; k < n; k++) {
            int v;
            while (true) { // lazy deletion: skip stale queue entries
                long e = queue.poll();
                v = (int) (e & 0xffffffffL);
                if (!eliminated[v] && deg[v] == (int) (e >>> 32)) {
                    break;
                }
            }
            perm[k] = v;
            eliminated[v] = true;
            int[] nv = adj[v];
            int nvLength = len[v];
            for (int x = 0; x < nvLength; x++) {
                int a = nv[x];
                if (eliminated[a]) {
                    continue;
                }
                // new adjacency of a: (adj[a] ∪ adj[v]) minus {a, v} and eliminated nodes
                stamp++;
                int count = 0;
                int[] na = adj[a];
                for (int y = 0, end = len[a]; y < end; y++) {
                    int b = na[y];
                    if (!eliminated[b] && mark[b] != stamp) {
                        mark[b] = stamp;
                        buffer[count++] = b;
                    }
                }
                for (int y = 0; y < nvLength; y++) {
                    int b = nv[y];
                    if (b != a && !eliminated[b] && mark[b] != stamp) {
                        mark[b] = stamp;
                        buffer[count++] = b;
                    }
                }
                if (count > na.length) {
                    na = new int[count];
                    adj[a] = na;
                }
                System.arraycopy(buffer, 0, na, 0, count);
                len[a] = count;
                if (count != deg[a]) {
                    deg[a] = count;
                    queue.add(key(count, a));
                }
            }
            adj[v] = null;
        }
        return perm;
    }

    private static long key(int degree, int node) {
        return ((long) degree << 32) | node;
    }

    private static int[][] symmetricAdjacency(int n, int[] colPtr, int[] rowIdx) {
        int[] count = new int[n];
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) {
                    count[i]++;
                    count[j]++;
                }
            }
        }
        int[][] raw = new int[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = new int[count[i]];
        }
        Arrays.fill(count, 0);
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) {
                    raw[i][count[i]++] = j;
                    raw[j][count[j]++] = i;
                }
            }
        }
        // remove duplicates (an entry present in both A and A^T)
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] r = raw[i];
            Arrays.sort(r);
            int m = 0;
            for (int x = 0; x < r.length; x++) {
                if (x == 0 || r[x] != r[x - 1]) {
                    r[m++] = r[x];
                }
            }
            adj[i] = Arrays.copyOf(r, m);
        }
        return adj;
    }
}
