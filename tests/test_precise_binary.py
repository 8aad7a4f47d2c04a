"""Precise spike timing models (iaf_psc_*_ps, parrot_neuron_ps, poisson_generator_ps) and binary
neurons (ginzburg, mcculloch_pitts, erfc) with spin_detector: behaviour checks beyond the parity cases."""
import math

import numpy as np
import pytest

PS_MODELS = ["iaf_psc_alpha_ps", "iaf_psc_exp_ps", "iaf_psc_exp_ps_lossless", "iaf_psc_delta_ps"]


def precise_net(nest, model, threads, chunks):
    nest.ResetKernel()
    nest.local_num_threads = threads
    nest.rng_seed = 5
    delta = model == "iaf_psc_delta_ps"
    pg = nest.Create("poisson_generator_ps", params={"rate": 8000.0, "dead_time": 0.1})
    ns = nest.Create(model, 40)
    par = nest.Create("parrot_neuron_ps", 5)
    sg = nest.Create("spike_generator", params={"spike_times": [1.23456, 5.5, 7.25, 7.25], "precise_times": True})
    nest.Connect(sg, par)
    nest.Connect(pg, ns, syn_spec={"weight": 1.0 if delta else 60.0, "delay": 1.0})
    nest.Connect(ns, ns, {"rule": "fixed_indegree", "indegree": 10},
                 {"weight": -0.5 if delta else -20.0, "delay": nest.random.uniform(0.5, 3.0)})
    nest.Connect(par, ns, syn_spec={"weight": 10.0, "delay": 1.3})
    sr = nest.Create("spike_recorder")
    nest.Connect(ns + par, sr)
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    nest.Connect(mm, ns[:3])
    for t in chunks:
        nest.Simulate(t)
    ev, mv = sr.events, mm.events
    o = np.lexsort((ev["senders"], ev["times"]))
    o2 = np.lexsort((mv["senders"], mv["times"]))
    return np.asarray(ev["times"])[o], np.asarray(ev["senders"])[o], np.asarray(mv["V_m"])[o2]


@pytest.mark.parametrize("model", PS_MODELS)
def test_precise_threads_and_chunks(nest, model):
    a = precise_net(nest, model, 1, [100.0])
    assert len(a[0]) > 100
    for b in (precise_net(nest, model, 2, [100.0]), precise_net(nest, model, 1, [10.1, 33.3, 56.6])):
        assert np.array_equal(a[1], b[1])
        assert np.array_equal(a[0], b[0])
        assert np.array_equal(a[2], b[2])


def test_parrot_neuron_ps_keeps_offsets(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [1.23456, 5.5, 7.25, 7.25], "precise_times": True})
    par = nest.Create("parrot_neuron_ps")
    sr = nest.Create("spike_recorder")
    nest.Connect(sg, par, syn_spec={"delay": 1.0})
    nest.Connect(par, sr)
    nest.Simulate(20.0)
    assert np.allclose(sr.events["times"], [2.23456, 6.5, 8.25, 8.25], atol=1e-12)
    assert nest.GetKernelStatus("off_grid_spiking")


def test_delta_ps_fires_at_input_time(nest):
    """A suprathreshold delta input makes iaf_psc_delta_ps fire exactly at the input's precise time."""
    sg = nest.Create("spike_generator", params={"spike_times": [2.3456], "precise_times": True})
    n = nest.Create("iaf_psc_delta_ps")
    sr = nest.Create("spike_recorder")
    nest.Connect(sg, n, syn_spec={"weight": 20.0, "delay": 1.0})
    nest.Connect(n, sr)
    nest.Simulate(10.0)
    assert np.allclose(sr.events["times"], [3.3456], atol=1e-12)
    assert n.get("is_refractory") is False or n.get("is_refractory") == 0


def test_alpha_ps_dc_spike_time(nest):
    """Constant current: the first spike is at t = -tau_m ln(1 - (V_th - E_L) C_m / (I tau_m))."""
    n = nest.Create("iaf_psc_exp_ps", params={"I_e": 1000.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Simulate(10.0)
    t = -10.0 * math.log(1 - 15.0 * 250.0 / (1000.0 * 10.0))
    assert abs(sr.events["times"][0] - t) < 1e-10


def test_ps_parameter_errors(nest):
    with pytest.raises(Exception, match="Reset potential must be smaller than threshold"):
        nest.Create("iaf_psc_alpha_ps", params={"V_reset": -50.0})
    with pytest.raises(Exception, match="tau_syn_ex == tau_syn_in"):
        nest.Create("iaf_psc_exp_ps_lossless", params={"tau_syn_ex": 3.0})
    with pytest.raises(Exception, match="at least one time step"):
        nest.Create("iaf_psc_delta_ps", params={"t_ref": 0.0})
    with pytest.raises(Exception, match="inverse rate cannot be smaller than the dead time"):
        nest.Create("poisson_generator_ps", params={"rate": 500.0, "dead_time": 5.0})


def test_poisson_generator_ps_dead_time(nest):
    pg = nest.Create("poisson_generator_ps", params={"rate": 100.0, "dead_time": 3.0})
    par = nest.Create("parrot_neuron_ps", 20)
    sr = nest.Create("spike_recorder")
    nest.Connect(pg, par)
    nest.Connect(par, sr)
    nest.Simulate(2000.0)
    ev = sr.events
    t, s = np.asarray(ev["times"]), np.asarray(ev["senders"])
    isis = np.concatenate([np.diff(np.sort(t[s == g])) for g in np.unique(s)])
    assert isis.min() >= 3.0 - 1e-9
    rate = len(t) / 20 / 2.0
    assert abs(rate - 100.0) < 8.0
    # trains differ between targets
    assert not np.array_equal(np.sort(t[s == s[0]]), np.sort(t[s == s[1]]))


def binary_net(nest, model, threads, params):
    nest.ResetKernel()
    nest.local_num_threads = threads
    nest.rng_seed = 11
    ns = nest.Create(model, 200, params=params)
    nest.Connect(ns, ns, {"rule": "fixed_indegree", "indegree": 20}, {"weight": -0.5})
    drive = nest.Create("ginzburg_neuron", 100, params={"c_1": 0.0, "c_2": 1.0, "c_3": 1.0})
    nest.Connect(drive, ns, {"rule": "fixed_indegree", "indegree": 10}, {"weight": 1.0})
    sd = nest.Create("spin_detector")
    nest.Connect(ns, sd)
    mm = nest.Create("multimeter", params={"record_from": ["h", "S"]})
    nest.Connect(mm, ns[:2])
    nest.Simulate(300.0)
    return sd.events, mm.events


@pytest.mark.parametrize("model,params", [("ginzburg_neuron", {"theta": 0.0}),
                                          ("mcculloch_pitts_neuron", {"theta": 2.0}),
                                          ("erfc_neuron", {"theta": 0.5, "sigma": 1.0})])
def test_binary_threads_and_states(nest, model, params):
    a, ma = binary_net(nest, model, 1, params)
    b, mb = binary_net(nest, model, 2, params)
    assert len(a["times"]) > 100
    assert np.array_equal(a["times"], b["times"]) and np.array_equal(a["state"], b["state"])
    assert np.array_equal(ma["h"], mb["h"])
    assert set(np.unique(a["state"])) <= {0, 1}
    assert set(np.unique(ma["S"])) <= {0.0, 1.0}


def test_binary_signal_compatibility(nest):
    x = nest.Create("iaf_psc_alpha")
    y = nest.Create("ginzburg_neuron")
    sd = nest.Create("spin_detector")
    with pytest.raises(Exception, match="not compatible"):
        nest.Connect(x, y)
    with pytest.raises(Exception, match="not compatible"):
        nest.Connect(x, sd)


def test_mcculloch_pitts_follows_input(nest):
    """A unit driven up by one always-on source: h = weight, S = 1 once updated."""
    src = nest.Create("mcculloch_pitts_neuron", params={"theta": -1.0, "tau_m": 1.0})
    tgt = nest.Create("mcculloch_pitts_neuron", params={"theta": 0.5, "tau_m": 1.0})
    nest.Connect(src, tgt, syn_spec={"weight": 1.0})
    nest.Simulate(50.0)
    assert src.get("S") == 1.0
    assert tgt.get("h") == 1.0
    assert tgt.get("S") == 1.0
