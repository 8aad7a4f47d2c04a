"""The five variants of the current-based generalized leaky integrate-and-fire model (glif_psc).

Port of pynest/examples/glif_psc_neuron.py (NEST 3.9). Five glif_psc neurons (lif, lif_r, lif_asc,
lif_r_asc, lif_r_asc_a: the switches spike_dependent_threshold, after_spike_currents, adapting_threshold;
tau_syn = [2, 1] ms) receive, at resolution 0.05 ms with delay 0.05 ms: excitatory (+20 pA at 10, 100,
150 ms) and inhibitory (-20 pA at 15, 99, 150 ms) spikes on receptor 1, a 400 pA step current during
[200, 500) ms, and from 600 to 900 ms the 150000 spikes/s of a poisson_generator relayed by a parrot_neuron
on receptor 2. A multimeter (every 0.05 ms: V_m, I, I_syn, threshold, threshold_spike, threshold_voltage,
ASCurrents_sum) and a spike_recorder record 1000 ms; one figure per variant. Differences: the Poisson
spikes come from nestj's random streams (default seed as upstream), so the trace during [600, 900) ms
differs from NEST's in detail.
"""
import matplotlib.gridspec as gridspec
import matplotlib.pyplot as plt
import nest

nest.ResetKernel()
resolution = 0.05
nest.resolution = resolution

syn_tau = [2.0, 1.0]

# (spike_dependent_threshold, after_spike_currents, adapting_threshold) of each variant
glif_models = ["lif", "lif_r", "lif_asc", "lif_r_asc", "lif_r_asc_a"]
switches = {
    "lif": (False, False, False),
    "lif_r": (True, False, False),
    "lif_asc": (False, True, False),
    "lif_r_asc": (True, True, False),
    "lif_r_asc_a": (True, True, True),
}

variants = []
for name in glif_models:
    sdt, asc, at = switches[name]
    variants.append(
        nest.Create(
            "glif_psc",
            params={
                "spike_dependent_threshold": sdt,
                "after_spike_currents": asc,
                "adapting_threshold": at,
                "tau_syn": syn_tau,
            },
        )
    )
neurons = variants[0] + variants[1] + variants[2] + variants[3] + variants[4]

espikes = nest.Create("spike_generator", params={"spike_times": [10.0, 100.0, 150.0], "spike_weights": [20.0] * 3})
ispikes = nest.Create("spike_generator", params={"spike_times": [15.0, 99.0, 150.0], "spike_weights": [-20.0] * 3})
cg = nest.Create(
    "step_current_generator",
    params={"amplitude_values": [400.0], "amplitude_times": [200.0], "start": 200.0, "stop": 500.0},
)
pg = nest.Create("poisson_generator", params={"rate": 150000.0, "start": 600.0, "stop": 900.0})
pn = nest.Create("parrot_neuron")

nest.Connect(cg, neurons, syn_spec={"delay": resolution})
nest.Connect(espikes, neurons, syn_spec={"delay": resolution, "receptor_type": 1})
nest.Connect(ispikes, neurons, syn_spec={"delay": resolution, "receptor_type": 1})
nest.Connect(pg, pn, syn_spec={"delay": resolution})
nest.Connect(pn, neurons, syn_spec={"delay": resolution, "receptor_type": 2})

mm = nest.Create(
    "multimeter",
    params={
        "interval": resolution,
        "record_from": ["V_m", "I", "I_syn", "threshold", "threshold_spike", "threshold_voltage", "ASCurrents_sum"],
    },
)
nest.Connect(mm, neurons)

sr = nest.Create("spike_recorder")
nest.Connect(neurons, sr)

nest.Simulate(1000.0)

data = mm.events
senders = data["senders"]
spike_data = sr.events
spike_senders = spike_data["senders"]
spikes = spike_data["times"]

for i, glif_model in enumerate(glif_models):
    node_id = neurons[i].global_id
    mine = senders == node_id
    own_spikes = spikes[spike_senders == node_id]
    plt.figure(glif_model)
    gs = gridspec.GridSpec(3, 1, height_ratios=[2, 1, 1])
    t = data["times"][senders == 1]

    plt.subplot(gs[0])
    plt.plot(t, data["V_m"][mine], "b")
    plt.plot(t, data["threshold"][mine], "g--")
    plt.plot(own_spikes, [max(data["threshold"][mine]) * 0.95] * len(own_spikes), "r.")
    plt.legend(["V_m", "threshold", "spike"])
    plt.ylabel("V (mV)")
    plt.title("Simulation of glif_psc neuron of " + glif_model)

    plt.subplot(gs[1])
    plt.plot(t, data["threshold_spike"][mine], "y")
    plt.plot(t, data["threshold_voltage"][mine], "k--")
    plt.legend(["threshold_spike", "threshold_voltage"])
    plt.ylabel("V (mV)")

    plt.subplot(gs[2])
    plt.plot(t, data["I"][mine], "--")
    plt.plot(t, data["ASCurrents_sum"][mine], "c-.")
    plt.plot(t, data["I_syn"][mine], "m")
    plt.legend(["I_e", "ASCurrents_sum", "I_syn"])
    plt.ylabel("I (pA)")
    plt.xlabel("t (ms)")

plt.show()
