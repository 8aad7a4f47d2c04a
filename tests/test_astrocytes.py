"""astrocyte_lr_1994, sic_connection into aeif_cond_alpha_astro, and TripartiteConnect with
third_factor_bernoulli_with_pool."""
import numpy as np
import pytest


def test_astrocyte_defaults_and_errors(nest):
    d = nest.GetDefaults("astrocyte_lr_1994")
    assert (d["IP3"], d["Ca_astro"], d["h_IP3R"]) == (0.16, 0.073, 0.793)
    assert (d["SIC_th"], d["tau_IP3"], d["delta_IP3"], d["node_uses_wfr"]) == (0.19669, 7142.0, 0.0002, False)
    assert sorted(d["recordables"]) == ["Ca_astro", "IP3", "h_IP3R"]
    assert "tau_minus" not in d  # not an archiving node
    s = nest.GetDefaults("sic_connection")
    assert s["weight"] == 1.0 and s["has_delay"] is True and s["sizeof"] == 32
    a = nest.Create("astrocyte_lr_1994")
    with pytest.raises(nest.NESTError, match="must be between 0 and 1"):
        a.set(h_IP3R=1.5)
    with pytest.raises(nest.NESTError, match="Time constant of the exponential decay of astrocytic IP3 must be positive"):
        a.set(tau_IP3=0.0)
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTError, match="IllegalConnection"):
        nest.Connect(a, n, syn_spec={"synapse_model": "sic_connection"})
    with pytest.raises(nest.NESTError, match="IllegalConnection"):
        nest.Connect(a, nest.Create("aeif_cond_alpha_astro"))
    with pytest.raises(nest.NESTError, match="IllegalConnection"):
        nest.Connect(n, n, syn_spec={"synapse_model": "sic_connection"})


def test_negative_spike_weight_is_an_error(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [2.0]})
    p = nest.Create("parrot_neuron")
    a = nest.Create("astrocyte_lr_1994")
    nest.Connect(sg, p)
    nest.Connect(p, a, syn_spec={"weight": -1.0})
    with pytest.raises(nest.NESTError, match="cannot handle input spikes with negative weights"):
        nest.Simulate(10.0)


def test_spike_raises_ip3_by_delta(nest):
    a = nest.Create("astrocyte_lr_1994", 2)
    sg = nest.Create("spike_generator", params={"spike_times": [5.0]})
    p = nest.Create("parrot_neuron")
    nest.Connect(sg, p)
    nest.Connect(p, a[0], syn_spec={"weight": 50.0, "delay": 1.0})
    nest.Simulate(6.0)  # the parrot spikes at 6.0 ms: nothing has arrived yet
    assert a[0].get("IP3") == a[1].get("IP3")
    nest.Simulate(1.0)
    assert a[0].get("IP3") - a[1].get("IP3") == pytest.approx(0.0002 * 50.0, rel=1e-9)


def test_sic_reaches_the_neuron_with_the_delay(nest):
    # SIC_th = 0: the astrocyte's SIC is log(Ca_astro * 1000) every step; the neuron's I_SIC at step t is
    # weight * SIC(t - delay); min_delay 0.5 ms (a second connection) makes the event span several slices
    a = nest.Create("astrocyte_lr_1994", params={"SIC_th": 0.0, "SIC_scale": 2.0})
    n = nest.Create("aeif_cond_alpha_astro", params={"V_th": 1e6, "V_peak": 1e6})
    n2 = nest.Create("aeif_cond_alpha_astro")
    nest.Connect(a, n, syn_spec={"synapse_model": "sic_connection", "weight": 3.0, "delay": 1.3})
    nest.Connect(a, n2, syn_spec={"synapse_model": "sic_connection", "weight": 1.0, "delay": 0.5})
    ma = nest.Create("multimeter", params={"record_from": ["Ca_astro"], "interval": 0.1})
    mn = nest.Create("multimeter", params={"record_from": ["I_SIC", "V_m"], "interval": 0.1})
    nest.Connect(ma, a)
    nest.Connect(mn, n)
    nest.Simulate(20.0)
    ca = ma.get("events", "Ca_astro")
    isic = mn.get("events", "I_SIC")
    sic = 2.0 * np.log(ca * 1000.0)
    assert np.all(isic[:13] == 0.0)
    assert np.allclose(isic[13:], 3.0 * sic[: len(isic) - 13], rtol=1e-12, atol=0)
    # the current acts on V_m: the neuron depolarises away from its resting trace
    v = mn.get("events", "V_m")
    assert 0.5 < v[-1] - v[13] < 26.0 / 30.0


def tripartite(nest, threads=1, **third):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = threads
    nest.rng_seed = 12
    pre = nest.Create("aeif_cond_alpha_astro", 100)
    post = nest.Create("aeif_cond_alpha_astro", 100)
    astro = nest.Create("astrocyte_lr_1994", 50)
    spec = {"rule": "third_factor_bernoulli_with_pool"}
    spec.update(third)
    nest.TripartiteConnect(pre, post, astro, conn_spec={"rule": "pairwise_bernoulli", "p": 0.2},
                           third_factor_conn_spec=spec,
                           syn_specs={"primary": {"synapse_model": "static_synapse", "weight": 2.0},
                                      "third_in": {"synapse_model": "static_synapse", "weight": 0.5, "delay": 2.0},
                                      "third_out": {"synapse_model": "sic_connection", "weight": 1.5}})
    prim = nest.GetConnections(pre, post)
    tin = nest.GetConnections(pre, astro)
    tout = nest.GetConnections(astro, post)
    return pre, post, astro, prim, tin, tout


def test_tripartite_random_pools(nest):
    pre, post, astro, prim, tin, tout = tripartite(nest, p=0.5, pool_size=5, pool_type="random")
    n_prim, n_in, n_out = len(prim), len(tin), len(tout)
    assert abs(n_prim - 0.2 * 100 * 100) < 5 * np.sqrt(0.2 * 0.8 * 10000)
    assert n_in == n_out and abs(n_out - 0.5 * n_prim) < 5 * np.sqrt(0.25 * n_prim)
    assert set(tout.get("synapse_model")) == {"sic_connection"} and set(tout.get("weight")) == {1.5}
    assert set(tin.get("weight")) == {0.5} and set(tin.get("delay")) == {2.0}
    # every target draws its third-factor nodes from one pool of at most 5 astrocytes
    src, tgt = np.asarray(tout.get("source")), np.asarray(tout.get("target"))
    for t in np.unique(tgt):
        assert len(np.unique(src[tgt == t])) <= 5
    # each third_out connection has a third_in partner from a primary source of that target
    prim_pairs = set(zip(prim.get("source"), prim.get("target")))
    ins = set(zip(tin.get("source"), tin.get("target")))
    for a in np.unique(src):
        targets = tgt[src == a]
        sources_in = {s for (s, x) in ins if x == a}
        assert any((s, t) in prim_pairs for s in sources_in for t in targets)


def test_tripartite_block_pools_and_p1(nest):
    # pool_size 1 with 100 targets and 50 astrocytes: target i gets astrocyte i // 2; p = 1: one per primary
    pre, post, astro, prim, tin, tout = tripartite(nest, p=1.0, pool_size=1, pool_type="block")
    assert len(tout) == len(prim) == len(tin)
    src = np.asarray(tout.get("source")) - astro[0].global_id
    tgt = np.asarray(tout.get("target")) - post[0].global_id
    assert np.array_equal(src, tgt // 2)
    # third_in: each primary source connects to the astrocyte of each of its targets
    expect = sorted((s, astro[0].global_id + (t - post[0].global_id) // 2)
                    for s, t in zip(prim.get("source"), prim.get("target")))
    assert sorted(zip(tin.get("source"), tin.get("target"))) == expect


def test_tripartite_does_not_depend_on_threads(nest):
    a = [sorted(zip(c.get("source"), c.get("target"))) for c in tripartite(nest, 1, p=0.5, pool_size=3)[3:]]
    b = [sorted(zip(c.get("source"), c.get("target"))) for c in tripartite(nest, 2, p=0.5, pool_size=3)[3:]]
    assert a == b


def test_tripartite_errors(nest):
    pre = nest.Create("aeif_cond_alpha_astro", 4)
    post = nest.Create("aeif_cond_alpha_astro", 4)
    astro = nest.Create("astrocyte_lr_1994", 3)
    conn = {"rule": "pairwise_bernoulli", "p": 0.5}
    with pytest.raises(nest.NESTError, match="Pool size"):
        nest.TripartiteConnect(pre, post, astro, conn, {"rule": "third_factor_bernoulli_with_pool", "pool_size": 4})
    with pytest.raises(nest.NESTError, match="do not fit"):
        nest.TripartiteConnect(pre, post, astro, conn, {"rule": "third_factor_bernoulli_with_pool", "pool_size": 2,
                                                         "pool_type": "block"})
    with pytest.raises(nest.NESTError, match="pool_type must be 'random' or 'block'"):
        nest.TripartiteConnect(pre, post, astro, conn, {"rule": "third_factor_bernoulli_with_pool", "pool_type": "x"})
    with pytest.raises(nest.NESTError, match="Unknown third-factor connection rule 'foo'"):
        nest.TripartiteConnect(pre, post, astro, conn, {"rule": "foo"})
    with pytest.raises(nest.NESTError, match="0 ≤ p_third_if_primary ≤ 1"):
        nest.TripartiteConnect(pre, post, astro, conn, {"rule": "third_factor_bernoulli_with_pool", "p": 1.5})
    with pytest.raises(nest.NESTError, match="make_symmetric"):
        nest.TripartiteConnect(pre, post, astro, {"rule": "one_to_one", "make_symmetric": True},
                               {"rule": "third_factor_bernoulli_with_pool"})
    with pytest.raises(ValueError, match="do not accept parameter lists"):
        nest.TripartiteConnect(pre, post, astro, conn, {"rule": "third_factor_bernoulli_with_pool"},
                               {"primary": {"weight": [1.0, 2.0]}})
    assert len(nest.GetConnections()) == 0


def sic_network(nest, threads):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = threads
    nest.rng_seed = 5
    astro = nest.Create("astrocyte_lr_1994", 4, params={"SIC_th": 0.05, "Ca_astro": nest.random.uniform(0.05, 0.3)})
    neurons = nest.Create("aeif_cond_alpha_astro", 6)
    pg = nest.Create("poisson_generator", params={"rate": 2000.0})
    nest.Connect(pg, neurons, syn_spec={"weight": 5.0})
    nest.Connect(neurons, astro, {"rule": "fixed_indegree", "indegree": 3}, {"weight": 20.0})
    nest.Connect(astro, neurons, {"rule": "fixed_indegree", "indegree": 2},
                 {"synapse_model": "sic_connection", "weight": 2.0, "delay": nest.random.uniform(1.0, 3.0)})
    mm = nest.Create("multimeter", params={"record_from": ["I_SIC", "V_m"], "interval": 0.5})
    nest.Connect(mm, neurons)
    nest.Simulate(200.0)
    ev = mm.get("events")
    o = np.lexsort((ev["senders"], ev["times"]))
    return ev["I_SIC"][o], ev["V_m"][o], astro.get("IP3")


def test_sic_network_does_not_depend_on_threads(nest):
    a = sic_network(nest, 1)
    b = sic_network(nest, 3)
    assert np.count_nonzero(a[0]) > 100
    for x, y in zip(a, b):
        assert np.array_equal(x, y)


def test_example_astrocyte_single(nest):
    import os
    import runpy
    import nestj.__main__ as m
    m.install_alias()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    g = runpy.run_path(os.path.join(root, "examples", "nest_like", "astrocyte_single.py"), run_name="__main__")
    ip3 = np.asarray(g["data"]["IP3"])
    ca = np.asarray(g["data"]["Ca_astro"])
    assert len(ip3) == 59999
    # each Poisson spike (1/s for 60 s) raises IP3 by delta_IP3 = 0.2 within one 1-ms sample
    jumps = np.diff(ip3)[np.diff(ip3) > 0.1]
    assert 35 <= len(jumps) <= 90 and np.all(np.abs(jumps - 0.2) < 0.002)
    # the IP3 drive makes the calcium oscillate (Li-Rinzel) well above its resting level
    assert ca.max() > 0.5 and ca.min() > 0.0 and ip3.min() >= 0.16 - 1e-12
