"""Grid-constrained (iaf_psc_exp) versus precise (iaf_psc_exp_ps) spiking at three resolutions.

Port of pynest/examples/precise_spiking.py (NEST 3.9). For each resolution 0.1, 0.5 and 1.0 ms and each of
the two models, the kernel is reset, one neuron is driven by a 700 pA dc_generator for 100 ms, a voltmeter
(interval = resolution) and a spike_recorder record it; one subplot per resolution shows both membrane
traces with the spikes drawn at threshold height. Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest

simtime = 100.0  # ms
stim_current = 700.0  # pA
resolutions = [0.1, 0.5, 1.0]  # ms
models = ["iaf_psc_exp", "iaf_psc_exp_ps"]

data = {}
for resolution in resolutions:
    data[resolution] = {}
    for model in models:
        nest.ResetKernel()
        nest.resolution = resolution

        neuron = nest.Create(model)
        voltmeter = nest.Create("voltmeter", params={"interval": resolution})
        dc = nest.Create("dc_generator", params={"amplitude": stim_current})
        sr = nest.Create("spike_recorder")

        nest.Connect(voltmeter, neuron)
        nest.Connect(dc, neuron)
        nest.Connect(neuron, sr)

        nest.Simulate(simtime)

        vm = voltmeter.events
        data[resolution][model] = {
            "vm_times": vm["times"],
            "vm_values": vm["V_m"],
            "spikes": sr.events["times"],
            "V_th": neuron.V_th,
        }

colors = ["#3465a4", "#cc0000"]
for row, resolution in enumerate(sorted(data)):
    ax = plt.subplot(len(data), 1, row + 1)
    ax.set_title("Resolution: {0} ms".format(resolution))
    for k, model in enumerate(data[resolution]):
        d = data[resolution][model]
        ax.plot(d["vm_times"], d["vm_values"], "-", c=colors[k], ms=5, lw=2, label=model)
        ax.plot(d["spikes"], [d["V_th"]] * len(d["spikes"]), ".", c=colors[k], ms=5, lw=2)
    if row == 2:
        ax.legend(loc=4)
    else:
        ax.set_xticklabels("")

plt.show()
