#!/usr/bin/env python3
"""nestj parity runner.

Runs every case file of the NEST reference suite (../shared/nest-reference/cases/*.py) against
nestj, judges the outputs against NEST 3.9's recordings with the suite's own compare.py
(tolerances as recorded there, never loosened), writes parity/STATUS.md (per case: PASS / FAIL /
ERROR and the worst error) and fails when a case of the committed pass list (parity/pass_list.txt)
does not pass: a ratchet, once passing, always passing. nestj's own cases (parity/cases/*.py, the same
form) run too: judged once NEST's recordings for them appear under the reference's out/<file>/,
listed as NO REF until then.

usage:
  parity/run_parity.py [--ref DIR] [--only FILE[,FILE]] [--cases a,b] [--update-pass-list] [--no-status]
  parity/run_parity.py --live [--ref DIR] [--cases-dir DIR]
      live mode: runs the same case files (or your own, in the same form) under real NEST
      ('import nest') and under nestj, each in its own process, and compares them directly.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OWN_CASES = os.path.join(HERE, "cases")


def default_ref():
    env = os.environ.get("NESTJ_REFERENCE")
    if env:
        return env
    d = ROOT
    for _ in range(4):
        cand = os.path.join(os.path.dirname(d), "shared", "nest-reference")
        if os.path.isdir(cand):
            return cand
        d = os.path.dirname(d)
    return os.path.join(os.path.dirname(ROOT), "shared", "nest-reference")


def env_for_nestj():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "python") + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("MPLBACKEND", "Agg")
    return env


def run_file(ref, casefile, outdir, module, only=None, timeout=900, env=None):
    cmd = [sys.executable, os.path.join(ref, "run_case.py"), "--module", module, casefile, outdir]
    if only:
        cmd += ["--only", ",".join(only)]
    t0 = time.time()
    try:
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, text=True)
        log = p.stdout
    except subprocess.TimeoutExpired as e:
        log = (e.stdout or "") + "\nTIMEOUT after %ds" % timeout
    return log, time.time() - t0


def judge(refdir, canddir):
    rep = os.path.join(canddir, "_report.json")
    p = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.dirname(refdir)), "compare.py"), refdir,
                        canddir, "--json", rep], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if not os.path.exists(rep):
        raise SystemExit("compare.py failed:\n" + p.stdout)
    with open(rep) as f:
        return json.load(f)


def worst_error(refdir, canddir, case):
    """The largest deviation from NEST's recording over the case's judged keys, as a note: the key whose
    error uses most of its tolerance (compare.py's bounds: atol + rtol*|ref| for traces and statistics,
    atol for spike times), or 'exact' when every judged value equals NEST's."""
    try:
        with open(os.path.join(refdir, case + ".json")) as f:
            ref = json.load(f)
        with open(os.path.join(canddir, case + ".json")) as f:
            cand = json.load(f).get("data", {})
    except (OSError, ValueError):
        return ""
    import numpy as np
    worst, exact = None, True
    for key, spec in ref.get("compare", {}).items():
        mode = spec.get("mode", "info")
        r, c = ref.get("data", {}).get(key), cand.get(key)
        if mode == "info" or r is None or c is None:
            continue
        if mode == "equal":
            exact &= r == c
            continue
        try:
            ra, ca = np.atleast_1d(np.asarray(r, dtype=float)), np.atleast_1d(np.asarray(c, dtype=float))
        except (TypeError, ValueError):
            continue
        if ra.shape != ca.shape or ra.size == 0:
            continue
        diff = np.abs(ca - ra)
        diff[np.isnan(ra) & np.isnan(ca)] = 0.0
        if not np.any(diff > 0):
            continue
        exact = False
        bound = float(spec.get("atol", 0.0)) + (0.0 if mode == "spikes" else float(spec.get("rtol", 0.0)) * np.abs(ra))
        bound = np.broadcast_to(bound, diff.shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = np.where(bound > 0, diff / bound, np.where(diff > 0, np.inf, 0.0))
        i = int(np.nanargmax(frac))
        item = (float(frac.flat[i]), key, float(diff.flat[i]), mode)
        if worst is None or item[0] > worst[0]:
            worst = item
    if worst is None:
        return "exact" if exact else ""
    frac, key, err, mode = worst
    return "%s: %s %.2g%s (%.2g of tolerance)" % (key, "max dt" if mode == "spikes" else "max err", err,
                                                   " ms" if mode == "spikes" else "", frac)


def load_pass_list():
    path = os.path.join(HERE, "pass_list.txt")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


def engine_revision():
    """The last commit that changed the engine, bridge or Python package (what the table describes)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs", "--", "java-engine", "bridge", "python"], cwd=ROOT,
                             capture_output=True, text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "java-engine", "bridge", "python"], cwd=ROOT,
                               capture_output=True, text=True, timeout=30).stdout.strip()
        return (out or "unknown") + (" plus uncommitted changes" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def write_status(results, seconds):
    lines = ["# nestj parity status", "", "Engine revision: %s." % engine_revision(), "",
             "Generated by `parity/run_parity.py` against NEST 3.9.0's recordings in `../shared/nest-reference`",
             "(tolerances as recorded there). PASS: within tolerance; FAIL: outside; the last column gives the",
             "worst deviation from NEST over the judged keys ('exact': equal to the last bit);",
             "ERROR: the case raised in nestj (usually: model not implemented yet).", ""]
    tot = {"PASS": 0, "FAIL": 0, "ERROR": 0, "MISSING": 0, "NO REF": 0}
    for r in results:
        tot[r[2]] = tot.get(r[2], 0) + 1
    lines.append("**%d PASS, %d FAIL, %d ERROR** of %d cases with NEST recordings (run took %.0f s)." % (
        tot["PASS"], tot["FAIL"], tot["ERROR"] + tot.get("MISSING", 0), len(results) - tot["NO REF"], seconds))
    if tot["NO REF"]:
        lines.append("")
        lines.append("%d of nestj's own cases (`parity/cases/`) await NEST 3.9 recordings (NO REF)." % tot["NO REF"])
    lines.append("")
    lines.append("| file | case | status | worst error / note |")
    lines.append("|---|---|---|---|")
    for fname, case, status, notes in results:
        note = "; ".join(notes).replace("|", "\\|").replace("\n", " ")
        if len(note) > 160:
            note = note[:157] + "..."
        lines.append("| %s | %s | %s | %s |" % (fname, case, status, note))
    with open(os.path.join(HERE, "STATUS.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", default=default_ref())
    ap.add_argument("--only", default="", help="case files, e.g. devices,neurons")
    ap.add_argument("--cases", default="", help="case names (within --only files)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--update-pass-list", action="store_true")
    ap.add_argument("--no-status", action="store_true")
    ap.add_argument("--live", action="store_true")
    ap.add_argument("--cases-dir", default=None)
    a = ap.parse_args()
    ref = os.path.abspath(a.ref)
    cases_dir = a.cases_dir or os.path.join(ref, "cases")
    files = sorted(f[:-3] for f in os.listdir(cases_dir) if f.endswith(".py"))
    if a.only:
        files = [f for f in files if f in a.only.split(",")]
    only_cases = [c for c in a.cases.split(",") if c]
    t0 = time.time()
    results = []
    if a.live:
        tmp = tempfile.mkdtemp(prefix="nestj-live-")
        for f in files:
            cf = os.path.join(cases_dir, f + ".py")
            rdir, cdir = os.path.join(tmp, "nest", f), os.path.join(tmp, "nestj", f)
            print("== %s: NEST" % f, flush=True)
            log, _ = run_file(ref, cf, rdir, "nest", only_cases, env=dict(os.environ))
            print(log)
            print("== %s: nestj" % f, flush=True)
            log, _ = run_file(ref, cf, cdir, "nestj", only_cases, env=env_for_nestj())
            print(log)
            rep = judge(rdir, cdir)
            for case, r in rep.items():
                results.append((f, case, r["status"], r["notes"]))
        for r in results:
            print("%-7s %-10s %-45s %s" % (r[2], r[0], r[1], "; ".join(r[3])[:200]))
        bad = [r for r in results if r[2] != "PASS"]
        print("%d passed, %d failed" % (len(results) - len(bad), len(bad)))
        return 1 if bad else 0
    # then the project's own cases (parity/cases/*.py, same form): judged once NEST's recordings for them
    # exist under the reference's out/<file>/, listed as NO REF until then
    shared = set(files)
    own = sorted(f[:-3] for f in os.listdir(OWN_CASES) if f.endswith(".py")) if os.path.isdir(OWN_CASES) else []
    own = [f for f in own if f not in shared and (not a.only or f in a.only.split(","))]
    for f, cf in [(f, os.path.join(cases_dir, f + ".py")) for f in files] + \
            [(f, os.path.join(OWN_CASES, f + ".py")) for f in own]:
        outdir = os.path.join(a.out, f)
        os.makedirs(outdir, exist_ok=True)
        for old in os.listdir(outdir):
            if old.endswith(".json") and (not only_cases or old[:-5] in only_cases):
                os.remove(os.path.join(outdir, old))
        print("== %s%s" % (f, "" if f in shared else " (nestj's own cases)"), flush=True)
        log, secs = run_file(ref, cf, outdir, "nestj", only_cases, env=env_for_nestj())
        print(log.rstrip())
        print("   (%.1f s)" % secs, flush=True)
        refdir = os.path.join(ref, "out", f)
        if f in shared or os.path.isdir(refdir):
            for case, r in sorted(judge(refdir, outdir).items()):
                if not only_cases or case in only_cases:
                    notes = r["notes"] if r["status"] != "PASS" else [worst_error(refdir, outdir, case)]
                    results.append((f, case, r["status"], [n for n in notes if n]))
            continue
        for js in sorted(x for x in os.listdir(outdir) if x.endswith(".json") and not x.startswith("_")):
            case = js[:-5]
            if only_cases and case not in only_cases:
                continue
            with open(os.path.join(outdir, js)) as fh:
                rec = json.load(fh)
            data = rec.get("data")
            note = "awaiting NEST 3.9's recording; nestj: " + json.dumps(data)[:120] if data is not None else \
                "awaiting NEST 3.9's recording; nestj raised: " + str(rec.get("error", ""))[:120]
            results.append((f, case, "NO REF", [note]))
    seconds = time.time() - t0
    if not a.no_status and not a.only and not only_cases:
        write_status(results, seconds)
    passing = {"%s/%s" % (f, c) for f, c, s, _ in results if s == "PASS"}
    ran = {"%s/%s" % (f, c) for f, c, _, _ in results}
    required = load_pass_list()
    regressed = [c for c in required if c in ran and c not in passing]
    for f, c, s, notes in results:
        print("%-7s %s/%s %s" % (s, f, c, "; ".join(notes)[:200]))
    if a.update_pass_list:
        merged = sorted(set(required) | passing)
        with open(os.path.join(HERE, "pass_list.txt"), "w") as fh:
            fh.write("# parity cases that passed once and must keep passing (ratchet); file/case\n")
            fh.write("\n".join(merged) + "\n")
        print("pass list: %d cases" % len(merged))
    noref = {"%s/%s" % (f, c) for f, c, s, _ in results if s == "NO REF"}
    print("parity: %d cases PASS, %d do not (FAIL or ERROR, see STATUS.md), %d await NEST recordings; ratchet: %d of %d "
          "pass-list cases ran, %d regressed" % (len(passing), len(ran) - len(passing) - len(noref), len(noref),
                                                len([c for c in required if c in ran]), len(required), len(regressed)))
    if regressed:
        print("RATCHET FAILURE: these cases passed before and do not now:\n  " + "\n  ".join(regressed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
