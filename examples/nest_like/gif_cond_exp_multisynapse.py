"""One gif_cond_exp_multisynapse neuron with two conductance-based receptors, fed by one spike.

Port of pynest/examples/gif_cond_exp_multisynapse.py (NEST 3.9). The neuron has an excitatory receptor
(E_rev 0 mV, tau_syn 4 ms) and an inhibitory one (E_rev -85 mV, tau_syn 8 ms); a spike_generator firing at
10 ms reaches receptor 1 with weight 1 after 1 ms and receptor 2 with weight 5 after 30 ms; 100 ms are
simulated. As upstream nothing is recorded or printed. Differences: none.
"""
import nest
import numpy as np

neuron = nest.Create("gif_cond_exp_multisynapse", params={"E_rev": [0.0, -85.0], "tau_syn": [4.0, 8.0]})
spike = nest.Create("spike_generator", params={"spike_times": np.array([10.0])})

# receptor r (1-based) gets weight w[r-1] with delay delays[r-1]
delays = [1.0, 30.0]
w = [1.0, 5.0]
for receptor in (1, 2):
    nest.Connect(
        spike,
        neuron,
        syn_spec={
            "synapse_model": "static_synapse",
            "receptor_type": receptor,
            "weight": w[receptor - 1],
            "delay": delays[receptor - 1],
        },
    )

nest.Simulate(100.0)
