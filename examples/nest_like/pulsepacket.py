"""Membrane potentials driven by pulse packets, compared with the analytical expectation.

Port of pynest/examples/pulsepacket.py (NEST 3.9): 100 iaf_psc_alpha neurons (threshold at
infinity, so they never fire) each receive one pulse packet of 100 spikes (sdev 10 ms, centred at
500 ms, weight 0.1 pA) from their own pulsepacket_generator; a voltmeter samples every 1 ms. The
analytical mean potential is the pulse's Gaussian convolved with the PSP kernel, whose peak time
comes from the Lambert W function (scipy). Same network, parameters and calls. Differences: the
spike times in the packets come from nestj's random streams.
"""
import matplotlib.pyplot as plt
import nest
import numpy
import scipy.special as sp

# parameters
a = 100  # spikes per pulse packet
sdev = 10.0  # packet width (ms)
weight = 0.1  # PSP amplitude (mV)
pulsetime = 500.0  # packet centre (ms)
n_neurons = 100
cm = 200.0  # membrane capacitance (pF)
tau_s = 0.5  # synaptic time constant (ms)
tau_m = 20.0  # membrane time constant (ms)
V0 = 0.0  # resting potential (mV)
Vth = numpy.inf  # no spikes
simtime = 1000.0  # ms
simulation_resolution = 0.1  # ms
sampling_resolution = 1.0  # voltmeter interval (ms)
convolution_resolution = 1.0  # grid of the analytical solution (ms)

# SI units for the analytical part
Cm = cm * 1e-12
Weight = weight * 1e-12
Tau_s = tau_s * 1e-3
Tau_m = tau_m * 1e-3
Sdev = sdev * 1e-3
Convolution_resolution = convolution_resolution * 1e-3


def make_psp(Time, Tau_s, Tau_m, Cm, Weight):
    """PSP of an alpha-shaped current of the given weight (mV), at times Time (s)."""
    k1 = 1 / Tau_s - 1 / Tau_m
    e_s = numpy.exp(-Time / Tau_s)
    e_m = numpy.exp(-Time / Tau_m)
    PSP = Weight / Cm * numpy.exp(1) / Tau_s * (((-Time * e_s) / k1) + (e_m - e_s) / k1**2)
    return PSP * 1e3


def LambertWm1(x):
    """Lower branch of Lambert's W for negative x (GSL's gsl_sf_lambert_Wm1)."""
    return sp.lambertw(x, k=-1 if x < 0 else 0).real


def find_loc_pspmax(tau_s, tau_m):
    """Time of the PSP maximum (s) for time constants in ms."""
    var = tau_m / tau_s
    lam = LambertWm1(-numpy.exp(-1 / var) / var)
    return (-var * lam - 1) / var / (1 / tau_s - 1 / tau_m) * 1e-3


# analytical mean potential: Gaussian packet convolved with the normalised PSP
sig = Sdev
mu = 0.0
x = numpy.arange(-4 * sig, 4 * sig, Convolution_resolution)
gauss = 1 / (sig * numpy.sqrt(2 * numpy.pi)) * numpy.exp(-((x - mu) ** 2) / (sig**2 * 2)) * Convolution_resolution

t_psp = numpy.arange(0, 10 * (Tau_m + Tau_s), Convolution_resolution)
psp = make_psp(t_psp, Tau_s, Tau_m, Cm, Weight)
t_pspmax = find_loc_pspmax(Tau_s, Tau_m)
psp_amp = make_psp(t_pspmax, Tau_s, Tau_m, Cm, Weight)
psp_norm = numpy.pad(psp / psp_amp, [len(psp) - 1, 1], mode="constant")

U = a * psp_amp * numpy.convolve(gauss, psp_norm)
ulen = len(U)
t_U = convolution_resolution * numpy.linspace(-ulen / 2.0, ulen / 2.0, ulen) + pulsetime + 1.0

# the simulation
nest.ResetKernel()
nest.set_verbosity("M_WARNING")
nest.resolution = simulation_resolution

neuron_pars = {"V_th": Vth, "tau_m": tau_m, "tau_syn_ex": tau_s, "C_m": cm, "E_L": V0, "V_reset": V0, "V_m": V0}
neurons = nest.Create("iaf_psc_alpha", n_neurons, neuron_pars)
ppgs = nest.Create("pulsepacket_generator", n_neurons, {"pulse_times": [pulsetime], "activity": a, "sdev": sdev})
vm = nest.Create("voltmeter", params={"interval": sampling_resolution})

nest.Connect(ppgs, neurons, "one_to_one", syn_spec={"weight": weight})
nest.Connect(vm, neurons, syn_spec={"weight": weight})

nest.Simulate(simtime)

Vm = vm.get("events", "V_m")
times = vm.get("events", "times")
senders = vm.get("events", "senders")

plt.plot(t_U, U + V0, "r", lw=2, zorder=3, label="analytical solution")
Vm_single = [Vm[senders == nrn.global_id] for nrn in neurons]
simtimes = numpy.arange(1, simtime)
for k in range(n_neurons):
    plt.plot(simtimes, Vm_single[k], "gray", zorder=1, label="single potentials" if k == 0 else None)
Vm_average = numpy.mean(Vm_single, axis=0)
plt.plot(simtimes, Vm_average, "b", lw=4, zorder=2, label="averaged potential")
plt.legend()
plt.xlabel("time (ms)")
plt.ylabel("membrane potential (mV)")
plt.xlim((-5 * (tau_m + tau_s) + pulsetime, 10 * (tau_m + tau_s) + pulsetime))
plt.show()
