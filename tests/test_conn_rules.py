"""Connection rules (NEST's conn_builder.cpp semantics): counts, degree distributions, autapse and
multapse handling, symmetric connections, per-connection syn_spec arrays and Parameters, NEST's
errors for impossible requests, and independence of the thread count."""
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
import nestj as nest  # noqa: E402


@pytest.fixture(autouse=True)
def reset():
    nest.ResetKernel()
    nest.rng_seed = 12
    yield


def conns(pre=None, post=None):
    c = nest.GetConnections(pre, post)
    return np.asarray(c.get("source")), np.asarray(c.get("target"))


def test_all_to_all_and_one_to_one():
    a = nest.Create("iaf_psc_alpha", 7)
    b = nest.Create("iaf_psc_alpha", 5)
    nest.Connect(a, b)
    s, t = conns(a, b)
    assert len(s) == 35
    nest.Connect(a, a, {"rule": "all_to_all", "allow_autapses": False})
    s, t = conns(a, a)
    assert len(s) == 42 and np.sum(s == t) == 0
    nest.Connect(b, b, "one_to_one")
    s, t = conns(b, b)
    assert len(s) == 5 and np.all(s == t)
    with pytest.raises(nest.NESTErrors.DimensionMismatch):
        nest.Connect(a, b, "one_to_one")


def test_fixed_indegree_counts_and_no_multapses():
    pre = nest.Create("iaf_psc_alpha", 100)
    post = nest.Create("iaf_psc_alpha", 80)
    nest.Connect(pre, post, {"rule": "fixed_indegree", "indegree": 30})
    s, t = conns(pre, post)
    assert len(s) == 2400
    assert np.all(np.bincount(t - post[0].global_id, minlength=80) == 30)
    # multapses exist with replacement sampling (expected ~4 per target)
    assert len(s) - len(set(zip(s.tolist(), t.tolist()))) > 0
    nest.Connect(pre, pre, {"rule": "fixed_indegree", "indegree": 99, "allow_autapses": False, "allow_multapses": False})
    s, t = conns(pre, pre)
    assert len(s) == 9900
    assert np.sum(s == t) == 0
    assert len(set(zip(s.tolist(), t.tolist()))) == 9900


def test_fixed_outdegree():
    pre = nest.Create("iaf_psc_alpha", 60)
    post = nest.Create("iaf_psc_alpha", 90)
    nest.Connect(pre, post, {"rule": "fixed_outdegree", "outdegree": 25, "allow_multapses": False})
    s, t = conns(pre, post)
    assert len(s) == 1500
    assert np.all(np.bincount(s - pre[0].global_id, minlength=60) == 25)
    assert len(set(zip(s.tolist(), t.tolist()))) == 1500
    indeg = np.bincount(t - post[0].global_id, minlength=90)
    assert abs(indeg.mean() - 1500 / 90) < 1e-9


def test_fixed_total_number():
    pre = nest.Create("iaf_psc_alpha", 50)
    nest.Connect(pre, pre, {"rule": "fixed_total_number", "N": 1000, "allow_autapses": False})
    s, t = conns(pre, pre)
    assert len(s) == 1000 and np.sum(s == t) == 0


def test_pairwise_bernoulli_statistics():
    pre = nest.Create("iaf_psc_alpha", 300)
    post = nest.Create("iaf_psc_alpha", 200)
    nest.Connect(pre, post, {"rule": "pairwise_bernoulli", "p": 0.1})
    s, t = conns(pre, post)
    n = 300 * 200
    # binomial(n, 0.1): mean 6000, std ~73
    assert abs(len(s) - 0.1 * n) < 5 * np.sqrt(n * 0.1 * 0.9)
    assert len(set(zip(s.tolist(), t.tolist()))) == len(s)


def test_pairwise_bernoulli_parameter_p():
    pre = nest.Create("iaf_psc_alpha", 200)
    post = nest.Create("iaf_psc_alpha", 200)
    # p drawn uniformly in [0, 0.4): mean 0.2
    nest.Connect(pre, post, {"rule": "pairwise_bernoulli", "p": nest.random.uniform(0.0, 0.4)})
    s, _ = conns(pre, post)
    n = 200 * 200
    assert abs(len(s) - 0.2 * n) < 5 * np.sqrt(n * 0.2 * 0.8)


def test_pairwise_poisson_statistics():
    pre = nest.Create("iaf_psc_alpha", 200)
    post = nest.Create("iaf_psc_alpha", 150)
    nest.Connect(pre, post, {"rule": "pairwise_poisson", "pairwise_avg_num_conns": 0.3})
    s, t = conns(pre, post)
    n = 200 * 150
    assert abs(len(s) - 0.3 * n) < 5 * np.sqrt(0.3 * n)
    assert len(s) > len(set(zip(s.tolist(), t.tolist())))  # multapses occur


def test_symmetric_pairwise_bernoulli():
    n = nest.Create("iaf_psc_alpha", 200)
    nest.Connect(n, n, {"rule": "symmetric_pairwise_bernoulli", "p": 0.05, "allow_autapses": False,
                        "make_symmetric": True})
    s, t = conns(n, n)
    pairs = set(zip(s.tolist(), t.tolist()))
    assert np.sum(s == t) == 0
    assert all((b, a) in pairs for a, b in pairs)
    # each of the 200 targets draws ~Binomial(200, 0.05) sources, each making two connections
    assert abs(len(s) - 2 * 200 * 200 * 0.05) < 5 * np.sqrt(2 * 200 * 200 * 0.05)


def test_one_to_one_make_symmetric_replays_arrays():
    a = nest.Create("iaf_psc_alpha", 3)
    b = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(a, b, {"rule": "one_to_one", "make_symmetric": True}, {"weight": [1.0, 2.0, 3.0]})
    c = nest.GetConnections()
    got = sorted(zip(c.source, c.target, c.weight))
    assert got == [(1, 4, 1.0), (2, 5, 2.0), (3, 6, 3.0), (4, 1, 1.0), (5, 2, 2.0), (6, 3, 3.0)]


def test_syn_spec_arrays_shapes():
    a = nest.Create("iaf_psc_alpha", 5)
    b = nest.Create("iaf_psc_alpha", 3)
    w = np.arange(15.0).reshape(3, 5)
    nest.Connect(a, b, "all_to_all", {"weight": w})
    c = nest.GetConnections(a, b)
    for s, t, x in zip(c.source, c.target, c.weight):
        assert x == w[t - 6, s - 1]
    nest.ResetKernel()
    a = nest.Create("iaf_psc_alpha", 5)
    b = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": 2},
                 {"weight": np.arange(6.0).reshape(3, 2), "delay": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]})
    c = nest.GetConnections(a, b)
    got = sorted(zip(c.target, c.weight, c.delay))
    assert [(t, w) for t, w, _ in got] == [(6, 0.0), (6, 1.0), (7, 2.0), (7, 3.0), (8, 4.0), (8, 5.0)]
    assert [d for _, _, d in got] == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    with pytest.raises(nest.NESTError):
        nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": 2}, {"weight": np.arange(6.0)})
    with pytest.raises(nest.NESTError):
        nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": 2}, {"weight": np.ones((3, 3))})
    with pytest.raises(nest.NESTError):
        nest.Connect(a, a, "one_to_one", {"weight": np.ones(4)})


def test_syn_spec_parameters():
    pre = nest.Create("iaf_psc_alpha", 100)
    post = nest.Create("iaf_psc_alpha", 100)
    nest.Connect(pre, post, {"rule": "fixed_indegree", "indegree": 50},
                 {"weight": nest.random.normal(2.0, 0.5), "delay": nest.random.uniform(1.0, 3.0)})
    c = nest.GetConnections(pre, post)
    w = np.asarray(c.weight)
    d = np.asarray(c.delay)
    assert len(w) == 5000
    assert abs(w.mean() - 2.0) < 5 * 0.5 / np.sqrt(5000)
    assert abs(w.std() - 0.5) < 0.05
    assert d.min() >= 1.0 and d.max() <= 3.0
    assert np.allclose(d, np.round(d, 1))  # delays are on the 0.1 ms grid
    assert abs(d.mean() - 2.0) < 0.05


def test_errors_for_impossible_requests():
    a = nest.Create("iaf_psc_alpha", 5)
    b = nest.Create("iaf_psc_alpha", 3)
    with pytest.raises(nest.NESTErrors.BadProperty, match="Indegree cannot be larger than population size"):
        nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": 6, "allow_multapses": False})
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Connect(a, a, {"rule": "fixed_indegree", "indegree": 5, "allow_multapses": False,
                            "allow_autapses": False})
    with pytest.raises(nest.NESTErrors.BadProperty, match="less than zero"):
        nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": -1})
    with pytest.raises(nest.NESTErrors.BadProperty, match="Outdegree cannot be larger"):
        nest.Connect(a, b, {"rule": "fixed_outdegree", "outdegree": 4, "allow_multapses": False})
    with pytest.raises(nest.NESTErrors.BadProperty, match="cannot exceed product"):
        nest.Connect(a, b, {"rule": "fixed_total_number", "N": 16, "allow_multapses": False})
    with pytest.raises(nest.NESTErrors.NotImplemented):
        nest.Connect(a, b, {"rule": "fixed_total_number", "N": 3, "allow_multapses": False})
    with pytest.raises(nest.NESTErrors.BadProperty, match="0 <= p <= 1"):
        nest.Connect(a, b, {"rule": "pairwise_bernoulli", "p": 1.5})
    with pytest.raises(nest.NESTErrors.BadProperty, match="Multapses must be allowed"):
        nest.Connect(a, b, {"rule": "pairwise_poisson", "pairwise_avg_num_conns": 1.0, "allow_multapses": False})
    with pytest.raises(nest.NESTErrors.BadProperty, match="Autapses must be disabled"):
        nest.Connect(a, a, {"rule": "symmetric_pairwise_bernoulli", "p": 0.1})
    with pytest.raises(nest.NESTErrors.BadProperty, match="Symmetric connections must be enabled"):
        nest.Connect(a, a, {"rule": "symmetric_pairwise_bernoulli", "p": 0.1, "allow_autapses": False})
    with pytest.raises(nest.NESTErrors.NotImplemented):
        nest.Connect(a, b, {"rule": "all_to_all", "make_symmetric": True})
    with pytest.raises(nest.NESTErrors.NotImplemented):
        nest.Connect(a, a, {"rule": "one_to_one", "make_symmetric": True}, {"weight": nest.random.uniform()})
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.Connect(a, b, {"rule": "all_to_all", "indegree": 3})
    sr = nest.Create("spike_recorder")
    with pytest.raises(nest.NESTErrors.IllegalConnection):
        nest.Connect(a, sr, {"rule": "fixed_indegree", "indegree": 2})
    assert nest.num_connections == 0


def test_independent_of_thread_count():
    res = []
    for th in (1, 2):
        nest.ResetKernel()
        nest.local_num_threads = th
        nest.rng_seed = 7
        a = nest.Create("iaf_psc_alpha", 60)
        nest.Connect(a, a, {"rule": "pairwise_bernoulli", "p": 0.2}, {"weight": nest.random.normal(1.0, 0.1)})
        nest.Connect(a, a, {"rule": "fixed_indegree", "indegree": 5})
        c = nest.GetConnections()
        res.append(sorted(zip(c.source, c.target, np.round(c.weight, 12))))
    assert res[0] == res[1]


def test_depends_on_rng_seed():
    res = []
    for seed in (1, 2):
        nest.ResetKernel()
        nest.rng_seed = seed
        a = nest.Create("iaf_psc_alpha", 40)
        nest.Connect(a, a, {"rule": "fixed_indegree", "indegree": 5})
        s, t = conns()
        res.append(list(zip(s.tolist(), t.tolist())))
    assert res[0] != res[1]


def test_collocated_synapses_share_pairs():
    a = nest.Create("iaf_psc_alpha", 30)
    nest.Connect(a, a, {"rule": "fixed_indegree", "indegree": 3},
                 nest.CollocatedSynapses({"weight": 1.0}, {"weight": 2.0, "delay": 3.0}))
    c = nest.GetConnections()
    w = np.asarray(c.weight)
    p1 = sorted((s, t) for s, t, x in zip(c.source, c.target, w) if x == 1.0)
    p2 = sorted((s, t) for s, t, x in zip(c.source, c.target, w) if x == 2.0)
    assert len(p1) == 90 and p1 == p2


def test_fixed_indegree_at_scale_is_fast():
    import time
    pre = nest.Create("iaf_psc_alpha", 1250)
    post = nest.Create("iaf_psc_alpha", 12500)
    t0 = time.time()
    nest.Connect(pre, post, {"rule": "fixed_indegree", "indegree": 125}, {"weight": 0.1, "delay": 1.5})
    assert nest.num_connections == 1562500
    assert time.time() - t0 < 5.0


def test_connect_with_id_lists_and_arrays(nest):
    """PyNEST's _process_input_nodes: unique id lists become NodeCollections; non-unique ids (or
    one_to_one with arrays) are connected pair by pair (connect_arrays)."""
    import numpy as np
    n = nest.Create("iaf_psc_alpha", 5)
    sr = nest.Create("spike_recorder")
    nest.Connect([1, 3, 5], sr)
    assert sorted(nest.GetConnections(target=sr).source) == [1, 3, 5]
    nest.Connect(np.array([1, 1, 2, 2]), np.array([3, 4, 3, 4]), "one_to_one",
                 {"synapse_model": "static_synapse", "weight": np.array([1.0, 2.0, 3.0, 4.0])})
    c = nest.GetConnections(n[:2], n[2:4])
    assert c.get(["source", "target", "weight"]) == {"source": [1, 1, 2, 2], "target": [3, 4, 3, 4],
                                                     "weight": [1.0, 2.0, 3.0, 4.0]}
    with pytest.raises(ValueError, match="one_to_one"):
        nest.Connect([1, 1], [2, 3])
    with pytest.raises(nest.NESTErrors.ArgumentType):
        nest.Connect([1, 1, 2], [2, 3], "one_to_one", {"synapse_model": "static_synapse"})
    # NEST 3.9: the synapse model defaults to static_synapse; weights and delays must be arrays
    with pytest.raises(TypeError, match="weights must be a 1-dimensional NumPy array"):
        nest.Connect([1, 1], [2, 3], "one_to_one", {"weight": 2.0})
    nest.Connect([1, 1], [2, 5], "one_to_one", {"weight": [2.0, 2.5]})
    assert nest.GetConnections(n[0], n[1] + n[4]).get(["synapse_model", "weight"]) == {
        "synapse_model": ["static_synapse", "static_synapse"], "weight": [2.0, 2.5]}
