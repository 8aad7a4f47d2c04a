"""Sinusoidally modulated Poisson spike trains.

Port of pynest/examples/sinusoidal_poisson_generator.py (NEST 3.9). Part 1: two generators at
resolution 0.01 ms (rates 10000 and 0 spikes/s, amplitudes 5000 and 10000, frequencies 10 and 5 Hz,
phases 0 and 90 degrees), each with its own multimeter (rate, every 0.1 ms) and spike_recorder; the
status of the multimeters is printed, then PST and ISI histograms are plotted. Part 2: with 4
threads, one generator (100 spikes/s +- 50, 10 Hz) drives 20 parrot neurons, first with
individual_spike_trains True (each target its own train), then False (one train for all); the
option is given in Create's params, which PyNEST applies through the model defaults. Same networks,
parameters and calls. Differences: the spike trains come from nestj's random streams; the printed
multimeter status shows nestj's model_id (NEST numbers its models differently).
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

# Part 1: two generators with different parameters
nest.ResetKernel()
nest.resolution = 0.01

num_nodes = 2
g = nest.Create(
    "sinusoidal_poisson_generator",
    n=num_nodes,
    params={"rate": [10000.0, 0.0], "amplitude": [5000.0, 10000.0], "frequency": [10.0, 5.0], "phase": [0.0, 90.0]},
)
m = nest.Create("multimeter", num_nodes, {"interval": 0.1, "record_from": ["rate"]})
s = nest.Create("spike_recorder", num_nodes)
nest.Connect(m, g, "one_to_one")
nest.Connect(g, s, "one_to_one")
print(m.get())

nest.Simulate(200)

colors = ["b", "g"]
for j in range(num_nodes):
    ev = m[j].events
    spike_times = s[j].events["times"]
    plt.subplot(221)
    h, e = np.histogram(spike_times, bins=np.arange(0.0, 201.0, 5.0))
    plt.plot(ev["times"], ev["rate"], color=colors[j])
    plt.step(e[:-1], h * 1000 / 5.0, color=colors[j], where="post")
    plt.title("PST histogram and firing rates")
    plt.ylabel("Spikes per second")
    plt.subplot(223)
    plt.hist(np.diff(spike_times), bins=np.arange(0.0, 1.005, 0.02), histtype="step", color=colors[j])
    plt.title("ISI histogram")


def trains_for_parrots(individual, panel, title):
    """Part 2: one generator into 20 parrot neurons; plot their spikes in the given subplot."""
    nest.ResetKernel()
    nest.local_num_threads = 4
    gen = nest.Create(
        "sinusoidal_poisson_generator",
        params={"rate": 100.0, "amplitude": 50.0, "frequency": 10.0, "phase": 0.0, "individual_spike_trains": individual},
    )
    parrots = nest.Create("parrot_neuron", 20)
    rec = nest.Create("spike_recorder")
    nest.Connect(gen, parrots, "all_to_all")
    nest.Connect(parrots, rec, "all_to_all")
    nest.Simulate(200)
    ev = rec.events
    plt.subplot(panel)
    plt.plot(ev["times"], ev["senders"] - min(ev["senders"]), "o")
    plt.ylim([-0.5, 19.5])
    plt.yticks([])
    plt.title(title)


trains_for_parrots(True, 222, "Individual spike trains for each target")
trains_for_parrots(False, 224, "One spike train for all targets")
plt.show()
