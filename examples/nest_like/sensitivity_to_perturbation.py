"""Sensitivity of a balanced random network to one extra input spike.

Port of pynest/examples/sensitivity_to_perturbation.py (NEST 3.9): 1000 excitatory and 250
inhibitory iaf_psc_delta neurons (fixed in-degrees 100 and 25, J = 0.5 mV, g = 6, delay 0.01 ms
at resolution 0.01 ms), Poisson input 6500 spikes/s of 0.2 mV, initial V_m uniform in [E_L, V_th)
from numpy seed 30, rng_seed 30. Two trials: the second adds one spike (0.2 mV) at t = 400 ms to the
first neuron that fires after 400 ms in trial 0. Both trials are identical before the
perturbation and diverge afterwards.

Differences: none in the network or the calls. The drawn network and Poisson trains differ from
NEST's (nestj's random streams are not NEST's), and whether the extra spike spreads depends on the
realization (a delta-synapse LIF network is stable against most single-spike perturbations). In
nestj both trials are identical up to 400 ms for every seed; after it, some realizations diverge
completely (with the current streams seed_NEST = 30 does: about 330 of 10,000 spikes in common, as
in the figure of NEST's documentation), in others only the stimulated neuron's spike moves by a
step (seed_NEST = 31 to 35).
"""
import matplotlib.pyplot as plt
import nest
import numpy

NE = 1000  # excitatory neurons
NI = 250  # inhibitory neurons
N = NE + NI
KE = 100  # excitatory in-degree
KI = 25  # inhibitory in-degree

neuron_model = "iaf_psc_delta"
neuron_params = nest.GetDefaults(neuron_model)
Vmin = neuron_params["E_L"]  # initial V_m drawn from [Vmin, Vmax)
Vmax = neuron_params["V_th"]

J = 0.5  # excitatory weight (mV)
g = 6.0  # relative inhibitory weight
delay = 0.1  # ms (the connections use dt, as upstream)
Jext = 0.2  # external PSP amplitude (mV)
rate_ext = 6500.0  # external Poisson rate (spikes/s)
t_stim = 400.0  # time of the extra spike (ms)
Jstim = Jext
T = 1000.0  # trial duration (ms)
fade_out = 2.0 * delay  # ms
dt = 0.01  # resolution (ms)
seed_NEST = 30
seed_numpy = 30

senders = []
spiketimes = []

for trial in [0, 1]:
    nest.ResetKernel()
    nest.resolution = dt

    nodes_ex = nest.Create(neuron_model, NE)
    nodes_in = nest.Create(neuron_model, NI)
    allnodes = nodes_ex + nodes_in

    nest.Connect(nodes_ex, allnodes, conn_spec={"rule": "fixed_indegree", "indegree": KE},
                 syn_spec={"weight": J, "delay": dt})
    nest.Connect(nodes_in, allnodes, conn_spec={"rule": "fixed_indegree", "indegree": KI},
                 syn_spec={"weight": -g * J, "delay": dt})

    ext = nest.Create("poisson_generator", params={"rate": rate_ext, "stop": T})
    nest.Connect(ext, allnodes, syn_spec={"weight": Jext, "delay": dt})

    # a huge negative current after T silences the network before the next trial
    suppr = nest.Create("dc_generator", params={"amplitude": -1e16, "start": T, "stop": T + fade_out})
    nest.Connect(suppr, allnodes)

    spikerecorder = nest.Create("spike_recorder")
    nest.Connect(allnodes, spikerecorder)

    stimulus = nest.Create("spike_generator")
    stimulus.spike_times = []

    nest.rng_seed = seed_NEST
    spikerecorder.n_events = 0

    numpy.random.seed(seed_numpy)
    allnodes.V_m = Vmin + (Vmax - Vmin) * numpy.random.rand(N)

    if trial == 1:
        id_stim = [senders[0][spiketimes[0] > t_stim][0]]
        nest.Connect(stimulus, nest.NodeCollection(id_stim), syn_spec={"weight": Jstim, "delay": dt})
        stimulus.spike_times = [t_stim]

    nest.Simulate(T)
    nest.Simulate(fade_out)

    senders += [spikerecorder.get("events", "senders")]
    spiketimes += [spikerecorder.get("events", "times")]

plt.figure(1)
plt.clf()
plt.plot(spiketimes[0], senders[0], "ro", ms=4.0)
plt.plot(spiketimes[1], senders[1], "ko", ms=2.0)
plt.xlabel("time (ms)")
plt.ylabel("neuron id")
plt.xlim((0, T))
plt.ylim((0, N))
plt.show()
