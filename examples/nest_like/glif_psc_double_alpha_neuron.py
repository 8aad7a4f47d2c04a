"""glif_psc_double_alpha versus glif_psc: synaptic currents made of a fast and a slow alpha function.

Port of pynest/examples/glif_psc_double_alpha_neuron.py (NEST 3.9). At resolution 0.05 ms three LIF-type
neurons (all GLIF switches off) receive one spike of 20 pA on each of their three receptors (at 10, 110
and 210 ms, delay 0.05 ms): a glif_psc (tau_syn 2 ms on every receptor), a glif_psc_double_alpha with
tau_syn_fast 2 ms, amp_slow 0.5 and tau_syn_slow 4, 6, 8 ms ("timing"), and one with tau_syn_slow 6 ms and
amp_slow 0.2, 0.5, 0.8 ("amp"). A multimeter records V_m and I_syn every 0.05 ms for 300 ms; two figures
compare the synaptic currents and membrane potentials. Differences: none in the simulation.
"""
import matplotlib.gridspec as gridspec
import matplotlib.pyplot as plt
import nest

nest.ResetKernel()
resolution = 0.05
nest.resolution = resolution

tau_syn_glif_psc = [2.0, 2.0, 2.0]  # glif_psc
tau_syn_fast = [2.0, 2.0, 2.0]  # both glif_psc_double_alpha neurons
tau_syn_slow_timing = [4.0, 6.0, 8.0]
amp_slow_timing = [0.5, 0.5, 0.5]
tau_syn_slow_amp = [6.0, 6.0, 6.0]
amp_slow_amp = [0.2, 0.5, 0.8]

no_glif_mechanisms = {"spike_dependent_threshold": False, "after_spike_currents": False, "adapting_threshold": False}

n_glif_psc = nest.Create("glif_psc", params=dict(no_glif_mechanisms, tau_syn=tau_syn_glif_psc))
n_glif_psc_double_alpha_timing = nest.Create(
    "glif_psc_double_alpha",
    params=dict(no_glif_mechanisms, tau_syn_fast=tau_syn_fast, tau_syn_slow=tau_syn_slow_timing,
                amp_slow=amp_slow_timing),
)
n_glif_psc_double_alpha_amp = nest.Create(
    "glif_psc_double_alpha",
    params=dict(no_glif_mechanisms, tau_syn_fast=tau_syn_fast, tau_syn_slow=tau_syn_slow_amp,
                amp_slow=amp_slow_amp),
)
neurons = n_glif_psc + n_glif_psc_double_alpha_timing + n_glif_psc_double_alpha_amp

# one spike per receptor: receptor r at 10 + 100 (r - 1) ms
spike_times = [10.0, 110.0, 210.0]
for r, ts in enumerate(spike_times, start=1):
    gen = nest.Create("spike_generator", params={"spike_times": [ts], "spike_weights": [20.0]})
    nest.Connect(gen, neurons, syn_spec={"delay": resolution, "receptor_type": r})

mm = nest.Create("multimeter", params={"interval": resolution, "record_from": ["V_m", "I_syn"]})
nest.Connect(mm, neurons)

nest.Simulate(300.0)

data = mm.events
senders = data["senders"]
t = data["times"][senders == 1]

variation_types = ["timing", "amp"]
annotate_variable = ["tau_syn_slow", "amp_slow"]
annotate_values = [tau_syn_slow_timing, amp_slow_amp]
fig_titles = [
    "Variation of tau_syn_slow: tau_syn_fast = 2.0, amp_slow = 0.5",
    "Variation of amp_slow: tau_syn_fast = 2.0, tau_syn_slow = 6.0",
]
data_types = ["I_syn", "V_m"]
data_types_names = ["Synaptic current (pA)", "Membrane potential (mV)"]

for i, variation_type in enumerate(variation_types):
    plt.figure(variation_type, figsize=(10, 5))
    gs = gridspec.GridSpec(2, 1, height_ratios=[1, 1])
    for j, data_type in enumerate(data_types):
        d = data[data_type]
        ax = plt.subplot(gs[j])
        ax.plot(t, d[senders == 1], "b", label="glif_psc (tau_syn=2.0)")
        ax.plot(t, d[senders == 2 + i], "r", label="glif_psc_double_alpha")
        if j == 0:
            ax.legend(bbox_to_anchor=(1.05, 1), loc="upper left", borderaxespad=0)
        else:
            ax.set_xlabel("time (ms)")
        ax.set_ylabel(data_types_names[j])

    ax = plt.subplot(gs[0])
    for j, spike_timing in enumerate(spike_times):
        ax.annotate(
            f"{annotate_variable[i]}={annotate_values[i][j]}",
            xy=(spike_timing + 10, 20),
            xytext=(spike_timing + 10, 25),
            arrowprops=dict(arrowstyle="->", connectionstyle="arc3"),
        )
    plt.title(fig_titles[i])
    plt.tight_layout()

plt.show()
