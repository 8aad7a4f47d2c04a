"""Brunel's sparse random network of excitatory and inhibitory neurons with delta synapses (each
spike makes the membrane potential jump), wired with NEST's own connection rules.

Port of pynest/examples/brunel_delta_nest.py (NEST 3.9): 10000 excitatory and 2500 inhibitory
iaf_psc_delta neurons (C_m 1 pF, so a weight is the jump in mV), fixed in-degrees 1000 and 250
(epsilon 0.1), J = 0.1 mV, g = 5, eta = 2, delay 1.5 ms, resolution 0.1 ms, 1000 ms simulated. All
neurons share one poisson_generator; the first 50 neurons of each population are recorded to
ascii files (brunel-py-ex-*.dat, brunel-py-in-*.dat in the working directory). Prints the neuron
and synapse counts (read from the two copied synapse models), the mean rates of the recorded
neurons and the build and simulation wall-clock times, then shows a raster plot with histogram of
the excitatory spikes (kept as upstream).

Differences: none in the simulation. The connectivity and the Poisson trains come from nestj's
random streams, not NEST's, so the rates agree statistically (NEST 3.9: 32.10 / 31.90 spikes/s)
and the times are nestj's; the synapse counts are exactly NEST's (15637600).

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
neuron_params = {"C_m": 1.0, "tau_m": tauMem, "t_ref": 2.0, "E_L": 0.0, "V_reset": 0.0, "V_m": 0.0, "V_th": theta}
J = 0.1  # PSP amplitude, mV
J_ex = J  # excitatory jump, mV
J_in = -g * J_ex  # inhibitory jump, mV

# external rate that alone would hold the mean membrane potential at threshold; the single
# generator stands in for CE external inputs, hence the factor CE (and 1000 for spikes/s)
nu_th = theta / (J * CE * tauMem)
nu_ex = eta * nu_th
p_rate = 1000.0 * nu_ex * CE

nest.resolution = dt
nest.print_time = True
nest.overwrite_files = True

print("Building network")

nodes_ex = nest.Create("iaf_psc_delta", NE, params=neuron_params)
nodes_in = nest.Create("iaf_psc_delta", NI, params=neuron_params)
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

# the generator drives every neuron (default all_to_all rule)
nest.Connect(noise, nodes_ex, syn_spec="excitatory")
nest.Connect(noise, nodes_in, syn_spec="excitatory")

nest.Connect(nodes_ex[:N_rec], espikes, syn_spec="excitatory")
nest.Connect(nodes_in[:N_rec], ispikes, syn_spec="excitatory")

print("Connecting network")

print("Excitatory connections")

conn_params_ex = {"rule": "fixed_indegree", "indegree": CE}
nest.Connect(nodes_ex, nodes_ex + nodes_in, conn_params_ex, "excitatory")

print("Inhibitory connections")

conn_params_in = {"rule": "fixed_indegree", "indegree": CI}
nest.Connect(nodes_in, nodes_ex + nodes_in, conn_params_in, "inhibitory")

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
