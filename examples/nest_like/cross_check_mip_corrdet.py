"""Cross-check of mip_generator and correlation_detector against a Python correlation count.

Port of pynest/examples/cross_check_mip_corrdet.py (NEST 3.9): a mip_generator (100 Hz, p_copy
0.5) drives two parrot neurons for 100 s; a correlation_detector (tau_max 100 ms, delta_tau 10 ms)
and a spike_recorder (time_in_steps) record them; the cross-correlation is recomputed in Python and
printed with its sum. Same network, parameters and calls, and the same Python routine, which (as
upstream) is fed the recorded *senders* rather than the times, so all pairs fall into the central
bin and the sum equals n_1 * n_2. Differences: the spike trains come from nestj's random streams
(rng_seed 12345 as upstream), so the counts differ from NEST's within statistical spread.
"""
import nest
import numpy as np


def corr_spikes_sorted(spike1, spike2, tbin, tau_max, resolution):
    """Histogram of spike2 - spike1 (in steps) over [-tau_max, tau_max] in bins of tbin centred on
    their lag; both trains sorted."""
    tau_max_i = int(tau_max / resolution)
    tbin_i = int(tbin / resolution)
    cross = np.zeros(int(2 * tau_max_i / tbin_i + 1), "d")
    j0 = 0
    for s1 in spike1:
        j = j0
        while j < len(spike2) and spike2[j] - s1 < -tau_max_i - tbin_i / 2.0:
            j += 1
        j0 = j
        while j < len(spike2) and spike2[j] - s1 < tau_max_i + tbin_i / 2.0:
            cross[int((spike2[j] - s1 + tau_max_i + 0.5 * tbin_i) / tbin_i)] += 1.0
            j += 1
    return cross


nest.ResetKernel()

resolution = 0.1  # ms
T = 100000.0  # ms
delta_tau = 10.0
tau_max = 100.0
t_bin = 10.0
pc = 0.5
nu = 100.0

nest.local_num_threads = 1
nest.resolution = resolution
nest.overwrite_files = True
nest.rng_seed = 12345

mg = nest.Create("mip_generator")
mg.set(rate=nu, p_copy=pc)
cd = nest.Create("correlation_detector")
cd.set(tau_max=tau_max, delta_tau=delta_tau)
sr = nest.Create("spike_recorder", params={"time_in_steps": True})
pn1 = nest.Create("parrot_neuron")
pn2 = nest.Create("parrot_neuron")

nest.Connect(mg, pn1)
nest.Connect(mg, pn2)
nest.Connect(pn1, sr)
nest.Connect(pn2, sr)
nest.Connect(pn1, cd, syn_spec={"weight": 1.0, "receptor_type": 0})
nest.Connect(pn2, cd, syn_spec={"weight": 1.0, "receptor_type": 1})

nest.Simulate(T)

n_events_1, n_events_2 = cd.n_events
lmbd1 = (n_events_1 / (T - tau_max)) * 1000.0
lmbd2 = (n_events_2 / (T - tau_max)) * 1000.0

senders = sr.get("events", "senders")
sp1 = senders[senders == 4]
sp2 = senders[senders == 5]

cross = corr_spikes_sorted(sp1, sp2, t_bin, tau_max, resolution)

print("Crosscorrelation:")
print(cross)
print("Sum of crosscorrelation:")
print(sum(cross))
