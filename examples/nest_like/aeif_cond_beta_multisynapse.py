"""aeif_cond_beta_multisynapse: one neuron with four beta-shaped conductance receptors, each hit by one spike.

Port of pynest/examples/aeif_cond_beta_multisynapse.py (NEST 3.9). The neuron (V_peak = 0 mV, a = 4 nS,
b = 80.5 pA) has receptors with E_rev = (0, 0, 0, -85) mV, tau_decay = (50, 20, 20, 20) ms and
tau_rise = (10, 10, 1, 1) ms. A spike_generator fires once at 10 ms and reaches receptor k (1..4) with weight 1
after 1, 300, 500 and 700 ms; the voltmeter trace of 1000 ms is plotted.
Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

neuron = nest.Create("aeif_cond_beta_multisynapse")
nest.SetStatus(neuron, {"V_peak": 0.0, "a": 4.0, "b": 80.5})
nest.SetStatus(
    neuron,
    {"E_rev": [0.0, 0.0, 0.0, -85.0], "tau_decay": [50.0, 20.0, 20.0, 20.0], "tau_rise": [10.0, 10.0, 1.0, 1.0]},
)

source = nest.Create("spike_generator", params={"spike_times": np.array([10.0])})
vm = nest.Create("voltmeter")

# one connection per receptor, each with its own delay
for receptor, delay in zip((1, 2, 3, 4), (1.0, 300.0, 500.0, 700.0)):
    nest.Connect(
        source,
        neuron,
        syn_spec={"synapse_model": "static_synapse", "receptor_type": receptor, "weight": 1.0, "delay": delay},
    )
nest.Connect(vm, neuron)

nest.Simulate(1000.0)

plt.plot(vm.get("events", "times"), vm.get("events", "V_m"))
plt.show()
