"""Auto- and cross-covariance of two binary neurons measured by a correlospinmatrix_detector.

Port of pynest/examples/correlospinmatrix_detector_two_neuron.py (NEST 3.9). A ginzburg_neuron (theta 0,
tau_m 10 ms, c_1 0, c_2 = 2 m_x = 1, c_3 1: up with probability 1/2 at each update) drives a
mcculloch_pitts_neuron (theta 0.5, tau_m 10 ms) with weight 1; a correlospinmatrix_detector (2 channels,
tau_max 100 ms, Tstart 100 ms, delta_tau 0.1 ms) receives the first neuron on receptor 0 and the second on
receptor 1. After 10^6 ms the mean activities (zero-lag auto-covariance counts times h / T) are printed and
the four covariance functions plotted.
Differences: the upstream script fails under NEST 3.9 with numpy >= 1.24 (np.float was removed) right
after the simulation; this port uses float instead. The binary units draw their update times and states
from nestj's random streams, so the numbers differ from NEST's within statistical spread (both mean
activities close to m_x = 0.5).
"""
import matplotlib.pyplot as plt
import nest
import numpy as np

m_x = 0.5  # target mean activity of the first neuron
tau_m = 10.0  # mean update interval (ms)
h = 0.1  # resolution (ms)
T = 1000000.0  # simulated time (ms)
tau_max = 100.0  # covariance window (ms)

csd = nest.Create("correlospinmatrix_detector")
csd.set(N_channels=2, tau_max=tau_max, Tstart=tau_max, delta_tau=h)

n1 = nest.Create("ginzburg_neuron")
n1.set(theta=0.0, tau_m=tau_m, c_1=0.0, c_2=2.0 * m_x, c_3=1.0)

n2 = nest.Create("mcculloch_pitts_neuron")
n2.set(theta=0.5, tau_m=tau_m)

nest.Connect(n1, n2, syn_spec={"weight": 1.0})
nest.Connect(n1, csd, syn_spec={"receptor_type": 0})
nest.Connect(n2, csd, syn_spec={"receptor_type": 1})

nest.Simulate(T)

count_covariance = csd.count_covariance

centre = int(tau_max / h)
mean_activities = np.zeros(2, dtype=float)
for i in range(2):
    mean_activities[i] = count_covariance[i][i][centre] * (h / T)

print("mean activities =", mean_activities)

covariance_matrix = np.zeros((2, 2, int(2 * tau_max / h) + 1), dtype=float)
for i in range(2):
    for j in range(2):
        covariance_matrix[i, j] = count_covariance[i][j] * (h / T) - mean_activities[i] * mean_activities[j]

ts = np.arange(-tau_max, tau_max + h, h)

plt.title("auto- and cross covariance functions")
plt.plot(ts, covariance_matrix[0, 1], "r", label=r"$c_{12}$")
plt.plot(ts, covariance_matrix[1, 0], "b", label=r"$c_{21}$")
plt.plot(ts, covariance_matrix[0, 0], "g", label=r"$c_{11}$")
plt.plot(ts, covariance_matrix[1, 1], "y", label=r"$c_{22}$")
plt.xlabel(r"time $t \; \mathrm{ms}$")
plt.ylabel(r"$c$")
plt.legend()
plt.show()
