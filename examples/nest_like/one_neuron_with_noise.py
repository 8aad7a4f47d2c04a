"""One neuron bombarded by excitatory and inhibitory Poisson spike trains.

Port of pynest/examples/one_neuron_with_noise.py (NEST 3.9). Differences: none in the simulation;
the mean membrane potential is printed (the upstream script only plots).
"""
import matplotlib.pyplot as plt
import nest
import nest.voltage_trace

nest.set_verbosity("M_WARNING")
nest.ResetKernel()

neuron = nest.Create("iaf_psc_alpha")
noise = nest.Create("poisson_generator", 2)
voltmeter = nest.Create("voltmeter")

# excitatory and inhibitory background, as 80,000 and 15,000 input spikes per second
noise[0].rate = 80000.0
noise[1].rate = 15000.0

# one weight per source (shape: targets x sources)
nest.Connect(noise, neuron, syn_spec={"weight": [[1.2, -1.0]], "delay": 1.0})
nest.Connect(voltmeter, neuron)

nest.Simulate(1000.0)

v = voltmeter.get("events", "V_m")
print("Mean membrane potential: %.2f mV" % (sum(v) / len(v)))

nest.voltage_trace.from_device(voltmeter)
plt.show()
