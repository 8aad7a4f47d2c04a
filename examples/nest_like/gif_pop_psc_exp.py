"""Mesoscopic (gif_pop_psc_exp) versus microscopic (gif_psc_exp) simulation of an E-I network of GIF neurons.

Port of pynest/examples/gif_pop_psc_exp.py (NEST 3.9), after Schwalger et al. (2017). Two populations of
800 excitatory and 200 inhibitory generalized integrate-and-fire neurons (escape noise c = 10/s,
Delta_u = 2.5 mV, two threshold-adaptation kernels of 100 and 1000 ms) are connected with probability 0.2
and delay 1 ms; a step current raises the drive by 20 mV at 1500 ms. First each population is one
gif_pop_psc_exp node (resolution 0.5 ms, 2000.5 ms simulated): a multimeter records n_events and mean every
1 ms, spike recorders (time_in_steps) the population spikes; figure 1 shows A_N and Abar. Then the same
network is built from 1000 gif_psc_exp neurons (fixed_indegree connections, rng_seed 1); figure 2 shows
the excitatory population activity and figure 3 the membrane potentials of five excitatory neurons.
Same parameters and calls as upstream (including its repeated set of the step-current parameters).
Differences: the random draws come from nestj's streams, so spike trains and activities differ from NEST's
within their statistical spread.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

# simulation and population parameters
dt = 0.5
dt_rec = 1.0
t_end = 2000.0

size = 200
N = np.array([4, 1]) * size
M = len(N)  # number of populations

# neuronal parameters (one value per population)
t_ref = 4.0 * np.ones(M)  # absolute refractory period (ms)
tau_m = 20 * np.ones(M)  # membrane time constant (ms)
mu = 24.0 * np.ones(M)  # constant base drive R*(I0 + V_rest) (mV)
c = 10.0 * np.ones(M)  # base rate of the exponential link function (1/s)
Delta_u = 2.5 * np.ones(M)  # softness of the link function (mV)
V_reset = 0.0 * np.ones(M)
V_th = 15.0 * np.ones(M)  # baseline threshold (mV)

# threshold adaptation: time constants (ms) and kernel sizes (mV*ms)
tau_sfa_exc = [100.0, 1000.0]
tau_sfa_inh = [100.0, 1000.0]
J_sfa_exc = [1000.0, 1000.0]
J_sfa_inh = [1000.0, 1000.0]
tau_theta = np.array([tau_sfa_exc, tau_sfa_inh])
J_theta = np.array([J_sfa_exc, J_sfa_inh])

# connectivity
J = 0.3  # excitatory weight (mV) for the reference numbers of inputs C0
g = 5.0  # inhibition/excitation ratio
pconn = 0.2 * np.ones((M, M))
delay = 1.0 * np.ones((M, M))
C0 = np.array([[800, 200], [800, 200]]) * 0.2  # reference numbers of inputs
C = np.vstack((N, N)) * pconn  # actual numbers of inputs
J_syn = np.array([[J, -g * J], [J, -g * J]]) * C0 / C

taus1_ = [3.0, 6.0]  # synaptic time constants (exc., inh.)
taus1 = np.array([taus1_ for k in range(M)])

# step input: +20 mV at 1500 ms in both populations
step = [[20.0], [20.0]]
tstep = np.array([[1500.0], [1500.0]])

tau_ex = 3.0
tau_in = 6.0

# ---------------------------------------------------------------- mesoscopic simulation
nest.set_verbosity("M_WARNING")
nest.ResetKernel()
nest.resolution = dt
nest.print_time = True
nest.local_num_threads = 1

t0 = nest.biological_time

nest_pops = nest.Create("gif_pop_psc_exp", M)

C_m = 250.0  # cancels out
g_L = C_m / tau_m
params = [
    {
        "C_m": C_m,
        "I_e": mu[i] * g_L[i],
        "lambda_0": c[i],
        "Delta_V": Delta_u[i],
        "tau_m": tau_m[i],
        "tau_sfa": tau_theta[i],
        "q_sfa": J_theta[i] / tau_theta[i],  # mV*ms -> mV
        "V_T_star": V_th[i],
        "V_reset": V_reset[i],
        "len_kernel": -1,  # automatic history length
        "N": N[i],
        "t_ref": t_ref[i],
        "tau_syn_ex": max([tau_ex, dt]),
        "tau_syn_in": max([tau_in, dt]),
        "E_L": 0.0,
    }
    for i in range(M)
]
nest_pops.set(params)

# weights in pA: PSP sizes times C_m / tau_syn
g_syn = np.ones_like(J_syn)
g_syn[:, 0] = C_m / tau_ex
g_syn[:, 1] = C_m / tau_in
for i in range(M):
    for j in range(M):
        nest.Connect(
            nest_pops[j],
            nest_pops[i],
            syn_spec={"weight": J_syn[i, j] * g_syn[i, j] * pconn[i, j], "delay": delay[i, j]},
        )

nest_mm = nest.Create("multimeter")
nest_mm.set(record_from=["n_events", "mean"], interval=dt_rec)
nest.Connect(nest_mm, nest_pops)

nest_sr = []
for i in range(M):
    nest_sr.append(nest.Create("spike_recorder"))
    nest_sr[i].time_in_steps = True
    nest.Connect(nest_pops[i], nest_sr[i], syn_spec={"weight": 1.0, "delay": dt})

# the step current starts at dt with amplitude 0
tstep = np.hstack((dt * np.ones((M, 1)), tstep))
step = np.hstack((np.zeros((M, 1)), step))

nest_stepcurrent = nest.Create("step_current_generator", M)
for i in range(M):
    nest_stepcurrent[i].set(amplitude_times=tstep[i] + t0, amplitude_values=step[i] * g_L[i], origin=t0, stop=t_end)
    nest.Connect(nest_stepcurrent[i], nest_pops[i], syn_spec={"weight": 1.0, "delay": dt})

nest.rng_seed = 1

t = np.arange(0.0, t_end, dt_rec)
A_N = np.ones((t.size, M)) * np.nan
Abar = np.ones_like(A_N) * np.nan

nest.Simulate(t_end + dt)  # one step longer so that every t is simulated

data_mm = nest_mm.events
for i, nest_i in enumerate(nest_pops):
    a = data_mm["mean"][data_mm["senders"] == nest_i.global_id] / N[i] / dt
    n = np.min([len(a), len(Abar)])
    Abar[:n, i] = a[:n]

    times = nest_sr[i].get("events", "times") * dt - t0
    bins = np.concatenate((t, np.array([t[-1] + dt_rec])))
    A_N[:, i] = np.histogram(times, bins=bins)[0] / float(N[i]) / dt_rec

plt.figure(1)
plt.clf()
plt.subplot(2, 1, 1)
plt.plot(t, A_N * 1000)  # spikes/s
plt.ylabel(r"$A_N$ [spks/s]")
plt.title("Population activities (mesoscopic sim.)")
plt.subplot(2, 1, 2)
plt.plot(t, Abar * 1000)
plt.ylabel(r"$\bar A$ [spks/s]")
plt.xlabel("time [ms]")

# ---------------------------------------------------------------- microscopic simulation
nest.ResetKernel()
nest.resolution = dt
nest.print_time = True
nest.local_num_threads = 1

t0 = nest.biological_time

nest_pops = []
for k in range(M):
    nest_pops.append(nest.Create("gif_psc_exp", N[k]))

for i in range(M):
    nest_pops[i].set(
        C_m=C_m,
        I_e=mu[i] * g_L[i],
        lambda_0=c[i],
        Delta_V=Delta_u[i],
        g_L=g_L[i],
        tau_sfa=tau_theta[i],
        q_sfa=J_theta[i] / tau_theta[i],
        V_T_star=V_th[i],
        V_reset=V_reset[i],
        t_ref=t_ref[i],
        tau_syn_ex=max([tau_ex, dt]),
        tau_syn_in=max([tau_in, dt]),
        E_L=0.0,
        V_m=0.0,
    )

for i, nest_i in enumerate(nest_pops):
    for j, nest_j in enumerate(nest_pops):
        if np.allclose(pconn[i, j], 1.0):
            conn_spec = {"rule": "all_to_all"}
        else:
            conn_spec = {"rule": "fixed_indegree", "indegree": int(pconn[i, j] * N[j])}
        nest.Connect(nest_j, nest_i, conn_spec, syn_spec={"weight": J_syn[i, j] * g_syn[i, j], "delay": delay[i, j]})

nest_sr = []
for i, nest_i in enumerate(nest_pops):
    nest_sr.append(nest.Create("spike_recorder"))
    nest_sr[i].time_in_steps = True
    nest.Connect(nest_i, nest_sr[i], syn_spec={"weight": 1.0, "delay": dt})

Nrecord = [5, 0]  # the first Nrecord[i] neurons of population i are recorded
nest_mm_Vm = []
for i, nest_i in enumerate(nest_pops):
    nest_mm_Vm.append(nest.Create("multimeter"))
    nest_mm_Vm[i].set(record_from=["V_m"], interval=dt_rec)
    if Nrecord[i] != 0:
        nest.Connect(nest_mm_Vm[i], nest_i[: Nrecord[i]], syn_spec={"weight": 1.0, "delay": dt})

nest_stepcurrent = nest.Create("step_current_generator", M)
for i in range(M):
    # upstream sets these parameters twice; kept
    nest_stepcurrent[i].set(amplitude_times=tstep[i] + t0, amplitude_values=step[i] * g_L[i], origin=t0, stop=t_end)
    nest_stepcurrent[i].set(amplitude_times=tstep[i] + t0, amplitude_values=step[i] * g_L[i], origin=t0, stop=t_end)
    nest.Connect(nest_stepcurrent[i], nest_pops[i], syn_spec={"weight": 1.0, "delay": dt})

nest.rng_seed = 1

t = np.arange(0.0, t_end, dt_rec)
A_N = np.ones((t.size, M)) * np.nan

nest.Simulate(t_end + dt)

for i in range(len(nest_pops)):
    times = nest_sr[i].get("events", "times") * dt - t0
    bins = np.concatenate((t, np.array([t[-1] + dt_rec])))
    A_N[:, i] = np.histogram(times, bins=bins)[0] / float(N[i]) / dt_rec * 1000  # spikes/s

t = np.arange(dt, t_end + dt, dt_rec)
plt.figure(2)
plt.plot(t, A_N[:, 0])
plt.xlabel("time [ms]")
plt.ylabel("population activity [spks/s]")
plt.title("Population activities (microscopic sim.)")

# subthreshold membrane potentials of five excitatory neurons
voltage = []
for i in range(M):
    if Nrecord[i] > 0:
        senders = nest_mm_Vm[i].get("events", "senders")
        v = nest_mm_Vm[i].get("events", "V_m")
        voltage.append(np.array([v[np.where(senders == j)] for j in set(senders)]))
    else:
        voltage.append(np.array([]))

f, axarr = plt.subplots(Nrecord[0], sharex=True)
for i in range(Nrecord[0]):
    axarr[i].plot(voltage[0][i])
    axarr[i].set_yticks((0, 15, 30))
axarr[i].set_xlabel("time [ms]")
axarr[2].set_ylabel("membrane potential [mV]")
axarr[0].set_title("5 example GIF neurons (microscopic sim.)")

plt.show()
