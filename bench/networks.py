#!/usr/bin/env python3
"""Benchmarks of whole networks through nestj, one configuration per process.

  python3 bench/networks.py                 # brunel_alpha (order 2500) and CUBA, 1 and 2 threads
  python3 bench/networks.py brunel 1        # one configuration, printed as one JSON line

brunel: NEST's brunel_alpha_nest.py network at full scale (12,500 iaf_psc_alpha, 15.6 M synapses,
1 s biological time), same parameters. cuba: the Brette et al. (2007) current-based benchmark
(4,000 iaf_psc_exp, 2 % connectivity, 1 s). Reported: build time (Create + Connect), simulation
time, peak RSS of the process, bytes per synapse held by the connection tables, spikes per
second of wall-clock time, synaptic events per second.
"""
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def psp_norm(tau_m, c_m, tau_syn):
    import numpy as np
    from scipy.special import lambertw
    a = tau_m / tau_syn
    b = 1.0 / tau_syn - 1.0 / tau_m
    t_max = 1.0 / b * (-lambertw(-np.exp(-1.0 / a) / a, k=-1).real - 1.0 / a)
    return (np.exp(1.0) / (tau_syn * c_m * b) *
            ((np.exp(-t_max / tau_m) - np.exp(-t_max / tau_syn)) / b - t_max * np.exp(-t_max / tau_syn)))


def brunel(nest, threads):
    import numpy as np
    nest.ResetKernel()
    nest.local_num_threads = threads
    order, delay, g, eta, eps = 2500, 1.5, 5.0, 2.0, 0.1
    NE, NI = 4 * order, order
    CE, CI = int(eps * NE), int(eps * NI)
    tau_syn, tau_m, c_m, theta, J = 0.5, 20.0, 250.0, 20.0, 0.1
    params = {"C_m": c_m, "tau_m": tau_m, "tau_syn_ex": tau_syn, "tau_syn_in": tau_syn, "t_ref": 2.0, "E_L": 0.0,
              "V_reset": 0.0, "V_m": 0.0, "V_th": theta}
    J_ex = J / psp_norm(tau_m, c_m, tau_syn)
    J_in = -g * J_ex
    nu_th = (theta * c_m) / (J_ex * CE * np.exp(1) * tau_m * tau_syn)
    p_rate = 1000.0 * eta * nu_th * CE
    t0 = time.time()
    ne = nest.Create("iaf_psc_alpha", NE, params=params)
    ni = nest.Create("iaf_psc_alpha", NI, params=params)
    noise = nest.Create("poisson_generator", params={"rate": p_rate})
    sr = nest.Create("spike_recorder")
    nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": delay})
    nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": delay})
    nest.Connect(noise, ne + ni, syn_spec="excitatory")
    nest.Connect(ne + ni, sr, syn_spec="excitatory")
    nest.Connect(ne, ne + ni, {"rule": "fixed_indegree", "indegree": CE}, "excitatory")
    nest.Connect(ni, ne + ni, {"rule": "fixed_indegree", "indegree": CI}, "inhibitory")
    return t0, NE + NI


def cuba(nest, threads):
    nest.ResetKernel()
    nest.local_num_threads = threads
    N, NE = 4000, 3200
    params = {"C_m": 200.0, "tau_m": 20.0, "E_L": -49.0, "V_th": -50.0, "V_reset": -60.0, "t_ref": 5.0,
              "tau_syn_ex": 5.0, "tau_syn_in": 10.0}
    t0 = time.time()
    nodes = nest.Create("iaf_psc_exp", N, params=params)
    nodes.V_m = nest.random.uniform(-60.0, -50.0)
    sr = nest.Create("spike_recorder")
    nest.Connect(nodes, sr)
    conn = {"rule": "pairwise_bernoulli", "p": 0.02, "allow_autapses": False}
    nest.Connect(nodes[:NE], nodes, conn, {"weight": 16.2, "delay": 0.1})
    nest.Connect(nodes[NE:], nodes, conn, {"weight": -90.0, "delay": 0.1})
    return t0, N


def run_one(name, threads):
    sys.path.insert(0, os.path.join(ROOT, "python"))
    import nestj as nest
    from nestj.ll_api import bridge
    nest.set_verbosity("M_ERROR")
    t0, n = {"brunel": brunel, "cuba": cuba}[name](nest, threads)
    t1 = time.time()
    nest.Simulate(1000.0)
    t2 = time.time()
    nconn = nest.num_connections
    spikes = nest.GetKernelStatus("local_spike_counter")
    sr = nest.GetNodes({"model": "spike_recorder"})
    rate = sr.n_events / n
    events = int(nest.GetKernelStatus("local_spike_counter"))
    res = {"network": name, "threads": threads, "neurons": n, "synapses": int(nconn), "build_s": round(t1 - t0, 2),
           "simulate_s": round(t2 - t1, 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "bytes_per_synapse": round(int(bridge.connectionBytes()) / max(1, nconn), 1),
           "rate_hz": round(rate, 2), "spikes_per_s": round(spikes / (t2 - t1)),
           "syn_events_per_s": round(events * nconn / n / (t2 - t1))}
    print(json.dumps(res))


def main():
    if len(sys.argv) >= 3:
        run_one(sys.argv[1], int(sys.argv[2]))
        return
    rows = []
    for name in ("brunel", "cuba"):
        for threads in (1, 2):
            out = subprocess.run([sys.executable, __file__, name, str(threads)], capture_output=True, text=True,
                                 check=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
    keys = ["network", "threads", "neurons", "synapses", "build_s", "simulate_s", "peak_rss_mb", "bytes_per_synapse",
            "rate_hz", "spikes_per_s", "syn_events_per_s"]
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
