"""Brunel's sparse random network of excitatory and inhibitory neurons whose synapses have
exponential currents with 100 different time constants, wired with NEST's own connection rules.

Port of pynest/examples/brunel_exp_multisynapse_nest.py (NEST 3.9): 10000 excitatory and 2500
inhibitory iaf_psc_exp_multisynapse neurons (C_m 1 pF) with 100 receptor ports whose tau_syn run
from 0.1 to 1.09 ms in steps of 0.01 ms; every connection, including the Poisson drive, picks its
port uniformly at random (nest.random.uniform_int(max=99) + 1), so the time courses of the
postsynaptic currents are uniformly spread. Fixed in-degrees 1000 and 250 (epsilon 0.1), weight
J = 0.1 (pA, as upstream), g = 5, eta = 2, delay 1.5 ms, resolution 0.1 ms, 4 threads, 1000 ms
simulated. All neurons share one poisson_generator; the first 50 neurons of each population are
recorded to ascii files (brunel-py-ex-*.dat, brunel-py-in-*.dat in the working directory). Prints
the neuron and synapse counts (read from the two copied synapse models), the mean rates of the
recorded neurons and the build and simulation wall-clock times, then shows a raster plot with
histogram of the excitatory spikes (kept as upstream).

Differences: none in the simulation. The connectivity, the receptor ports and the Poisson trains
come from nestj's random streams, not NEST's, and the times are nestj's; the synapse counts are
exactly NEST's (15637600). The rates depend strongly on the draw: each neuron gets its whole
external drive through one connection, hence one random port, and the charge a spike delivers
scales with that port's tau_syn (a factor 11 between the fastest and the slowest port). In nestj
the recorded neurons driven through a port with tau_syn below 0.4 ms stay silent and those above
0.7 ms fire at about 40 spikes/s, and the printed rates average over only 50 neurons each.
NEST 3.9 printed 26.08 / 19.34 spikes/s, nestj prints about 18 / 18. With 4 threads NEST 3.9 keeps
one copy of each spike_recorder per thread and so writes four ascii files per recorder
(...-12502-0.dat to -3.dat), each with the spikes of that thread's neurons; nestj writes all of a
recorder's spikes to one file (...-12502-3.dat). The printed numbers are not affected.

Reference: Brunel N (2000). Dynamics of sparsely connected networks of excitatory and inhibitory
spiking neurons. J Comput Neurosci 8, 183-208.
"""
import time

import matplotlib.pyplot as plt
import nest
import nest.raster_plot

nest.ResetKernel()

startbuild = time.time()  # wall clock at the start of network construction

dt = 0.1  # resolution, ms
simtime = 1000.0  # ms
delay = 1.5  # synaptic delay, ms

g = 5.0  # relative strength of inhibition
eta = 2.0  # external drive in units of the threshold rate
epsilon = 0.1  # connection probability

order = 2500
NE = 4 * order  # excitatory neurons
NI = 1 * order  # inhibitory neurons
N_neurons = NE + NI
N_rec = 50  # neurons recorded per population

CE = int(epsilon * NE)  # excitatory inputs per neuron
CI = int(epsilon * NI)  # inhibitory inputs per neuron
C_tot = int(CI + CE)

tauMem = 20.0  # ms
theta = 20.0  # threshold, mV
J = 0.1  # synaptic weight
nr_ports = 100  # receptor ports per neuron
# port i (1-based) has tau_syn = 0.1 + 0.01 * (i - 1) ms, i.e. 0.1 ... 1.09 ms
tau_syn = [0.1 + 0.01 * i for i in range(nr_ports)]
neuron_params = {
    "C_m": 1.0,
    "tau_m": tauMem,
    "t_ref": 2.0,
    "E_L": 0.0,
    "V_reset": 0.0,
    "V_m": 0.0,
    "V_th": theta,
    "tau_syn": tau_syn,
}
J_ex = J  # excitatory weight
J_in = -g * J_ex  # inhibitory weight

# external rate that alone would hold the mean membrane potential at threshold; the single
# generator stands in for CE external inputs, hence the factor CE (and 1000 for spikes/s)
nu_th = theta / (J * CE * tauMem)
nu_ex = eta * nu_th
p_rate = 1000.0 * nu_ex * CE

nest.resolution = dt
nest.print_time = True
nest.overwrite_files = True
nest.local_num_threads = 4

print("Building network")

nodes_ex = nest.Create("iaf_psc_exp_multisynapse", NE, params=neuron_params)
nodes_in = nest.Create("iaf_psc_exp_multisynapse", NI, params=neuron_params)
noise = nest.Create("poisson_generator", params={"rate": p_rate})
espikes = nest.Create("spike_recorder")
ispikes = nest.Create("spike_recorder")

# spikes go to files named after the labels
espikes.set(label="brunel-py-ex", record_to="ascii")
ispikes.set(label="brunel-py-in", record_to="ascii")

print("Connecting devices")

# two named copies of static_synapse, so that num_connections counts each kind separately
nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": delay})
nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": delay})

# each connection draws its receptor port uniformly from 1 ... nr_ports
syn_params_ex = {"synapse_model": "excitatory", "receptor_type": nest.random.uniform_int(max=nr_ports - 1) + 1}
syn_params_in = {"synapse_model": "inhibitory", "receptor_type": nest.random.uniform_int(max=nr_ports - 1) + 1}

# the generator drives every neuron (default all_to_all rule)
nest.Connect(noise, nodes_ex, syn_spec=syn_params_ex)
nest.Connect(noise, nodes_in, syn_spec=syn_params_ex)

nest.Connect(nodes_ex[:N_rec], espikes, syn_spec="excitatory")
nest.Connect(nodes_in[:N_rec], ispikes, syn_spec="excitatory")

print("Connecting network")

print("Excitatory connections")

conn_params_ex = {"rule": "fixed_indegree", "indegree": CE}
nest.Connect(nodes_ex, nodes_ex + nodes_in, conn_params_ex, syn_params_ex)

print("Inhibitory connections")

conn_params_in = {"rule": "fixed_indegree", "indegree": CI}
nest.Connect(nodes_in, nodes_ex + nodes_in, conn_params_in, syn_params_in)

endbuild = time.time()

print("Simulating")

nest.Simulate(simtime)

endsimulate = time.time()

events_ex = espikes.n_events
events_in = ispikes.n_events

# mean rate per recorded neuron, spikes/s
rate_ex = events_ex / simtime * 1000.0 / N_rec
rate_in = events_in / simtime * 1000.0 / N_rec

num_synapses_ex = nest.GetDefaults("excitatory")["num_connections"]
num_synapses_in = nest.GetDefaults("inhibitory")["num_connections"]
num_synapses = num_synapses_ex + num_synapses_in

build_time = endbuild - startbuild
sim_time = endsimulate - endbuild

print("Brunel network simulation (Python)")
print(f"Number of neurons : {N_neurons}")
print(f"Number of synapses: {num_synapses}")
print(f"       Excitatory : {num_synapses_ex}")
print(f"       Inhibitory : {num_synapses_in}")
print(f"Excitatory rate   : {rate_ex:.2f} spks/s")
print(f"Inhibitory rate   : {rate_in:.2f} spks/s")
print(f"Building time     : {build_time:.2f} s")
print(f"Simulation time   : {sim_time:.2f} s")

# raster of the recorded excitatory neurons with a rate histogram below
nest.raster_plot.from_device(espikes, hist=True)
plt.show()
