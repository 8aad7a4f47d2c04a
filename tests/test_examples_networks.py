"""The network-construction ports in examples/nest_like (GetConnections / SynapseCollection users)
reproduce what their upstream scripts show."""
import os
import runpy

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = os.path.join(ROOT, "examples", "nest_like")


def run_example(name):
    import nestj.__main__ as m
    m.install_alias()
    return runpy.run_path(os.path.join(EX, name + ".py"), run_name="__main__")


def test_plot_weight_matrices(nest):
    g = run_example("plot_weight_matrices")
    W_EE, W_EI, W_IE, W_II = g["W_EE"], g["W_EI"], g["W_IE"], g["W_II"]
    assert W_EE.shape == (100, 100) and W_EI.shape == (25, 100) and W_IE.shape == (100, 25) and W_II.shape == (25, 25)
    # fixed in-degree: every target gets exactly CE = 10 excitatory and CI = 2 inhibitory inputs
    exc_in = np.concatenate([np.count_nonzero(W_EE, axis=0), np.count_nonzero(W_IE, axis=0)])
    assert exc_in.max() <= 10
    n_exc = len(nest.GetConnections(g["E_neurons"]))
    n_inh = len(nest.GetConnections(g["I_neurons"]))
    assert n_exc == 125 * 10 and n_inh == 125 * 2
    w = np.asarray(nest.GetConnections(g["E_neurons"]).weight)
    assert abs(w.mean() - 20.0) < 0.1 and abs(w.std() - 0.5) < 0.1
    # inhibitory weights are -5 times an independent draw from the same distribution
    wi = np.asarray(nest.GetConnections(g["I_neurons"]).weight)
    assert abs(wi.mean() + 100.0) < 0.5
    assert W_EE.sum() + W_IE.sum() == pytest.approx(w.sum())


def test_synapsecollection(nest):
    g = run_example("synapsecollection")
    conns = g["conns"]
    # the fixed_total_number connections got weights 1..5
    assert len(conns) == 5 and sorted(conns.weight) == [1.0, 2.0, 3.0, 4.0, 5.0]
    plastic = nest.GetConnections(synapse_model=g["plastic"])
    assert len(plastic) == 5 + 5 * 12
    allc = nest.GetConnections()
    assert set(allc.synapse_model) == {"static_synapse", g["plastic"]}
    assert all(1 <= s <= 15 and 1 <= t <= 15 for s, t in zip(allc.source, allc.target))


def test_campbell_siegert(nest, capsys):
    g = run_example("CampbellSiegert")
    v = g["v_free"][g["Nskip"]:]
    # Campbell's theorem: mean and variance of the free membrane potential (NEST 3.9: -57.79 / -57.82 mV,
    # 0.681 / 0.690 mV^2)
    assert np.mean(v) == pytest.approx(g["mu"] * 1000, abs=0.1)
    assert np.var(v) == pytest.approx(g["sigma2"] * 1e6, rel=0.05)
    rate = g["sr"].n_events / (g["n_neurons"] * g["simtime"] * g["ms"])
    assert 0.1 < rate < 0.4  # NEST 3.9: 0.185 (Siegert: 0.29)
    assert "firing rate (actual / calculated)" in capsys.readouterr().out
