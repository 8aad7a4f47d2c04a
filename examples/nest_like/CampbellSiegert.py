"""Campbell's theorem and Siegert's formula against simulated iaf_psc_alpha neurons.

Port of pynest/examples/CampbellSiegert.py (NEST 3.9): Poisson input of 10000 spikes/s with PSP
amplitude 0.1 mV (the weight J is found from the alpha-PSP peak by scipy's fmin) drives 10
iaf_psc_alpha neurons (C_m 250 pF, tau_m 10 ms, tau_syn_ex 0.5 ms, V_th -55 mV, t_ref 2 ms) and one
neuron without threshold for 20 s. Prints the free membrane potential's mean and variance
(simulated / Campbell's theorem) and the firing rate (simulated / Siegert's formula).

Differences: none in the network, the calls or the printed lines. The simulated values differ
from NEST's in the random part only (nestj's Poisson streams are not NEST's); NEST 3.9 prints
mean -57.794 / -57.819 mV, variance 0.681 / 0.690 mV^2, rate 0.185 / 0.290 spikes/s.
"""
import nest
import numpy as np
from scipy.optimize import fmin
from scipy.special import erf

weights = [0.1]  # (mV) PSP amplitudes
rates = [10000.0]  # (1/s) rates of the Poisson sources
C_m = 250.0  # (pF)
E_L = -70.0  # (mV)
I_e = 0.0  # (nA)
V_reset = -70.0  # (mV)
V_th = -55.0  # (mV)
t_ref = 2.0  # (ms)
tau_m = 10.0  # (ms)
tau_syn_ex = 0.5  # (ms)
tau_syn_in = 2.0  # (ms)
simtime = 20000  # (ms)
n_neurons = 10

pF = 1e-12
ms = 1e-3
pA = 1e-12
mV = 1e-3

mu = 0.0
sigma2 = 0.0
J = []

assert len(weights) == len(rates)

for rate, weight in zip(rates, weights):
    tau_syn = tau_syn_ex if weight > 0 else tau_syn_in
    ts, tm, cm = tau_syn * ms, tau_m * ms, C_m * pF

    def psp(x):
        """Minus the PSP of a unit alpha current (so that fmin finds its peak)."""
        a = 1 / ts - 1 / tm
        return -(cm / ts * (1 / cm) * (np.exp(1) / ts)
                 * ((-x * np.exp(-x / ts)) / a + (np.exp(-x / tm) - np.exp(-x / ts)) / a ** 2))

    min_result = fmin(psp, [0], full_output=1, disp=0)
    fudge = -1.0 / min_result[1]  # 1 / peak of the unit PSP
    J.append(C_m * weight / tau_syn * fudge)

    # Campbell's theorem: mean and variance of the shot noise
    mu += rate * (J[-1] * pA) * ts * np.exp(1) * tm / cm
    sigma2 += rate * (2 * tm + ts) * (J[-1] * pA * ts * np.exp(1) * tm / (2 * cm * (tm + ts))) ** 2

mu += E_L * mV
sigma = np.sqrt(sigma2)

# Siegert's formula for the rate of a leaky integrate-and-fire neuron with diffusive input
num_iterations = 100
upper = (V_th * mV - mu) / (sigma * np.sqrt(2))
lower = (E_L * mV - mu) / (sigma * np.sqrt(2))
interval = (upper - lower) / num_iterations
tmpsum = 0.0
for cu in range(0, num_iterations + 1):
    u = lower + cu * interval
    tmpsum += interval * np.sqrt(np.pi) * np.exp(u ** 2) * (1 + erf(u))
r = 1.0 / (t_ref * ms + tau_m * ms * tmpsum)

nest.ResetKernel()
nest.set_verbosity("M_WARNING")
neurondict = {"V_th": V_th, "tau_m": tau_m, "tau_syn_ex": tau_syn_ex, "tau_syn_in": tau_syn_in, "C_m": C_m,
              "E_L": E_L, "t_ref": t_ref, "V_m": E_L, "V_reset": E_L}

n = nest.Create("iaf_psc_alpha", n_neurons, params=neurondict)
n_free = nest.Create("iaf_psc_alpha", params=dict(neurondict, V_th=1e12))
pg = nest.Create("poisson_generator", len(rates), {"rate": rates})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")

# one weight per (neuron, source): a 10 x 1 array for all_to_all
nest.Connect(pg, n, syn_spec={"weight": np.tile(J, (n_neurons, 1)), "delay": 0.1})
nest.Connect(pg, n_free, syn_spec={"weight": [J]})
nest.Connect(vm, n_free)
nest.Connect(n, sr)

nest.Simulate(simtime)

v_free = vm.events["V_m"]
Nskip = 500
print(f"mean membrane potential (actual / calculated): {np.mean(v_free[Nskip:])} / {mu * 1000}")
print(f"variance (actual / calculated): {np.var(v_free[Nskip:])} / {sigma2 * 1e6}")
print(f"firing rate (actual / calculated): {sr.n_events / (n_neurons * simtime * ms)} / {r}")
