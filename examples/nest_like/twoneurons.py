"""Two neurons: the first, driven by a constant current, excites the second.

Port of pynest/examples/twoneurons.py (NEST 3.9). Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import nest.voltage_trace

nest.set_verbosity("M_WARNING")
nest.ResetKernel()

neuron_1 = nest.Create("iaf_psc_alpha")
neuron_2 = nest.Create("iaf_psc_alpha")
voltmeter = nest.Create("voltmeter")

neuron_1.I_e = 376.0

weight = 20.0  # pA
delay = 1.0  # ms
nest.Connect(neuron_1, neuron_2, syn_spec={"weight": weight, "delay": delay})

# one voltmeter records both neurons
nest.Connect(voltmeter, neuron_1)
nest.Connect(voltmeter, neuron_2)

nest.Simulate(1000.0)

nest.voltage_trace.from_device(voltmeter)
plt.show()
