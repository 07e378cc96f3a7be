"""SciPy reference for bench/compare: integrates a model exported by il2sim (FlatExport's Python module: NAMES, Y0,
rhs) with solve_ivp (LSODA and BDF, finite-difference Jacobians as SciPy does by default), scalar rtol/atol, output at
evenly spaced times. Run with Debian's /usr/bin/python3 (python3-scipy).

Usage: scipy_ref.py MODULE.py RTOL ATOL TEND INTERVALS SECONDS
Prints per method: result METHOD median_s M min_s M wall_s W solves N rhs F jac J (median and smallest CPU time of
the thread per solve, median wall time), then "final METHOD NAME VALUE" lines."""
import importlib.util
import statistics
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp


def main():
    path, rtol, atol, tend, intervals, seconds = sys.argv[1], *map(float, sys.argv[2:5]), int(sys.argv[5]), \
        float(sys.argv[6])
    spec = importlib.util.spec_from_file_location("model", path)
    model = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(model)
    t_eval = np.linspace(0.0, tend, intervals + 1)
    for method in ("LSODA", "BDF"):
        def solve():
            return solve_ivp(model.rhs, (0.0, tend), model.Y0, method=method, t_eval=t_eval, rtol=rtol, atol=atol)
        sol = solve()  # warm-up (imports, caches)
        if not sol.success:
            print(f"failed {method} {sol.message}")
            continue
        times, walls = [], []
        end = time.perf_counter() + seconds
        while len(times) < 3 or time.perf_counter() < end:
            t0, c0 = time.perf_counter(), time.thread_time()
            sol = solve()
            times.append(time.thread_time() - c0)  # CPU time of this thread: the machine is shared
            walls.append(time.perf_counter() - t0)
        print(f"result {method} median_s {statistics.median(times):.6g} min_s {min(times):.6g}"
              f" wall_s {statistics.median(walls):.6g} solves {len(times)} rhs {sol.nfev} jac {sol.njev}")
        for name, value in zip(model.NAMES, sol.y[:, -1]):
            print(f"final {method} {name} {value:.17g}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
