#!/usr/bin/env python3
"""Wall-clock time per chunk of model time, to tell the JIT phase of a fresh JVM from the steady state.

  python3 bench/timeline.py brunel 2            # brunel_alpha (bench/networks.py), 2 threads, 20 chunks of 50 ms
  python3 bench/timeline.py cuba 1 --chunk 100 --reps 2

Each repetition builds the network anew in the same process (the second one runs with a warm JIT).
Prints, per repetition, the total and the wall time of each chunk in ms; then the steady-state time
per chunk (median of the second half of the last repetition).
"""
import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("network", choices=["brunel", "cuba"])
    ap.add_argument("threads", type=int)
    ap.add_argument("--chunk", type=float, default=50.0, help="model time per chunk in ms")
    ap.add_argument("--total", type=float, default=1000.0, help="model time per repetition in ms")
    ap.add_argument("--reps", type=int, default=1)
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(ROOT, "python"))
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    import networks
    import nestj as nest
    nest.set_verbosity("M_ERROR")
    n = int(round(a.total / a.chunk))
    for rep in range(a.reps):
        {"brunel": networks.brunel, "cuba": networks.cuba}[a.network](nest, a.threads)
        ts = []
        with nest.RunManager():
            for _ in range(n):
                t = time.time()
                nest.Run(a.chunk)
                ts.append(time.time() - t)
        print("%s threads=%d rep=%d total %.3f s | %s" % (a.network, a.threads, rep, sum(ts),
                                                           " ".join("%.0f" % (x * 1000) for x in ts)))
    print("steady state: %.1f ms per %.0f ms of model time" % (statistics.median(ts[n // 2:]) * 1000, a.chunk))


if __name__ == "__main__":
    main()
