"""Three-compartment neuron iaf_cond_alpha_mc driven compartment by compartment.

Port of pynest/examples/mc_neuron.py (NEST 3.9). Prints the model's receptor types and recordables, then
stimulates a neuron (V_th = -60 mV, V_reset = -65 mV, t_ref = 10 ms, g_sp = 5 nS, soma g_L = 12 nS, proximal
tau_syn_ex/in = 1/5 ms, distal C_m = 90 pF) with one dc_generator per compartment (distal 100 pA in [50, 100),
proximal -50 pA in [150, 200), soma 50 pA in [250, 300) ms) and one excitatory and one inhibitory
spike_generator per compartment (distal 400-430, proximal 500-530, soma 600-630 ms). After 700 ms the somatic
I_e is set to 150 pA and 300 ms more are simulated; membrane potentials and conductances of all compartments
are plotted.
Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest

nest.ResetKernel()

receptors = nest.GetDefaults("iaf_cond_alpha_mc")["receptor_types"]
print(f"iaf_cond_alpha_mc receptor_types: {receptors}")
recordables = nest.GetDefaults("iaf_cond_alpha_mc")["recordables"]
print(f"iaf_cond_alpha_mc recordables   : {recordables}")

neuron = nest.Create(
    "iaf_cond_alpha_mc",
    params={
        "V_th": -60.0,
        "V_reset": -65.0,
        "t_ref": 10.0,
        "g_sp": 5.0,
        "soma": {"g_L": 12.0},
        "proximal": {"tau_syn_ex": 1.0, "tau_syn_in": 5.0},
        "distal": {"C_m": 90.0},
    },
)

mm = nest.Create("multimeter", params={"record_from": recordables, "interval": 0.1})
nest.Connect(mm, neuron)

# current steps: soma, proximal, distal (applied in reverse order in time)
currents = nest.Create("dc_generator", 3)
currents[0].set(start=250.0, stop=300.0, amplitude=50.0)
currents[1].set(start=150.0, stop=200.0, amplitude=-50.0)
currents[2].set(start=50.0, stop=100.0, amplitude=100.0)
for gen, port in zip(currents, ("soma_curr", "proximal_curr", "distal_curr")):
    nest.Connect(gen, neuron, syn_spec={"receptor_type": receptors[port]})

# spike pairs: excitatory then inhibitory, per compartment
spikes = nest.Create("spike_generator", 6)
spikes[0].spike_times = [600.0, 620.0]
spikes[1].spike_times = [610.0, 630.0]
spikes[2].spike_times = [500.0, 520.0]
spikes[3].spike_times = [510.0, 530.0]
spikes[4].spike_times = [400.0, 420.0]
spikes[5].spike_times = [410.0, 430.0]
ports = ("soma_exc", "soma_inh", "proximal_exc", "proximal_inh", "distal_exc", "distal_inh")
for gen, port in zip(spikes, ports):
    nest.Connect(gen, neuron, syn_spec={"receptor_type": receptors[port]})

nest.Simulate(700)

neuron.soma = {"I_e": 150.0}  # make the soma fire
nest.Simulate(300)

ev = mm.events
t = ev["times"]

plt.figure()
plt.subplot(211)
plt.plot(t, ev["V_m.s"], t, ev["V_m.p"], t, ev["V_m.d"])
plt.legend(("Soma", "Proximal dendrite", "Distal dendrite"), loc="lower right")
plt.axis([0, 1000, -76, -59])
plt.ylabel("Membrane potential [mV]")
plt.title("Responses of iaf_cond_alpha_mc neuron")

plt.subplot(212)
plt.plot(t, ev["g_ex.s"], "b-", t, ev["g_ex.p"], "g-", t, ev["g_ex.d"], "r-")
plt.plot(t, ev["g_in.s"], "b--", t, ev["g_in.p"], "g--", t, ev["g_in.d"], "r--")
plt.legend(("g_ex.s", "g_ex.p", "g_in.d", "g_in.s", "g_in.p", "g_in.d"))
plt.axis([350, 700, 0, 1.15])
plt.xlabel("Time [ms]")
plt.ylabel("Synaptic conductance [nS]")
plt.show()
