"""Stimulation of the EI-clustered network (as in NEST 3.9's stimulus_params.py): a step current of
0.15 pA into the excitatory populations of clusters 2, 3 and 4 in [2000, 3500) and [6000, 7500) ms
(after the warm-up)."""
stim_dict = {
    "stim_clusters": [2, 3, 4],
    "stim_amp": 0.15,
    "stim_starts": [2000, 6000],
    "stim_ends": [3500, 7500],
}
