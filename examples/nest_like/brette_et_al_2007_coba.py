"""Brette et al. (2007) benchmark 1 (COBA): a sparse E/I network of conductance-based IF neurons.

Python translation of NEST 3.9's SLI benchmark examples/nest/Brette_et_al_2007/coba.sli, which sets the
parameters and runs the shared examples/nest/Brette_et_al_2007/benchmark.sli (NEST 3.9 has no PyNEST version).
The network follows Vogels & Abbott (2005), as used in the FACETS simulator review (Brette et al. 2007,
J Comput Neurosci 23:349-398):

- NE = 3200 excitatory and NI = 800 inhibitory ``iaf_cond_exp`` neurons with E_L = V_reset = -60 mV,
  V_th = -50 mV, t_ref = 5 ms, E_ex = 0 mV, E_in = -80 mV, C_m = 200 pF, g_L = 10 nS, tau_syn_ex = 5 ms,
  tau_syn_in = 10 ms (set with SetDefaults before Create, as the SLI does; V_m keeps the model's initial
  value of -70 mV, as in the SLI);
- every neuron receives CE = 64 excitatory and CI = 16 inhibitory inputs (``fixed_indegree``, epsilon = 0.02),
  through copies ``syn_ex`` (weight 6 nS) and ``syn_in`` (weight -67 nS) of ``static_synapse`` whose default
  delay is set to 0.1 ms;
- an initial stimulus: one ``poisson_generator`` (300 Hz, start 1 ms, stop 51 ms, origin 0 ms) connected
  all-to-all through ``syn_ex`` to the first Nstim = 50 excitatory neurons; afterwards the activity is
  self-sustained;
- two ``spike_recorder`` s record the first Nrec = 500 neurons of each population;
- resolution 0.1 ms, 1 virtual process, 1000 ms simulated.

The script prints what benchmark.sli's RunSimulation prints: number of neurons, number of synapses (as the SLI
counts them: (CE + CI) * N + 2 * Nrec + Nstim), the excitatory and inhibitory rates (spikes per recorded neuron
per second, ComputeRate), and the build and simulation wall-clock times (tic/toc).

Differences from the SLI script:

- Written in PyNEST 3.9 style (``nest.Create``/``nest.Connect`` with rule dictionaries, ``NodeCollection``
  slicing instead of ``Take``) instead of SLI.
- The spike recorders record to memory instead of ``/record_to /ascii`` (no ``coba-*.dat`` files are written);
  the label ``coba`` is kept. ``overwrite_files`` is therefore irrelevant and not set.
- The spike counts of both recorders are printed in addition to the rates.
- The simulated time can be shortened with an optional command-line argument (in ms), e.g.
  ``python3 -m nestj examples/nest_like/brette_et_al_2007_coba.py 300``; the default is the SLI's 1000 ms.
- The rates are printed with ``%g`` and the times with two decimals (SLI's ``=only`` prints its own default
  formatting); the times are wall-clock seconds from ``time.time()``, as SLI's tic/toc measure real time.
- ComputeRate divides by Nrec / NumProcesses; with one process, as here, this is Nrec.

Not differences: the connectivity is ``fixed_indegree`` throughout, as in benchmark.sli (no ``pairwise_bernoulli``);
the recorders are connected ``all_to_all`` (Connect's default); the SLI sets no initial membrane potentials, so
V_m starts at the model default -70 mV; the connectivity and Poisson input are drawn with the
kernel's default seed, so a run is reproducible; the printed counts belong to that one realization.
"""
import sys
import time

import nest

# ---- parameters (coba.sli) ----------------------------------------------------------------------------------
model = "iaf_cond_exp"
model_params = {
    "E_L": -60.0,  # resting potential [mV]
    "V_th": -50.0,  # threshold [mV]
    "V_reset": -60.0,  # reset potential [mV]
    "t_ref": 5.0,  # refractory period [ms]
    "E_ex": 0.0,  # excitatory reversal potential [mV]
    "E_in": -80.0,  # inhibitory reversal potential [mV]
    "C_m": 200.0,  # capacity [pF]
    "g_L": 10.0,  # leak conductance [nS]
    "tau_syn_ex": 5.0,  # excitatory synaptic time constant [ms]
    "tau_syn_in": 10.0,  # inhibitory synaptic time constant [ms]
}

delay = 0.1  # synaptic delay, all connections [ms]
E_synapse_params = {"weight": 6.0}  # peak conductance [nS], excitatory
I_synapse_params = {"weight": -67.0}  # peak conductance [nS], inhibitory

stimulus = "poisson_generator"
stimulus_params = {
    "rate": 300.0,  # rate of initial Poisson stimulus [Hz]
    "start": 1.0,  # start of the poisson_generator [ms]
    "stop": 51.0,  # stop of the poisson_generator [ms]
    "origin": 0.0,  # origin of time, to calculate start_time [ms]
}

recorder = "spike_recorder"
recorder_params = {"label": "coba"}  # SLI: /record_to /ascii; here: memory

Nrec = 500  # number of neurons per population to record from
Nstim = 50  # number of neurons to stimulate
simtime = float(sys.argv[1]) if len(sys.argv) > 1 else 1000.0  # simulated time [ms]
dt = 0.1  # simulation step [ms]

NE = 3200  # number of excitatory neurons
NI = 800  # number of inhibitory neurons
epsilon = 0.02  # connection probability

virtual_processes = 1  # number of virtual processes to use


def compute_rate(sr):
    """Average rate per recorded neuron in Hz (benchmark.sli's ComputeRate)."""
    nspikes = sr.n_events
    nnrn = Nrec / nest.NumProcesses()
    return nspikes / (nnrn * simtime) * 1000.0


# ---- construction (benchmark.sli, BuildNetwork) --------------------------------------------------------------
nest.ResetKernel()
nest.SetKernelStatus({"resolution": dt, "total_num_virtual_procs": virtual_processes})

tic = time.time()

nest.SetDefaults(model, model_params)

print("Creating excitatory population.")
E_neurons = nest.Create(model, NE)

print("Creating inhibitory population.")
I_neurons = nest.Create(model, NI)

print("Creating excitatory stimulus generator.")
E_stimulus = nest.Create(stimulus)
E_stimulus.set(stimulus_params)

# one recorder would be enough, but recording the populations separately saves sorting work later
print("Creating excitatory spike recorder.")
E_recorder = nest.Create(recorder)
E_recorder.set(recorder_params)

print("Creating inhibitory spike recorder.")
I_recorder = nest.Create(recorder)
I_recorder.set(recorder_params)

allNeurons = E_neurons + I_neurons
N = len(allNeurons)

CE = int(round(NE * epsilon))  # number of incoming excitatory connections
CI = int(round(NI * epsilon))  # number of incoming inhibitory connections

# number of synapses---just so we know
Nsyn = (CE + CI) * N + Nrec * 2 + Nstim

# custom synapse types for the excitatory and inhibitory connections
nest.SetDefaults("static_synapse", {"delay": delay})
nest.CopyModel("static_synapse", "syn_ex", E_synapse_params)
nest.CopyModel("static_synapse", "syn_in", I_synapse_params)

print("Connecting excitatory population.")
nest.Connect(E_neurons, E_neurons, {"rule": "fixed_indegree", "indegree": CE}, "syn_ex")  # E -> E
nest.Connect(I_neurons, E_neurons, {"rule": "fixed_indegree", "indegree": CI}, "syn_in")  # I -> E

print("Connecting inhibitory population.")
nest.Connect(E_neurons, I_neurons, {"rule": "fixed_indegree", "indegree": CE}, "syn_ex")  # E -> I
nest.Connect(I_neurons, I_neurons, {"rule": "fixed_indegree", "indegree": CI}, "syn_in")  # I -> I

print("Connecting Poisson stimulus.")
nest.Connect(E_stimulus, E_neurons[:Nstim], "all_to_all", "syn_ex")

# the recorders watch the first Nrec neurons of each population; since connectivity is homogeneously
# random, this is equivalent to picking Nrec neurons at random
print("Connecting spike recorders.")
nest.Connect(E_neurons[:Nrec], E_recorder)
nest.Connect(I_neurons[:Nrec], I_recorder)

BuildCPUTime = time.time() - tic

# ---- simulation (benchmark.sli, RunSimulation) ---------------------------------------------------------------
tic = time.time()
print("Simulating...")
nest.Simulate(simtime)
SimCPUTime = time.time() - tic

print("Simulation summary")
print("Number of Neurons : %d" % N)
print("Number of Synapses: %d" % Nsyn)
print("Excitatory spikes : %d" % E_recorder.n_events)
print("Inhibitory spikes : %d" % I_recorder.n_events)
print("Excitatory rate   : %g Hz" % compute_rate(E_recorder))
print("Inhibitory rate   : %g Hz" % compute_rate(I_recorder))
print("Building time     : %.2f s" % BuildCPUTime)
print("Simulation time   : %.2f s\n" % SimCPUTime)
