"""One neuron driven by a constant current, its membrane potential recorded by a voltmeter.

Port of pynest/examples/one_neuron.py (NEST 3.9). Differences: none in the simulation; the
comments are our own, and the number of spikes is printed (the upstream script only plots).
"""
import matplotlib.pyplot as plt
import nest
import nest.voltage_trace

nest.set_verbosity("M_WARNING")
nest.ResetKernel()

# an iaf_psc_alpha neuron with a suprathreshold bias current, and a voltmeter sampling V_m
neuron = nest.Create("iaf_psc_alpha")
voltmeter = nest.Create("voltmeter")
neuron.I_e = 376.0

# the voltmeter is connected to the neuron, as NEST expects for samplers
nest.Connect(voltmeter, neuron)

nest.Simulate(1000.0)

v = voltmeter.get("events", "V_m")
print("Number of spikes: %d" % sum(1 for a, b in zip(v[:-1], v[1:]) if b < a - 5.0))

nest.voltage_trace.from_device(voltmeter)
plt.show()
