"""Results do not depend on local_num_threads; the same rng_seed gives the same result."""
import numpy as np


def run_network(nest, threads, seed=123):
    nest.ResetKernel()
    nest.local_num_threads = threads
    nest.rng_seed = seed
    ex = nest.Create("iaf_psc_alpha", 40, params={"I_e": 200.0})
    inh = nest.Create("iaf_psc_exp", 10)
    par = nest.Create("parrot_neuron", 5)
    pg = nest.Create("poisson_generator", params={"rate": 9000.0})
    noise = nest.Create("noise_generator", params={"mean": 20.0, "std": 50.0})
    nest.Connect(pg, ex + inh, syn_spec={"weight": 25.0, "delay": 1.5})
    nest.Connect(pg, par)
    nest.Connect(noise, inh)
    nest.Connect(ex, inh, syn_spec={"weight": 30.0, "delay": 2.0})
    nest.Connect(inh, ex, syn_spec={"weight": -40.0, "delay": 1.0})
    nest.Connect(par, ex[:10], syn_spec={"weight": 5.0, "delay": 0.5})
    sr = nest.Create("spike_recorder")
    nest.Connect(ex + inh + par, sr)
    mm = nest.Create("multimeter", params={"record_from": ["V_m", "I_syn_ex"], "interval": 0.5})
    nest.Connect(mm, nest.NodeCollection(ex[::7].tolist() + inh[::3].tolist()))  # NEST joins no sliced composites
    nest.Simulate(300.0)
    e, m = sr.events, mm.events
    return e["times"], e["senders"], m["V_m"], m["I_syn_ex"], m["senders"]


def test_thread_count_independent(nest):
    one = run_network(nest, 1)
    two = run_network(nest, 2)
    assert len(one[0]) > 100
    for a, b in zip(one, two):
        assert np.array_equal(a, b)


def test_more_threads_than_cores(nest):
    # NEST's threads beyond the machine's cores are run in turn by the available OS threads
    # (here 5 on 2 cores, and a prime so shares and work units do not line up); same result
    one = run_network(nest, 1)
    five = run_network(nest, 5)
    assert nest.local_num_threads == 5
    for a, b in zip(one, five):
        assert np.array_equal(a, b)


def test_same_seed_same_result(nest):
    a = run_network(nest, 2, seed=7)
    b = run_network(nest, 2, seed=7)
    c = run_network(nest, 2, seed=8)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[0], c[0])


def run_fused_network(nest, threads):
    # no multimeter, weight_recorder or rates: each slice's deliveries (poisson_generator events,
    # static and stdp spikes) run in the same parallel region as the update (ParallelRunner.runPhased)
    nest.ResetKernel()
    nest.local_num_threads = threads
    ex = nest.Create("iaf_psc_alpha", 60, params={"I_e": 150.0})
    inh = nest.Create("iaf_psc_exp", 17)
    pg = nest.Create("poisson_generator", params={"rate": 12000.0})
    nest.Connect(pg, ex + inh, syn_spec={"weight": 20.0, "delay": 1.0})
    nest.Connect(ex, ex + inh, {"rule": "fixed_indegree", "indegree": 8},
                 {"synapse_model": "stdp_synapse", "weight": 15.0, "delay": 1.5})
    nest.Connect(inh, ex, {"rule": "fixed_indegree", "indegree": 4}, {"weight": -30.0, "delay": 1.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(ex + inh, sr)
    nest.Simulate(400.0)
    c = nest.GetConnections(ex, ex + inh)
    order = np.lexsort((c.get("target"), c.get("source")))
    return sr.events["times"], sr.events["senders"], np.asarray(c.get("weight"))[order]


def test_fused_slices_thread_count_independent(nest):
    one = run_fused_network(nest, 1)
    assert len(one[0]) > 500
    assert np.ptp(one[2]) > 0  # the stdp weights moved
    for threads in (2, 3):
        other = run_fused_network(nest, threads)
        for a, b in zip(one, other):
            assert np.array_equal(a, b)
