"""mat2_psc_exp: a neuron with a multi-timescale adaptive threshold (Kobayashi et al. 2009).

NEST 3.9 has no PyNEST example script of this name; this is an original example in PyNEST style.
A mat2_psc_exp neuron receives three current steps of increasing amplitude and excitatory and
inhibitory Poisson input; a multimeter records the membrane potential and the adaptive threshold
V_th, whose jumps after each spike decay with the two time constants tau_1 and tau_2. The script
prints the number of spikes during each current step: adaptation makes the rate grow less than
the current.
"""
import matplotlib.pyplot as plt
import nest

nest.ResetKernel()
nest.rng_seed = 1

neuron = nest.Create("mat2_psc_exp")  # NEST's defaults: the regular-spiking parameters of Kobayashi et al.
steps = nest.Create("step_current_generator", params={"amplitude_times": [100.0, 400.0, 700.0, 1000.0],
                                                       "amplitude_values": [500.0, 700.0, 900.0, 0.0]})
noise = nest.Create("poisson_generator", 2, params=[{"rate": 5000.0}, {"rate": 2000.0}])
mm = nest.Create("multimeter", params={"record_from": ["V_m", "V_th"], "interval": 0.1})
sr = nest.Create("spike_recorder")

nest.Connect(steps, neuron)
nest.Connect(noise, neuron, syn_spec={"weight": [[10.0, -10.0]], "delay": 1.0})
nest.Connect(mm, neuron)
nest.Connect(neuron, sr)

nest.Simulate(1100.0)

t = sr.events["times"]
for lo, hi, amp in ((100.0, 400.0, 500.0), (400.0, 700.0, 700.0), (700.0, 1000.0, 900.0)):
    n = int(((t > lo) & (t <= hi)).sum())
    print(f"I = {amp:5.1f} pA: {n:3d} spikes, {n / ((hi - lo) / 1000.0):5.1f} spikes/s")

ev = mm.events
fig, ax = plt.subplots(2, 1, sharex=True)
ax[0].plot(ev["times"], ev["V_m"], label="V_m")
ax[0].plot(ev["times"], ev["V_th"], label="V_th")
ax[0].set_ylabel("mV")
ax[0].legend()
ax[1].plot(t, [1] * len(t), "|")
ax[1].set_xlabel("time (ms)")
plt.show()
