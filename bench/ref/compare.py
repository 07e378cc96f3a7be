"""The measuring half of bench/compare (the shell script installs what is missing and builds first).

Runs il2sim (warm JVM and cold process), CVODE and SciPy alternately for several rounds on the workloads, checks that
the final states agree, and prints one table. Last line: 'worst il2sim/CVODE ratio: X' (warm, single-thread, median
per solve, over workloads (a) and (b)). Raw lines, the table and the scaling plot go to bench/target/results/.
Run with Debian's /usr/bin/python3 (python3-scipy, python3-matplotlib).
"""
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
GEN = os.path.join(BENCH, "target", "gen")
RES = os.path.join(BENCH, "target", "results")
CP = os.path.join(BENCH, "target", "classes") + os.pathsep + os.path.join(BENCH, "target", "lib", "*")
FALLON = os.path.abspath(os.environ.get("BENCH_FALLON",
                                        os.path.join(ROOT, "..", "shared", "data", "biomodels", "MODEL1006230001.xml")))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))  # per timed measurement (a third of it is warm-up)
SIZES = os.environ.get("BENCH_SIZES", "1,5,20,80,160,320,640")
CVODE_SIZES = os.environ.get("BENCH_CVODE_SIZES", "1,5,20,80")
SCALING_PASSES = int(os.environ.get("BENCH_SCALING_PASSES", "3"))
# Fallon reference at t = 6000 min (shared/data/biomodels/README.md; CVODE, LSODA and BDF agree to 7 digits)
FALLON_REFERENCE = {"Rs": 1350.252, "Cs": 37.92705, "Li": 142.6144, "L": 1.206340, "Y": 2.500357e8}
JAVA = ["java", "-Xss4m"]

log_lines = []


def log(line):
    log_lines.append(line)


ENV = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")  # single-thread


def run(cmd, timeout=900):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=ENV)
    log("$ " + " ".join(cmd))
    log(p.stdout)
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        raise RuntimeError(f"command failed ({p.returncode}): {' '.join(cmd)}")
    return p.stdout


def parse(out):
    """'result NAME k v k v ...' -> {NAME: {k: v}}; 'final [GROUP] NAME VALUE' -> finals."""
    results, finals = {}, {}
    for line in out.splitlines():
        w = line.split()
        if not w:
            continue
        if w[0] == "result":
            name = w[1]
            rest = w[2:]
            if len(rest) % 2 == 1:  # cvode: 'result median_s ...' has no name
                rest = w[1:]
                name = "_"
            results[name] = {rest[i]: float(rest[i + 1]) for i in range(0, len(rest), 2)}
        elif w[0] == "final":
            if len(w) == 3:
                finals.setdefault("_", {})[w[1]] = float(w[2])
            else:
                finals.setdefault(w[1], {})[w[2]] = float(w[3])
        elif w[0] == "panel_size":
            results["panel_size"] = float(w[1])
        elif w[0] == "unavailable":
            results["unavailable"] = " ".join(w[1:])
    return results, finals


def java(*args):
    return parse(run(JAVA + ["-cp", CP, "org.il2sim.bench.Compare", *args]))


def compile_cvode(name):
    exe = os.path.join(GEN, name + "_cvode")
    run(["cc", "-O2", "-o", exe, os.path.join(HERE, "cvode_ref.c"), os.path.join(GEN, name + ".c"),
         "-lsundials_cvode", "-lsundials_nvecserial", "-lsundials_sunlinsoldense", "-lsundials_sunmatrixdense", "-lm"])
    return exe


def cold_fallon():
    """One fresh il2sim process simulating (b) from the command line: wall time and peak memory."""
    out = os.path.join(RES, "cold-fallon.csv")
    cmd = [os.path.join(ROOT, "il2sim"), "sbml", "simulate", FALLON, "--duration", "6000", "--steps", "600",
           "--rtol", "1e-8", "--atol", "1e-10", "--out", out]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise RuntimeError("il2sim sbml simulate failed: " + p.stderr.read().decode())
    with open(out) as f:
        rows = f.read().strip().splitlines()
    header, last = rows[0].split(","), rows[-1].split(",")
    return wall, usage.ru_maxrss * 1024, dict(zip(header, map(float, last))), usage.ru_utime + usage.ru_stime


def deviation(a, b, names=None):
    """Largest |a-b| / max(|a|, |b|, tiny) over common names."""
    worst, where = 0.0, None
    for k in (names or a.keys()):
        if k in a and k in b:
            scale = max(abs(a[k]), abs(b[k]), 1e-300)
            d = abs(a[k] - b[k]) / scale
            if d > worst:
                worst, where = d, k
    return worst, where


def agree(a, b, rtol, atol):
    for k in a:
        if k in b and abs(a[k] - b[k]) > 100 * rtol * max(abs(a[k]), abs(b[k])) + 100 * atol:
            return False
    return True


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt_t(s):
    if s is None:
        return "-"
    if s >= 1:
        return f"{s:.3g} s"
    if s >= 1e-3:
        return f"{s * 1e3:.3g} ms"
    return f"{s * 1e6:.3g} us"


def main():
    os.makedirs(GEN, exist_ok=True)
    os.makedirs(RES, exist_ok=True)
    started = time.time()
    load_start = os.getloadavg()[0]
    run(JAVA + ["-cp", CP, "org.il2sim.bench.Compare", "export", GEN, FALLON, CVODE_SIZES])
    fallon_cvode = compile_cvode("fallon")
    ssa_c = os.path.join(GEN, "ssa_ref")
    run(["cc", "-O2", "-o", ssa_c, os.path.join(HERE, "ssa_ref.c"), "-lm"])
    have_gamma = os.path.exists(os.path.join(GEN, "gammachain.c"))
    gamma_cvode = compile_cvode("gammachain") if have_gamma else None
    cold_fallon()  # builds the il2sim jar if stale; not timed

    m = {k: [] for k in ["b_java", "b_cvode", "b_lsoda", "b_bdf", "b_cold", "a_java", "a_first", "a_cvode",
                         "a_lsoda", "a_bdf", "d_java", "d_c"]}
    w = {k: [] for k in ["b_java", "b_cvode", "b_lsoda", "b_bdf", "b_cold_cpu", "d_java", "d_c"]}  # wall clock
    finals = {}
    stats = {}
    gamma_status = None
    for r in range(ROUNDS):
        print(f"round {r + 1}/{ROUNDS} ...", file=sys.stderr, flush=True)
        # (b) Fallon: il2sim warm, CVODE, SciPy, il2sim cold
        res, fin = java("ode", "fallon", FALLON, str(SECONDS))
        m["b_java"].append(res["fallon"]["median_s"])
        w["b_java"].append(res["fallon"]["wall_s"])
        stats["b_java"] = res["fallon"]
        finals["b_java"] = fin["fallon"]
        res, fin = parse(run([fallon_cvode, "1e-8", "1e-10", "6000", "600", str(SECONDS / 2)]))
        m["b_cvode"].append(res["_"]["median_s"])
        w["b_cvode"].append(res["_"]["wall_s"])
        stats["b_cvode"] = res["_"]
        finals["b_cvode"] = fin["_"]
        res, fin = parse(run(["/usr/bin/python3", os.path.join(HERE, "scipy_ref.py"), os.path.join(GEN, "fallon.py"),
                              "1e-8", "1e-10", "6000", "600", str(SECONDS / 3)]))
        for meth, key in (("LSODA", "b_lsoda"), ("BDF", "b_bdf")):
            if meth in res:
                m[key].append(res[meth]["median_s"])
                w[key].append(res[meth]["wall_s"])
                stats[key] = res[meth]
                finals[key] = fin[meth]
        wall, rss, last, cpu = cold_fallon()
        m["b_cold"].append(wall)
        w["b_cold_cpu"].append(cpu)
        stats["b_cold_rss"] = rss
        finals["b_cold"] = last
        # (a) gamma chain panel
        res, fin = java("ode", "gammachain", "-", str(SECONDS))
        if "unavailable" in res:
            gamma_status = res["unavailable"]
        else:
            m["a_java"].append(res["gammachain"]["median_s"])
            # the references run the panel's first solve: compare like with like
            m["a_first"].append(res.get("gammachain_first", res["gammachain"])["median_s"])
            stats["a_java"] = res["gammachain"]
            stats["panel_size"] = res["panel_size"]
            finals["a_java"] = fin["gammachain"]
            if gamma_cvode:
                res, fin = parse(run([gamma_cvode, "1e-6", "1e-6", "240", "240", str(SECONDS / 2)]))
                m["a_cvode"].append(res["_"]["median_s"])
                finals["a_cvode"] = fin["_"]
                res, fin = parse(run(["/usr/bin/python3", os.path.join(HERE, "scipy_ref.py"),
                                      os.path.join(GEN, "gammachain.py"), "1e-6", "1e-6", "240", "240",
                                      str(SECONDS / 3)]))
                for meth, key in (("LSODA", "a_lsoda"), ("BDF", "a_bdf")):
                    if meth in res:
                        m[key].append(res[meth]["median_s"])
                        finals[key] = fin[meth]
        # (d) SSA events per second
        res, _ = java("ssa", str(SECONDS))
        m["d_java"].append(res["ssa"]["events_per_s"])
        w["d_java"].append(res["ssa"]["wall_events_per_s"])
        res, _ = parse(run([ssa_c, os.path.join(GEN, "onecell.txt"), "1000", str(SECONDS / 2)]))
        m["d_c"].append(res["ssa"]["events_per_s"])
        w["d_c"].append(res["ssa"]["wall_events_per_s"])

    # (c) scaling: il2sim at every size in SCALING_PASSES passes (median per size), CVODE (dense LU) once at the
    # smaller sizes
    # Each size runs in a fresh JVM: one JVM running several sizes in a row compiles the hot code with profiles
    # mixed from all of them and was seen to settle on code up to twice as slow for some sizes.
    passes = []
    for p in range(SCALING_PASSES):
        print(f"scaling {p + 1}/{SCALING_PASSES} ...", file=sys.stderr, flush=True)
        res_p, fin_p = {}, {}
        for k in SIZES.split(","):
            r_k, f_k = java("scaling", str(SECONDS), k)
            res_p.update(r_k)
            fin_p.update(f_k)
        passes.append((res_p, fin_p))
    res, fin = passes[-1]
    scaling = []
    for k in SIZES.split(","):
        rr = res["clones_" + k]
        row = {"cells": int(k), "species": 9 * int(k) + 1, "reactions": 21 * int(k),
               "il2sim_s": med([r["clones_" + k]["median_s"] for r, _ in passes]),
               "il2sim_passes_s": [r["clones_" + k]["median_s"] for r, _ in passes],
               "il2sim_wall_s": med([r["clones_" + k]["wall_s"] for r, _ in passes]),
               "steps": rr["steps"], "rhs": rr["rhs"], "jac": rr["jac"], "alloc": rr["alloc_bytes"], "cvode_s": None,
               "cvode_steps": None, "agree": None}
        if k in CVODE_SIZES.split(","):
            exe = compile_cvode("clones_" + k)
            cres, cfin = parse(run([exe, "1e-6", "1e-6", "240", "240", str(SECONDS / 2)]))
            row["cvode_s"] = cres["_"]["median_s"]
            row["cvode_steps"] = cres["_"]["steps"]
            row["agree"] = agree(fin["clones_" + k], cfin["_"], 1e-6, 1e-6)
        scaling.append(row)

    # ---- table ----
    lines = []
    out = lines.append
    b = {k: med(v) for k, v in m.items()}
    out(f"il2sim benchmarks, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}, "
        f"{os.cpu_count()} cores, {ROUNDS} rounds (medians of the per-round medians), "
        f"load average {load_start:.1f} at the start and {os.getloadavg()[0]:.1f} at the end")
    out("Times are medians per solve of the solving thread's CPU time (the machine is shared with other work, so wall")
    out("time also measures the scheduler's share; wall-clock medians are listed below the table); the cold start is")
    out("the wall time of a whole fresh process.")
    out("")
    hdr = f"{'workload':<34}{'il2sim warm':>13}{'il2sim cold':>13}{'CVODE':>11}{'LSODA':>11}{'SciPy BDF':>11}" \
          f"{'il2sim/CVODE':>14}{'LSODA/il2sim':>14}{'BDF/il2sim':>12}  agree"
    out(hdr)
    out("-" * len(hdr))
    ratios = []
    if b["a_java"] is not None:
        rc = b["a_first"] / b["a_cvode"] if b["a_cvode"] else None
        if rc is not None:
            ratios.append(rc)
        ok = all(agree(finals["a_java"], finals[x], 1e-6, 1e-6) for x in ("a_cvode", "a_lsoda", "a_bdf")
                 if x in finals)
        rcs = f"{rc:.2f}" if rc else "-"
        rl = f"{b['a_lsoda'] / b['a_first']:.1f}" if b["a_lsoda"] else "-"
        rbd = f"{b['a_bdf'] / b['a_first']:.1f}" if b["a_bdf"] else "-"
        out(f"{'(a) gamma chain, first solve':<34}{fmt_t(b['a_first']):>13}{'-':>13}{fmt_t(b['a_cvode']):>11}"
            f"{fmt_t(b['a_lsoda']):>11}{fmt_t(b['a_bdf']):>11}{rcs:>14}{rl:>14}{rbd:>12}  {'yes' if ok else 'NO'}")
        out(f"{'(a) gamma chain, median solve':<34}{fmt_t(b['a_java']):>13}")
        out(f"{'(a) gamma chain, whole panel':<34}{fmt_t(b['a_java'] * stats['panel_size']):>13}"
            f"{'':>13}{'':>11}  ({stats['panel_size']:.0f} solves, median solve x count)")
    else:
        out(f"{'(a) gamma chain (farhat2021)':<34}  {gamma_status}")
    rb = b["b_java"] / b["b_cvode"]
    ratios.append(rb)
    agree_b = all(agree(finals["b_java"], finals[x], 1e-8, 1e-10) for x in ("b_cvode", "b_lsoda", "b_bdf"))
    ref_dev, ref_where = deviation(finals["b_java"], FALLON_REFERENCE)
    agree_b = agree_b and ref_dev < 1e-6
    out(f"{'(b) Fallon 2000 SBML, per solve':<34}{fmt_t(b['b_java']):>13}{fmt_t(b['b_cold']):>13}"
        f"{fmt_t(b['b_cvode']):>11}{fmt_t(b['b_lsoda']):>11}{fmt_t(b['b_bdf']):>11}{rb:>14.2f}"
        f"{b['b_lsoda'] / b['b_java']:>14.1f}{b['b_bdf'] / b['b_java']:>12.1f}  {'yes' if agree_b else 'NO'}")
    bw = {k: med(v) for k, v in w.items()}
    out(f"(b) wall-clock medians: il2sim {fmt_t(bw['b_java'])}, CVODE {fmt_t(bw['b_cvode'])} (ratio "
        f"{bw['b_java'] / bw['b_cvode']:.2f}), LSODA {fmt_t(bw['b_lsoda'])}, SciPy BDF {fmt_t(bw['b_bdf'])}; cold "
        f"process CPU time (all threads) {bw['b_cold_cpu']:.2f} s")
    out("")
    sj, sc = stats["b_java"], stats["b_cvode"]
    out(f"(b) work per solve: il2sim {sj['steps']:.0f} steps, {sj['rhs']:.0f} RHS, {sj['jac']:.0f} Jacobians "
        f"(analytic); CVODE {sc['steps']:.0f} steps, {sc['rhs']:.0f} RHS (incl. difference-quotient Jacobian), "
        f"{sc['jac']:.0f} Jacobians, {sc['lsetups']:.0f} LU setups; SciPy LSODA {stats['b_lsoda']['rhs']:.0f} RHS, "
        f"BDF {stats['b_bdf']['rhs']:.0f} RHS")
    devs = ", ".join(f"{x[2:]} {deviation(finals['b_java'], finals[x])[0]:.1e}"
                     for x in ("b_cvode", "b_lsoda", "b_bdf", "b_cold"))
    out(f"(b) final state at 6000 min, largest relative difference from il2sim warm: {devs}; from the README "
        f"reference (7 digits): {ref_dev:.1e} ({ref_where})")
    out("")
    out("(c) generated network, clones sharing one IL-2 pool, 0-240 min, rtol 1e-6, atol 1e-6 molecules "
        "(il2sim: BDF with sparse LU and the analytic Jacobian; CVODE: BDF with dense LU):")
    out(f"{'cells':>7}{'species':>9}{'reactions':>11}{'il2sim':>11}{'steps':>7}{'RHS':>7}{'Jac':>5}"
        f"{'us/step/reaction':>18}{'CVODE dense':>13}{'il2sim/CVODE':>14}  agree")
    for row in scaling:
        per = row["il2sim_s"] / row["steps"] / row["reactions"] * 1e6
        row["per_step_reaction_us"] = per
        rc = row["il2sim_s"] / row["cvode_s"] if row["cvode_s"] else None
        rcs = f"{rc:.2f}" if rc else "-"
        out(f"{row['cells']:>7}{row['species']:>9}{row['reactions']:>11}{fmt_t(row['il2sim_s']):>11}"
            f"{row['steps']:>7.0f}{row['rhs']:>7.0f}{row['jac']:>5.0f}{per:>18.4f}{fmt_t(row['cvode_s']):>13}"
            f"{rcs:>14}  {'-' if row['agree'] is None else 'yes' if row['agree'] else 'NO'}")
    big = [row for row in scaling if row["reactions"] >= 400]
    slope = None
    if len(big) >= 2:
        xs = [math.log(row["reactions"]) for row in big]
        ys = [math.log(row["il2sim_s"] / row["steps"]) for row in big]
        xm, ym = statistics.mean(xs), statistics.mean(ys)
        slope = sum((x - xm) * (y - ym) for x, y in zip(xs, ys)) / sum((x - xm) ** 2 for x in xs)
        out(f"    log-log slope of il2sim time per step against reactions (>= 400 reactions): {slope:.2f} "
            f"(1 = linear; medians of {SCALING_PASSES} passes)")
    out("")
    out(f"(d) SSA, one cell (10 species, 21 reactions, ~9,100 receptors, 10 pM IL-2 in 1 nL), direct method: "
        f"il2sim {b['d_java'] / 1e6:.2f} million events/s, C reference {b['d_c'] / 1e6:.2f} million events/s (per CPU "
        f"second; per wall second {bw['d_java'] / 1e6:.2f} and {bw['d_c'] / 1e6:.2f})")
    out(f"(e) memory: il2sim allocates {sj['alloc_bytes'] / 1024:.0f} KiB per (b) solve (warm), "
        + ", ".join(f"{row['alloc'] / 1024:.0f} KiB" for row in scaling) + f" per (c) solve at {SIZES} cells; "
        f"cold (b) process peak RSS {stats['b_cold_rss'] / 2**20:.0f} MiB")
    out("")
    out("targets:")

    def target(text, ok):
        out(f"  [{'met' if ok else 'MISSED'}] {text}")

    if b["a_java"] is not None and b["a_cvode"]:
        target(f"(a) il2sim warm <= 1.0x CVODE: {b['a_first'] / b['a_cvode']:.2f}", b["a_first"] <= b["a_cvode"])
        if b["a_lsoda"]:
            target(f"(a) il2sim >= 20x faster than SciPy LSODA: {b['a_lsoda'] / b['a_first']:.1f}x",
                   b["a_lsoda"] / b["a_first"] >= 20)
    else:
        out("  [n/a] (a) gamma chain: " + (gamma_status or "no CVODE export"))
    target(f"(b) il2sim warm <= 1.0x CVODE: {rb:.2f}", rb <= 1.0)
    target(f"(b) il2sim >= 20x faster than SciPy LSODA: {b['b_lsoda'] / b['b_java']:.1f}x",
           b["b_lsoda"] / b["b_java"] >= 20)
    target(f"(b) cold start 'il2sim sbml simulate' < 2 s: {b['b_cold']:.2f} s", b["b_cold"] < 2)
    target(f"(c) cost per step grows no worse than linearly with reactions: slope {slope:.2f} (<= 1.1 allowed "
           f"for timing noise)"
           if slope is not None else "(c) not measured", slope is not None and slope <= 1.1)
    target(f"(d) SSA >= 10 million events/s: {b['d_java'] / 1e6:.2f} million", b["d_java"] >= 1e7)
    target("final states agree (il2sim, CVODE, SciPy, reference)", agree_b and all(
        row["agree"] in (None, True) for row in scaling))
    out(f"total time of this comparison: {time.time() - started:.0f} s")
    worst = max(ratios)
    out(f"worst il2sim/CVODE ratio: {worst:.2f}")

    text = "\n".join(lines)
    with open(os.path.join(RES, "table.txt"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(RES, "raw.log"), "w") as f:
        f.write("\n".join(log_lines))
    with open(os.path.join(RES, "results.json"), "w") as f:
        json.dump({"medians": b, "rounds": m, "wall_medians": bw, "wall_rounds": w, "stats": stats,
                   "scaling": scaling, "finals": finals}, f, indent=1)
    try:
        plot(scaling)
    except Exception as e:  # the table matters more than the picture
        print(f"(no plot: {e})", file=sys.stderr)
    print(text)


def plot(scaling):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    r = [row["reactions"] for row in scaling]
    ax1.loglog(r, [row["il2sim_s"] for row in scaling], "o-", label="il2sim (BDF, sparse LU)")
    cv = [(row["reactions"], row["cvode_s"]) for row in scaling if row["cvode_s"]]
    if cv:
        ax1.loglog(*zip(*cv), "s--", label="CVODE (BDF, dense LU)")
    x0, y0 = r[2] if len(r) > 2 else r[0], scaling[2]["il2sim_s"] if len(r) > 2 else scaling[0]["il2sim_s"]
    ax1.loglog([x0, r[-1]], [y0, y0 * r[-1] / x0], ":", color="gray", label="linear")
    ax1.set_xlabel("reactions")
    ax1.set_ylabel("CPU time per solve (s)")
    ax1.set_title("(c) 0-240 min, rtol 1e-6")
    ax1.legend()
    ax2.semilogx(r, [row["il2sim_s"] / row["steps"] / row["reactions"] * 1e9 for row in scaling], "o-")
    ax2.set_xlabel("reactions")
    ax2.set_ylabel("il2sim ns per step per reaction")
    ax2.set_ylim(bottom=0)
    ax2.set_title("cost per step and reaction")
    fig.tight_layout()
    fig.savefig(os.path.join(RES, "scaling.png"), dpi=100)


if __name__ == "__main__":
    main()
