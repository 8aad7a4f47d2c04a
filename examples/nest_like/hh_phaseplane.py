"""Numerical (V_m, n) phase-plane analysis of the hh_psc_alpha neuron.

Port of pynest/examples/hh_phaseplane.py (NEST 3.9). After 1000 ms of rest (to read the equilibrium m and h),
I_e = 100 pA is applied and, for every (V_m, n) on the grid V = -100, -98, ..., 40 mV, n = 0.10, 0.11, ..., 0.80,
the state is set (m, h at equilibrium), one 0.1 ms step is simulated and the change of V_m and n is stored;
every tenth point is printed. Then an action-potential trajectory from (V, n) = (-34 mV, 0.2) is followed for
1000 steps of 0.1 ms (m, h reset to equilibrium before each step, every tenth state printed), the nullclines
are located and the vector field, nullclines and trajectory are plotted.
Differences: none in the simulation; the printed lines are the upstream script's, in the same order and format.
"""
import nest
import numpy as np
from matplotlib import pyplot as plt

amplitude = 100.0  # pA
dt = 0.1  # ms
V_vec = np.arange(-100.0, 42.0, 2.0)
n_vec = np.arange(0.1, 0.81, 0.01)

nest.ResetKernel()
nest.set_verbosity("M_ERROR")
nest.resolution = dt

neuron = nest.Create("hh_psc_alpha")
nest.Simulate(1000)
m_eq = neuron.Act_m
h_eq = neuron.Inact_h
neuron.I_e = amplitude

print("Scanning phase space")
dV = np.zeros([len(n_vec), len(V_vec)])
dn = np.zeros([len(n_vec), len(V_vec)])
field = np.zeros([len(n_vec) * len(V_vec), 4])
k = 0
for i, V in enumerate(V_vec):
    for j, n in enumerate(n_vec):
        neuron.set(V_m=V, Act_n=n, Act_m=m_eq, Inact_h=h_eq)
        v_before, n_before = neuron.V_m, neuron.Act_n
        nest.Simulate(dt)
        v_change = neuron.V_m - V
        n_change = neuron.Act_n - n
        dV[j, i] = abs(v_change)
        dn[j, i] = abs(n_change)
        field[k] = np.array([v_before, n_before, v_change, n_change])
        if k % 10 == 0:
            print("")
            print("Vm:  \t", v_before)
            print("new Vm:\t", v_change)
            print("Act_n:", n_before)
            print("new Act_n:", n_change)
        k += 1

neuron.set(V_m=-34.0, Act_n=0.2, Act_m=m_eq, Inact_h=h_eq)
print("")
print("AP-trajectory")
trajectory = np.zeros([1000, 2])
for i in range(1000):
    v_now, n_now = neuron.V_m, neuron.Act_n
    if i % 10 == 0:
        print("Vm: \t", v_now)
        print("Act_n:", n_now)
    trajectory[i] = np.array([v_now, n_now])
    neuron.set(Act_m=m_eq, Inact_h=h_eq)
    nest.Simulate(dt)

print("")
print("Plot analysis")
nullcline_V = []
nullcline_n = []
print("Searching nullclines")
# as upstream: rows i of the (n, V) matrices, indexed by V position
for i in range(len(V_vec)):
    idx = np.nanargmin(dV[:][i])
    if idx != 0 and idx != len(n_vec):
        nullcline_V.append([V_vec[i], n_vec[idx]])
    idx = np.nanargmin(dn[:][i])
    if idx != 0 and idx != len(n_vec):
        nullcline_n.append([V_vec[i], n_vec[idx]])

print("Plotting vector field")
scale = 0.1
for i in range(0, np.shape(field)[0], 3):
    plt.plot(
        [field[i][0], field[i][0] + scale * field[i][2]],
        [field[i][1], field[i][1] + scale * field[i][3]],
        color=[0.6, 0.6, 0.6],
    )
plt.plot(nullcline_V[:][0], nullcline_V[:][1], linewidth=2.0)
plt.plot(nullcline_n[:][0], nullcline_n[:][1], linewidth=2.0)
plt.xlim([V_vec[0], V_vec[-1]])
plt.ylim([n_vec[0], n_vec[-1]])
plt.plot(trajectory[:][0], trajectory[:][1], color="black", linewidth=1.0)
plt.xlabel("Membrane potential V [mV]")
plt.ylabel("Inactivation variable n")
plt.title("Phase space of the Hodgkin-Huxley Neuron")
plt.show()
