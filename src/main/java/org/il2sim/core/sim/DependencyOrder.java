package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders definitions so that each comes after the ones it reads (Kahn-style depth-first sort with cycle report). */
final class DependencyOrder {

    private DependencyOrder() {
    }

    /**
     * @param reads for each defined id, the ids it reads (ids not defined here are ignored)
     * @return the defined ids, each after everything it reads
     * @throws ModelException naming the cycle when there is one
     */
    static List<String> sort(Map<String, Set<String>> reads, String what) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> mark = new HashMap<>();
        for (String id : reads.keySet()) {
            visit(id, reads, mark, order, new LinkedHashMap<>(), what);
        }
        return order;
    }

    private static void visit(String id, Map<String, Set<String>> reads, Map<String, Integer> mark, List<String> order,
                              LinkedHashMap<String, Boolean> path, String what) {
        Integer m = mark.get(id);
        if (m != null && m == 2) {
            return;
        }
        if (m != null && m == 1) {
            List<String> cycle = new ArrayList<>(path.keySet());
            cycle = cycle.subList(cycle.indexOf(id), cycle.size());
            throw ModelException.invalid(what + " form a cycle: " + String.join(" -> ", cycle) + " -> " + id);
        }
        mark.put(id, 1);
        path.put(id, true);
        for (String dep : reads.get(id)) {
            if (reads.containsKey(dep)) {
                visit(dep, reads, mark, order, path, what);
            }
        }
        path.remove(id);
        mark.put(id, 2);
        order.add(id);
    }
}
