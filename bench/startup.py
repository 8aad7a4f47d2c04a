#!/usr/bin/env python3
"""Time from a fresh interpreter to `import nestj` plus the first Create (issue: at most 1 s).

  python3 bench/startup.py [runs]
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE = ("import time; t0 = time.perf_counter(); import nestj as nest; n = nest.Create('iaf_psc_alpha'); "
        "print('%.3f' % (time.perf_counter() - t0))")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    print("import nestj + first Create: median %.3f s, min %.3f s, max %.3f s over %d runs" % (
        sorted(times)[len(times) // 2], min(times), max(times), runs))


if __name__ == "__main__":
    main()
