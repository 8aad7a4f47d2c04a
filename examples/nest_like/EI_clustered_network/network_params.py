"""Network parameters of the EI-clustered network (as in NEST 3.9's network_params.py)."""
import numpy as np

net_dict = {
    "neuron_type": "iaf_psc_exp",
    "E_L": 0.0,  # mV
    "C_m": 1.0,  # pF
    "tau_E": 20.0,  # ms, excitatory membrane time constant
    "tau_I": 10.0,  # ms, inhibitory membrane time constant
    "t_ref": 5.0,  # ms
    "V_th_E": 20.0,  # mV
    "V_th_I": 20.0,  # mV
    "V_r": 0.0,  # mV
    "tau_syn_ex": 5.0,  # ms
    "tau_syn_in": 5.0,  # ms
    "delay": 0.1,  # ms
    "I_th_E": 1.25,  # background current in units of the rheobase
    "I_th_I": 0.78,
    "delta_I_xE": 0.0,  # relative spread of the background currents
    "delta_I_xI": 0.0,
    "V_m": "rand",  # initial V_m: V_th - 20 * lognormal(0, 1)
    "N_E": 4000,
    "N_I": 1000,
    "n_clusters": 20,
    "baseline_conn_prob": np.array([[0.2, 0.5], [0.5, 0.5]]),  # [post, pre]: EE, EI / IE, II
    "gei": 1.2,
    "gie": 1.0,
    "gii": 1.0,
    "s": 1.0,  # scale of all weights
    "fixed_indegree": False,
    "clustering": "weight",  # or "probabilities"
    "rj": 0.82,  # relative clustering of the inhibitory weights
    "rep": 6.0,  # clustering factor of the excitatory weights
}
