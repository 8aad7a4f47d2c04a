"""Record V_m and the synaptic conductances of an iaf_cond_alpha neuron with a multimeter that
writes to an ascii file, then read the file back and plot it.

Port of pynest/examples/multimeter_file.py (NEST 3.9). Same network, parameters and calls. As in
NEST, setting ``data_path`` to "" logs "Variable data_path not set: Directory '' does not exist."
and leaves the path unchanged; the file is ``my_multimeter-2-0.dat`` in the working directory, with
columns sender, time_ms, V_m, g_ex, g_in after three header lines. Differences: none in the
simulation.
"""
import matplotlib.pyplot as plt
import nest
import numpy

nest.ResetKernel()
nest.overwrite_files = True
nest.data_path = ""
nest.data_prefix = ""

print("iaf_cond_alpha recordables: {0}".format(nest.GetDefaults("iaf_cond_alpha")["recordables"]))

neuron = nest.Create("iaf_cond_alpha", params={"tau_syn_ex": 1.0, "V_reset": -70.0})
mm = nest.Create(
    "multimeter",
    params={"interval": 0.1, "record_from": ["V_m", "g_ex", "g_in"], "record_to": "ascii", "label": "my_multimeter"},
)

# one excitatory and one inhibitory spike train
exc = nest.Create("spike_generator", params={"spike_times": numpy.array([10.0, 20.0, 50.0])})
inh = nest.Create("spike_generator", params={"spike_times": numpy.array([15.0, 25.0, 55.0])})
nest.Connect(exc, neuron, syn_spec={"weight": 40.0})
nest.Connect(inh, neuron, syn_spec={"weight": -20.0})
nest.Connect(mm, neuron)

nest.Simulate(100.0)

# columns: sender, time, V_m, g_ex, g_in
sender, t, v_m, g_ex, g_in = numpy.loadtxt(mm.filenames[0], skiprows=3).T

plt.clf()
plt.subplot(211)
plt.plot(t, v_m)
plt.axis([0, 100, -75, -53])
plt.ylabel("membrane potential (mV)")
plt.subplot(212)
plt.plot(t, g_ex, t, g_in)
plt.axis([0, 100, 0, 45])
plt.xlabel("time (ms)")
plt.ylabel("synaptic conductance (nS)")
plt.legend(("g_exc", "g_inh"))
plt.show()
