"""A three-compartment cm_default neuron with a different receptor in each compartment and a dc input.

Port of pynest/examples/compartmental_model/receptors_and_current.py (NEST 3.9). A soma (C_m 10, g_L 1,
e_L -70 mV) carries two dendrites (C_m 0.1, g_C 0.1, g_L 0.1, e_L -70 mV); V_th = -50 mV. Receptors: GABA on
the soma (index 0), AMPA with explicit tau_r_AMPA 0.2 ms, tau_d_AMPA 3 ms, e_AMPA 0 mV on dendrite 1 (index 1),
AMPA_NMDA on dendrite 2 (index 2). Three spike generators drive AMPA (weight 0.1), AMPA_NMDA (0.2) and GABA
(0.3) with delay 0.5 ms; a dc_generator of 1 pA is connected to compartment 1 (receptor_type 1, delay 0.1 ms).
The three compartment voltages are recorded every 0.1 ms for 400 ms and plotted.
Differences: none.
"""
import matplotlib.pyplot as plt
import nest

nest.ResetKernel()

soma_params = {"C_m": 10.0, "g_C": 0.0, "g_L": 1.0, "e_L": -70.0, "v_comp": -70.0}
dend_params = {"C_m": 0.1, "g_C": 0.1, "g_L": 0.1, "e_L": -70.0, "v_comp": -70.0}

cm = nest.Create("cm_default")
cm.compartments = [
    {"parent_idx": -1, "params": soma_params},
    {"parent_idx": 0, "params": dend_params},
    {"parent_idx": 0, "params": dend_params},
]
nest.SetStatus(cm, {"V_th": -50.0})

cm.receptors = [
    {"comp_idx": 0, "receptor_type": "GABA"},
    {"comp_idx": 1, "receptor_type": "AMPA", "params": {"tau_r_AMPA": 0.2, "tau_d_AMPA": 3.0, "e_AMPA": 0.0}},
    {"comp_idx": 2, "receptor_type": "AMPA_NMDA"},
]
# receptor indices follow the order in which the receptors were added
syn_idx_GABA, syn_idx_AMPA, syn_idx_NMDA = 0, 1, 2

sg1 = nest.Create("spike_generator", 1, {"spike_times": [101.0, 105.0, 106.0, 110.0, 150.0]})
sg2 = nest.Create("spike_generator", 1,
                  {"spike_times": [115.0, 155.0, 160.0, 162.0, 170.0, 254.0, 260.0, 272.0, 278.0]})
sg3 = nest.Create("spike_generator", 1, {"spike_times": [250.0, 255.0, 260.0, 262.0, 270.0]})

for sg, weight, receptor in ((sg1, 0.1, syn_idx_AMPA), (sg2, 0.2, syn_idx_NMDA), (sg3, 0.3, syn_idx_GABA)):
    nest.Connect(sg, cm, syn_spec={"synapse_model": "static_synapse", "weight": weight, "delay": 0.5,
                                   "receptor_type": receptor})

# a current input goes to the compartment given as receptor_type
dcg = nest.Create("dc_generator", {"amplitude": 1.0})
nest.Connect(dcg, cm, syn_spec={"synapse_model": "static_synapse", "weight": 1.0, "delay": 0.1, "receptor_type": 1})

mm = nest.Create("multimeter", 1, {"record_from": ["v_comp0", "v_comp1", "v_comp2"], "interval": 0.1})
nest.Connect(mm, cm)

nest.Simulate(400.0)
res = nest.GetStatus(mm, "events")[0]

for name, color in (("v_comp0", "b"), ("v_comp1", "r"), ("v_comp2", "g")):
    plt.plot(res["times"], res[name], c=color, label=name)
plt.legend()
plt.show()
