"""Firing rate of the hh_psc_alpha neuron as a function of a constant input current (f-I curve).

Port of pynest/examples/hh_psc_alpha.py (NEST 3.9). For I_e = 0, 20, ..., 1980 pA the neuron is simulated
1000 ms to settle, the spike recorder's n_events is reset to 0, and the spikes of another 1000 ms give the rate;
the rate is plotted against the current.
Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

nest.set_verbosity("M_WARNING")
nest.ResetKernel()

simtime = 1000  # ms per measurement
h = 0.1  # ms
currents = range(0, 2000, 20)  # pA

neuron = nest.Create("hh_psc_alpha")
sr = nest.Create("spike_recorder")
sr.record_to = "memory"
nest.Connect(neuron, sr, syn_spec={"weight": 1.0, "delay": h})

amplitudes = np.zeros(len(currents))
rates = np.zeros(len(currents))
for k, amp in enumerate(currents):
    neuron.I_e = float(amp)
    print(f"Simulating with current I={amp} pA")
    nest.Simulate(1000)  # warm-up to the steady state
    sr.n_events = 0
    nest.Simulate(simtime)
    amplitudes[k] = amp
    rates[k] = sr.n_events / (simtime / 1000.0)

plt.plot(amplitudes, rates)
plt.show()
