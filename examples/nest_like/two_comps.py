"""Two-compartment cm_default neurons with a passive and with an active dendrite.

Port of pynest/examples/compartmental_model/two_comps.py (NEST 3.9). Two cm_default neurons get a soma
(C_m 89.245535, g_L 8.924572508, e_L -75 mV, Na 4608.698576715 nS / e_Na 60 mV, K 956.1127729 nS / e_K -90 mV)
and one dendrite (C_m 1.929929, g_C 1.255439494, g_L 0.192992878); the dendrite of the first neuron is
passive (e_L -75 mV), that of the second active (e_L -70 mV, Na 17.203212493 nS, K 11.88734745 nS). Both have
V_th = -50 mV and one AMPA_NMDA receptor per compartment (receptor 0 on the soma, 1 on the dendrite). A spike
generator (10, 13, 16 ms) drives the somatic receptors with weight 5 nS, another (70, 73, 76 ms) the
dendritic ones with 2 nS, delay 0.5 ms. Multimeters record voltages, channel state variables and the
dendritic AMPA/NMDA conductances every 0.1 ms for 160 ms; three figures show them.
Differences: none in the simulation; the plotting code is written with loops.
"""
import matplotlib.pyplot as plt
import nest

nest.ResetKernel()

soma_params = {
    "C_m": 89.245535, "g_C": 0.0, "g_L": 8.924572508, "e_L": -75.0, "v_comp": -75.0,
    "gbar_Na": 4608.698576715, "e_Na": 60.0, "gbar_K": 956.112772900, "e_K": -90.0,
}
# active conductances default to zero
dend_params_passive = {"C_m": 1.929929, "g_C": 1.255439494, "g_L": 0.192992878, "e_L": -75.0, "v_comp": -75.0}
dend_params_active = {
    "C_m": 1.929929, "g_C": 1.255439494, "g_L": 0.192992878, "e_L": -70.0, "v_comp": -70.0,
    "gbar_Na": 17.203212493, "e_Na": 60.0, "gbar_K": 11.887347450, "e_K": -90.0,
}

cm_pas = nest.Create("cm_default")
cm_pas.compartments = [{"parent_idx": -1, "params": soma_params}, {"parent_idx": 0, "params": dend_params_passive}]
cm_act = nest.Create("cm_default")
cm_act.compartments = [{"parent_idx": -1, "params": soma_params}, {"parent_idx": 0, "params": dend_params_active}]

cm_pas.V_th = -50.0
cm_act.V_th = -50.0

# receptor k is the k-th receptor added: 0 on the soma, 1 on the dendrite
cm_pas.receptors = [{"comp_idx": 0, "receptor_type": "AMPA_NMDA"}, {"comp_idx": 1, "receptor_type": "AMPA_NMDA"}]
cm_act.receptors = [{"comp_idx": 0, "receptor_type": "AMPA_NMDA"}, {"comp_idx": 1, "receptor_type": "AMPA_NMDA"}]
syn_soma, syn_dend = 0, 1

sg_soma = nest.Create("spike_generator", 1, {"spike_times": [10.0, 13.0, 16.0]})
sg_dend = nest.Create("spike_generator", 1, {"spike_times": [70.0, 73.0, 76.0]})

for cm in (cm_pas, cm_act):
    nest.Connect(sg_soma, cm,
                 syn_spec={"synapse_model": "static_synapse", "weight": 5.0, "delay": 0.5, "receptor_type": syn_soma})
    nest.Connect(sg_dend, cm,
                 syn_spec={"synapse_model": "static_synapse", "weight": 2.0, "delay": 0.5, "receptor_type": syn_dend})

rec_list = ["v_comp0", "v_comp1", "m_Na_0", "h_Na_0", "n_K_0", "m_Na_1", "h_Na_1", "n_K_1",
            "g_r_AN_AMPA_1", "g_d_AN_AMPA_1", "g_r_AN_NMDA_1", "g_d_AN_NMDA_1"]
mm_pas = nest.Create("multimeter", 1, {"record_from": rec_list, "interval": 0.1})
mm_act = nest.Create("multimeter", 1, {"record_from": rec_list, "interval": 0.1})
nest.Connect(mm_pas, cm_pas)
nest.Connect(mm_act, cm_act)

nest.Simulate(160.0)
res_pas = nest.GetStatus(mm_pas, "events")[0]
res_act = nest.GetStatus(mm_act, "events")[0]
runs = ((res_pas, "passive dend", {}), (res_act, "active dend", {"ls": "--", "lw": 2.0}))

plt.figure("voltage")
for sub, comp, name in ((121, "0", "soma"), (122, "1", "dend")):
    ax = plt.subplot(sub)
    for (res, label, style), color in zip(runs, "br"):
        ax.plot(res["times"], res["v_comp" + comp], c=color, label=label)
    ax.set_xlabel(r"$t$ (ms)")
    ax.set_ylabel(r"$v_{%s}$ (mV)" % name)
    ax.set_ylim((-90.0, 40.0))
    ax.legend(loc=0)

plt.figure("channel state variables")
for sub, comp in ((121, "0"), (122, "1")):
    ax = plt.subplot(sub)
    for res, label, style in runs:
        for var, color in (("m_Na_", "b"), ("h_Na_", "r"), ("n_K_", "g")):
            ax.plot(res["times"], res[var + comp], c=color, label=f"{var[:-1]} {label}", **style)
    ax.set_xlabel(r"$t$ (ms)")
    ax.set_ylabel(r"svar")
    ax.set_ylim((0.0, 1.0))
    ax.legend(loc=0)

plt.figure("dendritic synapse conductances")
ax = plt.gca()
for res, label, style in runs:
    ax.plot(res["times"], res["g_r_AN_AMPA_1"] + res["g_d_AN_AMPA_1"], c="b", label=f"AMPA {label}", **style)
    ax.plot(res["times"], res["g_r_AN_NMDA_1"] + res["g_d_AN_NMDA_1"], c="r", label=f"NMDA {label}", **style)
ax.legend(loc=0)

plt.tight_layout()
plt.show()
