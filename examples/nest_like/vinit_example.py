"""Relaxation of an unstimulated iaf_cond_exp_sfa_rr neuron from several initial membrane potentials.

Port of pynest/examples/vinit_example.py (NEST 3.9). For V_m(0) = -100, -90, ..., -60 mV the kernel is reset,
one neuron without input is simulated for 75 ms and its voltmeter trace is plotted.
Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

for v0 in np.arange(-100, -50, 10, float):
    nest.ResetKernel()
    neuron = nest.Create("iaf_cond_exp_sfa_rr")
    neuron.V_m = v0
    vm = nest.Create("voltmeter")
    nest.Connect(vm, neuron)
    nest.Simulate(75.0)
    plt.plot(vm.get("events", "times"), vm.get("events", "V_m"), label="initial V_m = %.2f mV" % v0)

plt.legend(loc=4)
plt.xlabel("time (ms)")
plt.ylabel("V_m (mV)")
plt.show()
