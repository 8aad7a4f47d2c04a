"""Neuron updates per second of GSL-integrated neuron models in nestj.

10,000 unconnected neurons of each model, driven by a constant current I_e (tonic firing), no recorders:
the time of Simulate measures the models' update loops (RKF45 integration, threshold, refractoriness).
One untimed pass per model lets the JIT compile its update path; then each configuration builds a fresh
kernel, simulates a short warm-up and times Simulate(T). Prints a table of neuron updates per second
(N * T / resolution / wall time) and the mean firing rate.

usage:  python3 bench/neuron_updates.py [T_ms] [N]      (defaults 200 ms, 10000 neurons)
        run with the engine lock when sharing the machine:  flock /tmp/nestj.lock python3 bench/neuron_updates.py
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import nestj as nest  # noqa: E402

T = float(sys.argv[1]) if len(sys.argv) > 1 else 200.0
N = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
WARMUP = 50.0  # ms
DT = 0.1  # ms

# models and their dc drive (pA); both fire tonically at these currents
MODELS = [("aeif_cond_alpha", 800.0), ("hh_psc_alpha", 1000.0)]
THREADS = [1, 2]


def measure(model, i_e, threads):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.resolution = DT
    nest.local_num_threads = threads
    nest.Create(model, N, params={"I_e": i_e})
    nest.Simulate(WARMUP)
    spikes_before = nest.local_spike_counter
    t0 = time.perf_counter()
    nest.Simulate(T)
    wall = time.perf_counter() - t0
    spikes = nest.local_spike_counter - spikes_before
    updates = N * round(T / DT)
    return updates / wall, wall, spikes * 1000.0 / (N * T)


def main():
    print(f"nestj neuron updates: {N} unconnected neurons, dc drive, resolution {DT} ms, Simulate({T:g} ms) timed "
          f"after {WARMUP:g} ms warm-up")
    print(f"{'model':18s} {'I_e/pA':>7s} {'threads':>7s} {'wall/s':>8s} {'updates/s':>12s} {'rate/Hz':>8s}")
    for model, i_e in MODELS:
        measure(model, i_e, max(THREADS))  # untimed pass: lets the JIT compile the model's update path
        for threads in THREADS:
            ups, wall, rate = measure(model, i_e, threads)
            print(f"{model:18s} {i_e:7.0f} {threads:7d} {wall:8.3f} {ups:12.4g} {rate:8.2f}")


if __name__ == "__main__":
    main()
