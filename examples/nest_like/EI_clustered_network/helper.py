"""Helpers of the EI-clustered network: PSP amplitudes, balanced weights, rheobase, raster plot
(the formulas of NEST 3.9's helper.py)."""
import matplotlib.pyplot as plt
import numpy as np


def postsynaptic_current_to_potential(tau_m, tau_syn, c_m=1.0, e_l=0.0):
    """Peak PSP (mV) of a unit exponential PSC in a leaky integrator."""
    tmax = np.log(tau_syn / tau_m) / (1 / tau_m - 1 / tau_syn)
    pre = tau_m * tau_syn / c_m / (tau_syn - tau_m)
    return (e_l - pre) * np.exp(-tmax / tau_m) + pre * np.exp(-tmax / tau_syn)


def calculate_RBN_weights(params):
    """Weights (before the 1/sqrt(N) scaling) of a balanced random network: js[post, pre]."""
    N_E, N_I = params["N_E"], params["N_I"]
    N = N_E + N_I
    p = params["baseline_conn_prob"]
    amp = {(q, r): postsynaptic_current_to_potential(params["tau_E" if q == 0 else "tau_I"],
                                                     params["tau_syn_ex" if r == 0 else "tau_syn_in"])
           for q in (0, 1) for r in (0, 1)}
    js = np.zeros((2, 2))
    K_EE = N_E * p[0, 0]
    js[0, 0] = (params["V_th_E"] - params["E_L"]) * K_EE ** (-0.5) * N ** 0.5 / amp[0, 0]
    js[0, 1] = -params["gei"] * js[0, 0] * p[0, 0] * N_E * amp[0, 0] / (p[0, 1] * N_I * amp[0, 1])
    K_IE = N_E * p[1, 0]
    js[1, 0] = params["gie"] * (params["V_th_I"] - params["E_L"]) * K_IE ** (-0.5) * N ** 0.5 / amp[1, 0]
    js[1, 1] = -params["gii"] * js[1, 0] * p[1, 0] * N_E * amp[1, 0] / (p[1, 1] * N_I * amp[1, 1])
    return js


def rheobase_current(tau_m, e_l, v_th, c_m):
    """Current that brings a leaky integrator exactly to threshold."""
    return (v_th - e_l) * c_m / tau_m


def raster_plot(spiketimes, tlim=None, colorgroups=None, ax=None, markersize=0.5):
    """Raster of spiketimes (row 0: times, row 1: neuron index); colorgroups: (color, start, stop)."""
    if ax is None:
        _, ax = plt.subplots()
    if tlim is None:
        tlim = [min(spiketimes[0]), max(spiketimes[0])]
    if colorgroups is None:
        colorgroups = [("k", 0, max(spiketimes[1]))]
    for color, start, stop in colorgroups:
        sel = np.logical_and(spiketimes[1] >= start, spiketimes[1] < stop)
        ax.plot(spiketimes[0][sel], spiketimes[1][sel], color=color, marker=".", linestyle="None",
                markersize=markersize)
    ax.set_xlim(tlim)
    ax.set_ylim([0, max(spiketimes[1])])
    ax.set_xlabel("Time [ms]")
    ax.set_ylabel("Neuron ID")
    return ax
