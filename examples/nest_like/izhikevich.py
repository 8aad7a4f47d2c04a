"""Firing types of the Izhikevich (2003) neuron model under a constant current.

An original nestj example: NEST 3.9 has no PyNEST example for ``izhikevich``, so there is no upstream script.
It is modelled on the documentation of NEST's ``izhikevich`` model (models/izhikevich.h), which cites
Izhikevich EM (2003), Simple model of spiking neurons, IEEE Trans Neural Netw 14:1569-1572.

One ``izhikevich`` neuron per firing type of Izhikevich (2003, Fig. 2), with the (a, b, c, d) parameter sets of
that paper, starts from V_m = -65 mV, U_m = b * V_m (the paper's initial condition) and receives a 10 pA
``dc_generator`` current from 50 ms to 500 ms (the model's input current is in units where R = 1, so 10 pA
plays the role of the paper's I = 10). A multimeter records V_m every 0.1 ms, a spike_recorder the spikes.
The script prints, per firing type, the number of spikes and the first and last inter-spike intervals, and
plots the membrane potentials:

- regular spiking (RS): spike-frequency adaptation, the intervals lengthen (d = 8 is large);
- intrinsically bursting (IB): an initial burst (c = -55 mV, high reset), then tonic single spikes;
- chattering (CH): repetitive bursts of closely spaced spikes (c = -50 mV, d = 2);
- fast spiking (FS): fast recovery (a = 0.1), high-frequency firing with little adaptation;
- low-threshold spiking (LTS): b = 0.25, high-frequency firing with adaptation.

The default ``consistent_integration = True`` (standard forward Euler) is used; set it to False to use the
integration scheme of the paper.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

nest.ResetKernel()
nest.resolution = 0.1

# (a, b, c, d) of Izhikevich (2003), Fig. 2
firing_types = {
    "regular spiking (RS)": (0.02, 0.2, -65.0, 8.0),
    "intrinsically bursting (IB)": (0.02, 0.2, -55.0, 4.0),
    "chattering (CH)": (0.02, 0.2, -50.0, 2.0),
    "fast spiking (FS)": (0.1, 0.2, -65.0, 2.0),
    "low-threshold spiking (LTS)": (0.02, 0.25, -65.0, 2.0),
}

V0 = -65.0  # initial membrane potential [mV]
neurons = {}
for name, (a, b, c, d) in firing_types.items():
    neurons[name] = nest.Create("izhikevich", params={"a": a, "b": b, "c": c, "d": d, "V_m": V0, "U_m": b * V0})

dc = nest.Create("dc_generator", params={"amplitude": 10.0, "start": 50.0, "stop": 500.0})
mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
sr = nest.Create("spike_recorder")
for nrn in neurons.values():
    nest.Connect(dc, nrn)
    nest.Connect(mm, nrn)
    nest.Connect(nrn, sr)

nest.Simulate(500.0)

# sort the recorded events by neuron
mm_ev = mm.events
sr_ev = sr.events
spike_times = {}
for name, nrn in neurons.items():
    t = sr_ev["times"][sr_ev["senders"] == nrn.global_id]
    spike_times[name] = t
    isi = np.diff(t)
    first_isi = "%.1f ms" % isi[0] if len(isi) else "-"
    last_isi = "%.1f ms" % isi[-1] if len(isi) else "-"
    print("%-28s spikes: %3d  first ISI: %8s  last ISI: %8s" % (name, len(t), first_isi, last_isi))

fig, axes = plt.subplots(len(neurons), 1, sharex=True, figsize=(8, 2 * len(neurons)))
for ax, (name, nrn) in zip(axes, neurons.items()):
    sel = mm_ev["senders"] == nrn.global_id
    ax.plot(mm_ev["times"][sel], mm_ev["V_m"][sel], lw=0.8)
    ax.set_title(name, fontsize=9)
    ax.set_ylabel("V_m (mV)")
    ax.set_ylim(-90, 40)
axes[-1].set_xlabel("time (ms)")
fig.tight_layout()
plt.show()
