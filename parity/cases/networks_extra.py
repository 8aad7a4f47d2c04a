"""nestj's own parity cases, in the form of the reference suite's case files (CASES = {name: (run(nest),
compare_spec)}, plain PyNEST calls). They await NEST 3.9 recordings: until those exist under
../shared/nest-reference/out/networks_extra/, parity/run_parity.py records nestj's outputs and lists
the cases as NO REF."""
import numpy as np

CASES = {}


def stat(rtol, atol=0.0):
    return {"mode": "stat", "rtol": rtol, "atol": atol}


def brunel_exp_multisynapse_case(order=500, T=1000.0):
    """NEST's brunel_exp_multisynapse_nest.py scaled down (order 500: 2,000 + 500 neurons), every neuron
    recorded: 100 receptor ports with tau_syn 0.1..1.09 ms, each connection (and each neuron's Poisson
    input) on a random port. The upstream log's rates come from 50 neurons per population, whose means
    spread by about 3 spikes/s here; population means settle the comparison."""
    def run(nest):
        nest.rng_seed = 1
        dt, delay, g, eta, epsilon, J = 0.1, 1.5, 5.0, 2.0, 0.1, 0.1
        NE, NI = 4 * order, order
        CE, CI = int(epsilon * NE), int(epsilon * NI)
        tauMem, theta = 20.0, 20.0
        J_ex, J_in = J, -g * J
        nr_ports = 100
        tau_syn = [0.1 + 0.01 * i for i in range(nr_ports)]
        params = {"C_m": 1.0, "tau_m": tauMem, "t_ref": 2.0, "E_L": 0.0, "V_reset": 0.0, "V_m": 0.0,
                  "V_th": theta, "tau_syn": tau_syn}
        nu_th = theta / (J * CE * tauMem)
        p_rate = 1000.0 * eta * nu_th * CE
        nest.resolution = dt
        ne = nest.Create("iaf_psc_exp_multisynapse", NE, params=params)
        ni = nest.Create("iaf_psc_exp_multisynapse", NI, params=params)
        noise = nest.Create("poisson_generator", params={"rate": p_rate})
        sre = nest.Create("spike_recorder")
        sri = nest.Create("spike_recorder")
        nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": delay})
        nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": delay})
        syn_ex = {"synapse_model": "excitatory", "receptor_type": nest.random.uniform_int(max=nr_ports - 1) + 1}
        syn_in = {"synapse_model": "inhibitory", "receptor_type": nest.random.uniform_int(max=nr_ports - 1) + 1}
        nest.Connect(noise, ne, syn_spec=syn_ex)
        nest.Connect(noise, ni, syn_spec=syn_ex)
        nest.Connect(ne, sre, syn_spec="excitatory")
        nest.Connect(ni, sri, syn_spec="excitatory")
        nest.Connect(ne, ne + ni, {"rule": "fixed_indegree", "indegree": CE}, syn_ex)
        nest.Connect(ni, ne + ni, {"rule": "fixed_indegree", "indegree": CI}, syn_in)
        nest.Simulate(T)
        ne_ev = len(sre.get("events")["times"])
        ni_ev = len(sri.get("events")["times"])
        return {"rate_ex": ne_ev / NE / (T / 1000.0), "rate_in": ni_ev / NI / (T / 1000.0)}
    return run, {"rate_ex": stat(0.1), "rate_in": stat(0.1)}


CASES["brunel_exp_multisynapse_small"] = brunel_exp_multisynapse_case()
