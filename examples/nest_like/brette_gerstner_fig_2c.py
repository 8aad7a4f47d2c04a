"""Adaptive exponential IF neuron (aeif_cond_alpha) under two current steps: Brette & Gerstner (2005), Fig. 2C.

Port of pynest/examples/brette_gerstner_fig_2c.py (NEST 3.9). One aeif_cond_alpha neuron (a = 4 nS, b = 80.5 pA)
receives 500 pA during [0, 200) ms and 800 pA during [500, 1000) ms from two dc_generators; a voltmeter
(interval 0.1 ms) records 1000 ms and the trace is plotted.
Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import nest.voltage_trace

nest.ResetKernel()
nest.resolution = 0.1

neuron = nest.Create("aeif_cond_alpha")
neuron.set(a=4.0, b=80.5)

# two current steps, set per generator through list-valued parameters
steps = nest.Create("dc_generator", 2)
steps.set(amplitude=[500.0, 800.0], start=[0.0, 500.0], stop=[200.0, 1000.0])
nest.Connect(steps, neuron, "all_to_all")

vm = nest.Create("voltmeter", params={"interval": 0.1})
nest.Connect(vm, neuron)

nest.Simulate(1000.0)

nest.voltage_trace.from_device(vm)
plt.axis([0, 1000, -80, -20])
plt.show()
