#!/usr/bin/env python3
"""nestj's results must not depend on local_num_threads: runs every parity case (the reference suite's
and nestj's own) with 1 thread and again with N threads (set after each ResetKernel of the case; a case
that sets its own thread count keeps it) and reports every case whose outputs are not identical.

  python3 parity/thread_sweep.py                 # N = 3, all case files
  python3 parity/thread_sweep.py --threads 2 --only neurons.py,stats.py

Keys that report NEST's placement of nodes and connections (thread, vp, thread_local_id,
target_thread, local_num_threads, ...) legitimately differ and are not compared; so does the own case
kernel_errors/thread_count, which is about setting the thread count. A tool for reading, not a test:
it prints the differing keys and exits 0 (about 5 minutes for all case files).
"""
import argparse
import glob
import importlib.util
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "..", "shared", "nest-reference")
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, REF)

PLACEMENT = {"thread", "vp", "thread_local_id", "target_thread", "threads", "local_num_threads",
             "total_num_virtual_procs", "num_threads"}


def _strip(x):
    if isinstance(x, dict):
        return {k: _strip(v) for k, v in x.items() if k not in PLACEMENT}
    if isinstance(x, list):
        return [_strip(v) for v in x]
    return x


class _WithThreads:
    """The nest module as a case sees it, with ResetKernel followed by setting the thread count."""

    def __init__(self, nest, threads):
        object.__setattr__(self, "_nest", nest)
        object.__setattr__(self, "_threads", threads)

    def ResetKernel(self):
        self._nest.ResetKernel()
        if self._threads > 1:
            self._nest.local_num_threads = self._threads

    def __getattr__(self, name):
        return getattr(self._nest, name)

    def __setattr__(self, name, value):
        setattr(self._nest, name, value)


def run_cases(nest, jsonable, path, threads, only):
    spec = importlib.util.spec_from_file_location("case_module_%d" % threads, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    view = _WithThreads(nest, threads)
    out = {}
    for name, (run, _) in mod.CASES.items():
        if only and name not in only:
            continue
        try:
            view.ResetKernel()
            out[name] = _strip(json.loads(json.dumps(jsonable(run(view)))))
        except Exception as e:  # noqa: BLE001 -- recorded as the case's result
            out[name] = "error: %s: %s" % (type(e).__name__, e)
    return out


def first_difference(a, b, where=""):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return where + "/" + k + " (missing on one side)"
            d = first_difference(a[k], b[k], where + "/" + k)
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s (length %d vs %d)" % (where, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (where, i))
            if d:
                return d
        return None
    return None if a == b else "%s (%r vs %r)" % (where, a, b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated case files (basenames)")
    ap.add_argument("--cases", default="", help="comma-separated case names")
    a = ap.parse_args()
    import nestj as nest
    from run_case import jsonable
    nest.set_verbosity("M_ERROR")
    files = sorted(glob.glob(os.path.join(REF, "cases", "*.py"))) + sorted(glob.glob(os.path.join(ROOT, "parity", "cases", "*.py")))
    if a.only:
        files = [f for f in files if os.path.basename(f) in a.only.split(",")]
    only = set(filter(None, a.cases.split(",")))
    differ = 0
    total = 0
    for f in files:
        one = run_cases(nest, jsonable, f, 1, only)
        many = run_cases(nest, jsonable, f, a.threads, only)
        for name in one:
            total += 1
            d = first_difference(one[name], many[name])
            if d:
                differ += 1
                print("differs  %s/%s: %s" % (os.path.basename(f)[:-3], name, d[:300]), flush=True)
    print("thread sweep: %d of %d cases give the same outputs with 1 and %d threads" % (total - differ, total, a.threads))


if __name__ == "__main__":
    main()
