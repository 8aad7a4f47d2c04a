"""A single astrocyte driven by Poisson spikes: IP3 and cytosolic calcium.

Port of pynest/examples/astrocytes/astrocyte_single.py (NEST 3.9): an astrocyte_lr_1994 with
delta_IP3 = 0.2 uM receives a 1 spike/s Poisson train of weight 1 for 60 s; each spike raises [IP3] by
delta_IP3, which decays with tau_IP3 = 7142 ms and drives the Li-Rinzel calcium dynamics. A multimeter
records IP3 and Ca_astro every 1 ms; the script plots both.

Differences: none in the network or the calls; the Poisson spike times differ from NEST's (different
random streams), so the traces agree in character, not sample for sample.
"""
import matplotlib.pyplot as plt
import nest

sim_time = 60000  # (ms)
params_astro = {"delta_IP3": 0.2}
poisson_rate = 1.0  # (spikes/s)
poisson_weight = 1.0

astrocyte = nest.Create("astrocyte_lr_1994", params=params_astro)
ps_astro = nest.Create("poisson_generator", params={"rate": poisson_rate})
mm_astro = nest.Create("multimeter", params={"record_from": ["IP3", "Ca_astro"]})
nest.Connect(ps_astro, astrocyte, syn_spec={"weight": poisson_weight})
nest.Connect(mm_astro, astrocyte)

nest.Simulate(sim_time)

data = mm_astro.events
fig, axes = plt.subplots(2, 1, sharex=True, figsize=(6.4, 4.8), dpi=100)
axes[0].plot(data["times"], data["IP3"])
axes[1].plot(data["times"], data["Ca_astro"])
axes[0].set_ylabel(r"[IP$_{3}$] ($\mu$M)")
axes[1].set_ylabel(r"[Ca$^{2+}$] ($\mu$M)")
axes[1].set_xlabel("Time (ms)")
plt.tight_layout()
plt.show()
plt.close()
