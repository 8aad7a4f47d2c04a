"""Mean-field fixed point of the Brunel (2000) balanced network with siegert_neuron.

Port of pynest/examples/brunel_siegert_nest.py (NEST 3.9): the excitatory and the inhibitory population
of brunel_delta_nest's network (NE = 10000, NI = 2500, 10% connectivity, J = 0.1 mV, g = 5, eta = 2,
tau_m = 20 ms, theta = 20 mV, t_ref = 2 ms) are each one siegert_neuron; a third one with
mean = the Poisson input rate replaces the external drive. diffusion_connection carries the
population coupling (drift_factor = tau_m C J, diffusion_factor = tau_m C J^2, Hahne et al. 2017
eq. 28/29); the pseudo-time dynamics (their eq. 30) run 50 ms at h = 0.1 ms with waveform relaxation
and settle at the self-consistent rate, which the script prints for both populations.

Differences: none in the network, the calls or the printed lines. NEST 3.9 prints 32.03 spks/s for
both populations; nestj's siegert_neuron reproduces NEST's rate traces to rounding (the parity case
synapses/siegert_diffusion).
"""
import nest
import numpy

nest.ResetKernel()

dt = 0.1  # (ms)
simtime = 50.0  # (ms)

g = 5.0  # inhibitory / excitatory weight
eta = 2.0  # external rate relative to the threshold rate
epsilon = 0.1  # connection probability

order = 2500
NE = 4 * order
NI = 1 * order
CE = int(epsilon * NE)  # excitatory synapses per neuron
CI = int(epsilon * NI)  # inhibitory synapses per neuron

tauMem = 20.0  # (ms)
theta = 20.0  # (mV)
neuron_params = {"tau_m": tauMem, "t_ref": 2.0, "theta": theta, "V_reset": 0.0}

J = 0.1  # (mV) PSP amplitude
J_ex = J
J_in = -g * J_ex
# drift and diffusion factors (Hahne et al. 2017, eq. 28 and 29), time constants in s
drift_factor_ext = tauMem * 1e-3 * J_ex
drift_factor_ex = tauMem * 1e-3 * CE * J_ex
drift_factor_in = tauMem * 1e-3 * CI * J_in
diffusion_factor_ext = tauMem * 1e-3 * J_ex**2
diffusion_factor_ex = tauMem * 1e-3 * CE * J_ex**2
diffusion_factor_in = tauMem * 1e-3 * CI * J_in**2

# external drive: eta times the rate that brings the mean input to threshold
nu_th = theta / (J * CE * tauMem)
nu_ex = eta * nu_th
p_rate = 1000.0 * nu_ex * CE

nest.resolution = dt
nest.print_time = True
nest.overwrite_files = True

print("Building network")

siegert_ex = nest.Create("siegert_neuron", params=neuron_params)
siegert_in = nest.Create("siegert_neuron", params=neuron_params)
siegert_drive = nest.Create("siegert_neuron", params={"mean": p_rate})
multimeter = nest.Create("multimeter", params={"record_from": ["rate"], "interval": dt})

both = siegert_ex + siegert_in
nest.Connect(siegert_drive, both, "all_to_all", {"drift_factor": drift_factor_ext,
                                                 "diffusion_factor": diffusion_factor_ext,
                                                 "synapse_model": "diffusion_connection"})
nest.Connect(multimeter, both)
nest.Connect(siegert_ex, both, "all_to_all", {"drift_factor": drift_factor_ex, "diffusion_factor": diffusion_factor_ex,
                                              "synapse_model": "diffusion_connection"})
nest.Connect(siegert_in, both, "all_to_all", {"drift_factor": drift_factor_in, "diffusion_factor": diffusion_factor_in,
                                              "synapse_model": "diffusion_connection"})

nest.Simulate(simtime)

data = multimeter.events
rates_ex = data["rate"][numpy.where(data["senders"] == siegert_ex.global_id)]
rates_in = data["rate"][numpy.where(data["senders"] == siegert_in.global_id)]
times = data["times"][numpy.where(data["senders"] == siegert_in.global_id)]
print(f"Excitatory rate   : {rates_ex[-1]:.2f} spks/s")
print(f"Inhibitory rate   : {rates_in[-1]:.2f} spks/s")
