"""Simulation parameters of the EI-clustered network (as in NEST 3.9's sim_params.py)."""
sim_dict = {
    "warmup": 1000.0,  # ms, discarded
    "simtime": 10000.0,  # ms, analysed
    "dt": 0.1,  # ms
    "randseed": 55,
    "n_vp": 4,  # local_num_threads
}
