"""Sinusoidally modulated gamma spike trains.

Port of pynest/examples/sinusoidal_gamma_generator.py (NEST 3.9). Part 1: two generators (10000
spikes/s +- 5000, 10 Hz, gamma orders 2 and 10) at resolution 0.01 ms with multimeters (rate) and
spike recorders: PST and ISI histograms. Part 2: with 4 threads, one generator (100 spikes/s +- 50,
10 Hz, order 3) drives 20 parrot neurons with individual_spike_trains True, then False. Part 3: six
runs of 1000 generators for 1000 ms whose parameters change half way (DC rate steps, modulation
depth, frequency, phase), each compared with the expected rate. Same networks, parameters and calls
(the six runs of part 3 go through the same step() helper as upstream). Differences: the spike
trains come from nestj's random streams.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

# Part 1
nest.ResetKernel()
plt.figure()
nest.resolution = 0.01

num_nodes = 2
g = nest.Create(
    "sinusoidal_gamma_generator",
    n=num_nodes,
    params={"rate": 10000.0, "amplitude": 5000.0, "frequency": 10.0, "phase": 0.0, "order": [2.0, 10.0]},
)
m = nest.Create("multimeter", num_nodes, {"interval": 0.1, "record_from": ["rate"]})
s = nest.Create("spike_recorder", num_nodes)
nest.Connect(m, g, "one_to_one")
nest.Connect(g, s, "one_to_one")

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
    plt.hist(np.diff(spike_times), bins=np.arange(0.0, 0.505, 0.01), histtype="step", color=colors[j])
    plt.title("ISI histogram")


# Part 2
def trains_for_parrots(individual, panel, title):
    """One generator into 20 parrot neurons; plot their spikes in the given subplot."""
    nest.ResetKernel()
    nest.local_num_threads = 4
    gen = nest.Create(
        "sinusoidal_gamma_generator",
        params={
            "rate": 100.0,
            "amplitude": 50.0,
            "frequency": 10.0,
            "phase": 0.0,
            "order": 3.0,
            "individual_spike_trains": individual,
        },
    )
    parrots = nest.Create("parrot_neuron", 20)
    rec = nest.Create("spike_recorder")
    nest.Connect(gen, parrots)
    nest.Connect(parrots, rec)
    nest.Simulate(200)
    ev = rec.events
    plt.subplot(panel)
    plt.plot(ev["times"], ev["senders"] - min(ev["senders"]), "o")
    plt.ylim([-0.5, 19.5])
    plt.yticks([])
    plt.title(title)


trains_for_parrots(True, 222, "Individual spike trains for each target")
trains_for_parrots(False, 224, "One spike train for all targets")


# Part 3
def step(t, n, initial, after, seed=1, dt=0.05):
    """n generators with parameters initial for t/2 ms, then after for t/2 ms; returns the spikes."""
    nest.ResetKernel()
    nest.resolution = dt
    nest.rng_seed = seed
    gens = nest.Create("sinusoidal_gamma_generator", n, params=initial)
    rec = nest.Create("spike_recorder")
    nest.Connect(gens, rec)
    nest.Simulate(t / 2)
    gens.set(after)
    nest.Simulate(t / 2)
    return rec.events


def plot_hist(spikes):
    plt.hist(spikes["times"], bins=np.arange(0.0, max(spikes["times"]) + 1.5, 1.0), histtype="step")


def sine(amplitude, freq, shift=0.0):
    """Upstream's expected modulation over half the run (steps/2 samples)."""
    return amplitude * np.sin(np.arange(0, t / 1000.0 * np.pi * freq, t / 1000.0 * np.pi * freq / (steps / 2)) + shift)


t = 1000
n = 1000
dt = 1.0
steps = int(t / dt)
offset = t / 1000.0 * 2 * np.pi
half = int(steps / 2)

fig = plt.figure(figsize=(15, 10))

plt.subplot(2, 3, 1)
plot_hist(step(t, n, {"rate": 20.0}, {"rate": 50.0}, seed=123, dt=dt))
exp = np.ones(steps)
exp[:half] *= 20
exp[half:] *= 50
plt.plot(exp, "r")
plt.title("DC rate: 20 -> 50")
plt.ylabel("Spikes per second")

plt.subplot(2, 3, 2)
plot_hist(
    step(
        t,
        n,
        {"order": 6.0, "rate": 80.0, "amplitude": 0.0, "frequency": 0.0, "phase": 0.0},
        {"order": 6.0, "rate": 40.0, "amplitude": 0.0, "frequency": 0.0, "phase": 0.0},
        seed=123,
        dt=dt,
    )
)
exp = np.ones(steps)
exp[:half] *= 80
exp[half:] *= 40
plt.plot(exp, "r")
plt.title("DC rate: 80 -> 40")

plt.subplot(2, 3, 3)
plot_hist(
    step(
        t,
        n,
        {"order": 3.0, "rate": 40.0, "amplitude": 40.0, "frequency": 10.0, "phase": 0.0},
        {"order": 3.0, "rate": 40.0, "amplitude": 20.0, "frequency": 10.0, "phase": 0.0},
        seed=123,
        dt=dt,
    )
)
exp = np.zeros(steps)
exp[:half] = 40.0 + sine(40.0, 10)
exp[half:] = 40.0 + sine(20.0, 10, offset)
plt.plot(exp, "r")
plt.title("Rate Modulation: 40 -> 20")

plt.subplot(2, 3, 4)
plot_hist(
    step(
        t,
        n,
        {"order": 6.0, "rate": 20.0, "amplitude": 20.0, "frequency": 10.0, "phase": 0.0},
        {"order": 6.0, "rate": 50.0, "amplitude": 50.0, "frequency": 10.0, "phase": 0.0},
        seed=123,
        dt=dt,
    )
)
exp = np.zeros(steps)
exp[:half] = 20.0 + sine(20.0, 10)
exp[half:] = 50.0 + sine(50.0, 10, offset)
plt.plot(exp, "r")
plt.title("DC Rate and Rate Modulation: 20 -> 50")
plt.ylabel("Spikes per second")
plt.xlabel("Time [ms]")

plt.subplot(2, 3, 5)
plot_hist(step(t, n, {"rate": 40.0}, {"amplitude": 40.0, "frequency": 20.0}, seed=123, dt=1.0))
exp = np.zeros(steps)
exp[:half] = 40.0 * np.ones(half)
exp[half:] = 40.0 + sine(40.0, 20)
plt.plot(exp, "r")
plt.title("Rate Modulation: 0 -> 40")
plt.xlabel("Time [ms]")

plt.subplot(2, 3, 6)
plot_hist(
    step(
        t,
        n,
        {"order": 6.0, "rate": 60.0, "amplitude": 60.0, "frequency": 10.0, "phase": 0.0},
        {"order": 6.0, "rate": 60.0, "amplitude": 60.0, "frequency": 10.0, "phase": 180.0},
        seed=123,
        dt=1.0,
    )
)
exp = np.zeros(steps)
exp[:half] = 60.0 + sine(60.0, 10)
exp[half:] = 60.0 + sine(60.0, 10, offset + np.pi)
plt.plot(exp, "r")
plt.title("Modulation Phase: 0 -> Pi")
plt.xlabel("Time [ms]")
plt.show()
