"""Structural plasticity: synaptic elements, growth curves, the SPManager's creation and deletion of synapses.

The expected element counts are computed here from NEST's equations (growth_curve.cpp,
structural_plasticity_node.cpp): at each spike t of a node the elements grow from the last
calcium update t_minus to t, then Ca <- Ca * exp((t_minus - t) / tau_Ca) + beta_Ca.
"""
import math

import numpy as np
import pytest

SE_LINEAR = {"growth_curve": "linear", "growth_rate": 0.002, "eps": 0.05, "continuous": True, "z": 1.5}
SE_GAUSS = {"growth_curve": "gaussian", "growth_rate": 0.003, "eta": 0.01, "eps": 0.04, "continuous": False}
SE_SIGMOID = {"growth_curve": "sigmoid", "growth_rate": 0.001, "eps": 0.03, "psi": 0.02, "continuous": True}


def _grow(curve, p, t, t_minus, ca_minus, z, tau_ca, h):
    rate = p["growth_rate"]
    if curve == "linear":
        ca = ca_minus * math.exp((t_minus - t) / tau_ca)
        z = rate * tau_ca * (ca - ca_minus) / p["eps"] + rate * (t - t_minus) + z
    elif curve == "gaussian":
        inv_zeta = 2.0 * math.sqrt(math.log(2.0)) / (p["eta"] - p["eps"])
        xi = (p["eta"] + p["eps"]) * 0.5
        ca = ca_minus
        lag = t_minus
        while lag < t - h * 0.5:
            ca = ca - ((ca * (1.0 / tau_ca)) * h)
            q = (ca - xi) * inv_zeta
            z += h * rate * (2.0 * math.exp(-(q * q)) - 1.0)
            lag += h
    else:
        ca = ca_minus
        lag = t_minus
        while lag < t - h / 2.0:
            ca = ca - ((ca / tau_ca) * h)
            z = z + h * rate * ((2.0 / (1.0 + math.exp((ca - p["eps"]) / p["psi"]))) - 1.0)
            lag += h
    return max(z, 0.0)


def test_growth_curves_follow_nest_equations(nest):
    tau_ca, beta_ca = 500.0, 0.002
    n = nest.Create("iaf_psc_alpha", 1, {"I_e": 420.0, "tau_Ca": tau_ca, "beta_Ca": beta_ca,
                                         "synaptic_elements": {"lin": SE_LINEAR, "gau": SE_GAUSS, "sig": SE_SIGMOID}})
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Simulate(600.0)
    times = sr.get("events")["times"]
    assert len(times) > 10
    z = {"lin": 1.5, "gau": 0.0, "sig": 0.0}
    params = {"lin": SE_LINEAR, "gau": SE_GAUSS, "sig": SE_SIGMOID}
    ca, t_ca = 0.0, 0.0
    for t in times:
        for name in z:
            z[name] = _grow(params[name]["growth_curve"], params[name], t, t_ca, ca, z[name], tau_ca, 0.1)
        ca = ca * math.exp((t_ca - t) / tau_ca) + beta_ca
        t_ca = t
    se = n.synaptic_elements
    assert n.Ca == pytest.approx(ca, rel=1e-12)
    for name in z:
        assert se[name]["z"] == pytest.approx(z[name], rel=1e-12, abs=1e-15)
    # the gaussian curve first grows (Ca below eps), then shrinks; the sigmoid stays positive
    assert se["gau"]["z"] > 0 and se["sig"]["z"] > 0 and se["lin"]["z"] > 1.5
    # status entries as NEST reports them
    assert se["gau"] == {"growth_rate": 0.003, "tau_vacant": 0.1, "continuous": False, "z": se["gau"]["z"],
                         "z_connected": 0, "growth_curve": "gaussian", "eps": 0.04, "eta": 0.01}
    assert set(se["sig"]) == {"growth_rate", "tau_vacant", "continuous", "z", "z_connected", "growth_curve",
                              "eps", "psi"}
    assert set(se["lin"]) == {"growth_rate", "tau_vacant", "continuous", "z", "z_connected", "growth_curve", "eps"}


def test_kernel_attributes(nest):
    assert nest.structural_plasticity_synapses == {}
    assert nest.structural_plasticity_update_interval == 10000.0
    assert set(nest.growth_curves) == {"linear", "gaussian", "sigmoid"}
    nest.structural_plasticity_update_interval = 500.0
    nest.structural_plasticity_synapses = {"s": {"synapse_model": "static_synapse", "pre_synaptic_element": "A",
                                                 "post_synaptic_element": "D", "allow_autapses": False}}
    assert nest.structural_plasticity_update_interval == 500.0
    assert nest.structural_plasticity_synapses == {"s": {
        "pre_synaptic_element": "A", "post_synaptic_element": "D", "synapse_model": "static_synapse",
        "allow_autapses": False, "allow_multapses": True}}
    assert nest.min_delay <= 1.0 <= nest.max_delay


def _pair(nest, z_pre=10.0, z_post=10.0, n=2, **spec):
    syn = {"synapse_model": "static_synapse", "pre_synaptic_element": "SE1", "post_synaptic_element": "SE2"}
    syn.update(spec)
    nest.structural_plasticity_synapses = {"syn1": syn}
    neurons = nest.Create("iaf_psc_alpha", n, {"synaptic_elements": {
        "SE1": {"z": z_pre, "growth_rate": 0.0}, "SE2": {"z": z_post, "growth_rate": 0.0}}})
    return neurons


def test_synapse_creation_and_deletion(nest):
    nest.structural_plasticity_update_interval = 100.0
    neurons = _pair(nest)
    nest.EnableStructuralPlasticity()
    nest.Simulate(10.0)       # the update at t = 0 connects all vacant elements
    for st in neurons.synaptic_elements:
        assert st["SE1"]["z_connected"] == 10 and st["SE2"]["z_connected"] == 10
    conns = nest.GetConnections(neurons, neurons)
    assert len(conns) == 20
    # one presynaptic element fewer (z = 9.5, floor 9 < 10 connected): each source loses one
    # connection, to a target drawn at random; the targets' vacant elements then decay by tau_vacant
    neurons.set(synaptic_elements_param={"SE1": {"z": 9.5}})
    nest.Simulate(100.0)
    se = neurons.synaptic_elements
    assert [s["SE1"]["z_connected"] for s in se] == [9, 9]
    assert [s["SE1"]["z"] for s in se] == [9.5, 9.5]
    post_zc = [s["SE2"]["z_connected"] for s in se]
    assert sum(post_zc) == 18 and len(nest.GetConnections(neurons, neurons)) == 18
    assert [s["SE2"]["z"] for s in se] == pytest.approx([10.0 - (10 - zc) * 0.1 for zc in post_zc])
    # one postsynaptic element fewer per target: each target loses one incoming connection
    neurons[0].set(synaptic_elements_param={"SE2": {"z": post_zc[0] - 0.5}})
    neurons[1].set(synaptic_elements_param={"SE2": {"z": post_zc[1] - 0.5}})
    nest.Simulate(100.0)
    se = neurons.synaptic_elements
    assert [s["SE2"]["z_connected"] for s in se] == [zc - 1 for zc in post_zc]
    assert sum(s["SE1"]["z_connected"] for s in se) == 16
    c = nest.GetConnections(neurons, neurons)
    assert len(c) == 16
    assert [list(c.target).count(t) for t in (1, 2)] == [zc - 1 for zc in post_zc]


def test_deletion_raises_z_as_nest_does(nest):
    # SynapticElement::connect(-1): while z_connected exceeds floor(z), z becomes z_connected plus
    # its fraction; deleting 7 of 10 connections of z = 3 leaves z = 9, so 6 elements are vacant
    # again and are reconnected at once
    nest.structural_plasticity_update_interval = 100.0
    neurons = _pair(nest, z_post=20.0)
    nest.EnableStructuralPlasticity()
    nest.Simulate(10.0)
    neurons.set(synaptic_elements_param={"SE1": {"z": 3.0}})
    nest.Simulate(100.0)
    se = neurons.synaptic_elements
    assert [s["SE1"]["z"] for s in se] == [9.0, 9.0]
    assert [s["SE1"]["z_connected"] for s in se] == [9, 9]
    assert sum(s["SE2"]["z_connected"] for s in se) == 18 == nest.num_connections


def test_no_autapses(nest):
    neurons = _pair(nest, n=1, allow_autapses=False)
    nest.EnableStructuralPlasticity()
    nest.Simulate(10.0)
    assert len(nest.GetConnections()) == 0
    assert neurons.synaptic_elements["SE1"]["z_connected"] == 0
    nest.ResetKernel()
    neurons = _pair(nest, n=1)
    nest.EnableStructuralPlasticity()
    nest.Simulate(10.0)
    assert len(nest.GetConnections()) == 10


def test_disabled_does_not_connect(nest):
    _pair(nest)
    nest.Simulate(10.0)
    assert nest.num_connections == 0
    nest.EnableStructuralPlasticity()
    nest.DisableStructuralPlasticity()
    nest.Simulate(10.0)
    assert nest.num_connections == 0


def test_errors(nest):
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTError, match="Unknown growth curve"):
        n.synaptic_elements = {"A": {"growth_curve": "cubic"}}
    with pytest.raises(nest.NESTError, match="strictly positive"):
        n.synaptic_elements = {"A": {"tau_vacant": 0.0}}
    with pytest.raises(nest.NESTError, match="psi"):
        n.synaptic_elements = {"A": {"growth_curve": "sigmoid", "psi": -1.0}}
    assert n.synaptic_elements == {}
    with pytest.raises(nest.NESTError, match="both a pre- and postsynaptic element"):
        nest.structural_plasticity_synapses = {"s": {"pre_synaptic_element": "A"}}
    with pytest.raises(nest.NESTError):
        nest.structural_plasticity_synapses = {"s": {"synapse_model": "no_such_synapse",
                                                     "pre_synaptic_element": "A", "post_synaptic_element": "D"}}
    with pytest.raises(nest.NESTError, match="min and max delay"):
        nest.structural_plasticity_synapses = {"s": {"pre_synaptic_element": "A", "post_synaptic_element": "D",
                                                     "delay": 2.0}}
    with pytest.raises(nest.NESTError, match="Calcium concentration cannot be negative"):
        n.Ca = -1.0
    # a read-only kernel attribute: PyNEST's SetKernelStatus refuses it (ValueError)
    with pytest.raises(ValueError, match="`growth_curves` is a readonly kernel parameter"):
        nest.SetKernelStatus({"growth_curves": ["linear"]})


def _network(nest, threads):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = threads
    nest.rng_seed = 7
    nest.structural_plasticity_update_interval = 200.0
    nest.CopyModel("static_synapse", "syn_ex", {"weight": 30.0, "delay": 1.0})
    nest.structural_plasticity_synapses = {"ex": {"synapse_model": "syn_ex", "pre_synaptic_element": "Axon",
                                                  "post_synaptic_element": "Den"}}
    gc = {"growth_curve": "gaussian", "growth_rate": 0.01, "continuous": False, "eta": 0.0, "eps": 0.02}
    n = nest.Create("iaf_psc_alpha", 40, {"tau_Ca": 200.0, "synaptic_elements": {"Axon": gc, "Den": gc}})
    pg = nest.Create("poisson_generator", params={"rate": 9000.0})
    nest.Connect(pg, n, syn_spec={"weight": 12.0})
    nest.EnableStructuralPlasticity()
    counts = []
    for _ in range(6):
        nest.Simulate(200.0)
        counts.append(nest.num_connections)
    c = nest.GetConnections(n, n)
    pairs = sorted(zip(c.source, c.target))
    se = n.synaptic_elements
    return counts, pairs, [(s["Axon"]["z"], s["Den"]["z"], s["Axon"]["z_connected"]) for s in se], n.Ca


def test_thread_count_independence(nest):
    r1 = _network(nest, 1)
    r2 = _network(nest, 2)
    assert r1 == r2
    counts, pairs, se, _ = r1
    assert len(pairs) > 0 and max(counts) > 40
    assert sum(s[2] for s in se) == len(pairs)


def test_connect_and_disconnect_count_elements(nest):
    syn = {"synapse_model": "static_synapse", "pre_synaptic_element": "SE1", "post_synaptic_element": "SE2"}
    n = nest.Create("iaf_psc_alpha", 3, {"synaptic_elements": {"SE1": {"z": 0.0, "growth_rate": 0.0},
                                                                "SE2": {"z": 0.0, "growth_rate": 0.0}}})
    nest.Connect(n, n, "all_to_all", syn)
    se = n.synaptic_elements
    assert [s["SE1"]["z_connected"] for s in se] == [3, 3, 3]
    # connect(+1) raises z to hold the connected elements
    assert [s["SE2"]["z"] for s in se] == [3.0, 3.0, 3.0]
    nest.Disconnect(n[0], n[1], syn_spec=syn)
    se = n.synaptic_elements
    assert [s["SE1"]["z_connected"] for s in se] == [2, 3, 3]
    assert [s["SE2"]["z_connected"] for s in se] == [3, 2, 3]
    assert nest.num_connections == 8
    with pytest.raises(nest.NESTError, match="not implemented for structural plasticity"):
        nest.Connect(n, n, {"rule": "fixed_indegree", "indegree": 1}, syn)
    with pytest.raises(nest.NESTError, match="both a pre- and postsynaptic element"):
        nest.Connect(n, n, "one_to_one", {"pre_synaptic_element": "SE1"})
