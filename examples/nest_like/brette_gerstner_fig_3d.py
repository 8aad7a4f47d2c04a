"""Rebound burst of an adaptive exponential IF neuron (aeif_cond_exp): Brette & Gerstner (2005), Fig. 3D.

Port of pynest/examples/brette_gerstner_fig_3d.py (NEST 3.9). One aeif_cond_exp neuron (V_peak = 20 mV,
E_L = -60 mV, a = 80 nS, b = 80.5 pA, tau_w = 720 ms) is hyperpolarised by -800 pA during [0, 400) ms and
fires a rebound burst after release; a voltmeter (interval 0.1 ms) records 1000 ms and the trace is plotted.
Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import nest.voltage_trace

nest.ResetKernel()
nest.resolution = 0.1

neuron = nest.Create("aeif_cond_exp")
neuron.set(V_peak=20.0, E_L=-60.0, a=80.0, b=80.5, tau_w=720.0)

hyperpolarise = nest.Create("dc_generator")
hyperpolarise.set(amplitude=-800.0, start=0.0, stop=400.0)
nest.Connect(hyperpolarise, neuron, "all_to_all")

vm = nest.Create("voltmeter", params={"interval": 0.1})
nest.Connect(vm, neuron)

nest.Simulate(1000.0)

nest.voltage_trace.from_device(vm)
plt.axis([0, 1000, -85, 0])
plt.show()
