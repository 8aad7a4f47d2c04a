"""A Poisson generator switched on for the same window in each of several trials, by moving its
origin to the start of each trial.

Port of pynest/examples/repeated_stimulation.py (NEST 3.9). Differences: none in the simulation;
the number of recorded spikes per trial is printed.
"""
import matplotlib.pyplot as plt
import nest
import nest.raster_plot

rate = 1000.0  # spikes/s
start = 100.0  # ms after trial start
stop = 500.0  # ms after trial start
trial_duration = 1000.0  # ms
num_trials = 5

nest.ResetKernel()

pg = nest.Create("poisson_generator", params={"rate": rate, "start": start, "stop": stop})
sr = nest.Create("spike_recorder")
nest.Connect(pg, sr)

for n in range(num_trials):
    pg.origin = nest.biological_time
    nest.Simulate(trial_duration)

print("Spikes per trial: %.1f" % (sr.n_events / num_trials))

nest.raster_plot.from_device(sr, hist=True, hist_binwidth=100.0, title="Repeated stimulation by Poisson generator")
plt.show()
