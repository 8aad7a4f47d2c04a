"""ht_neuron (Hill & Tononi 2005): defaults, receptors, validation and spiking, against NEST 3.9."""
import json
import math
import os

import numpy as np
import pytest

# the key NEST reports for every model that nestj does not have
POOL_KEYS = {"elementsize"}   # the C++ object size of NEST's ht_neuron


def test_defaults_match_nest(nest, refdir):
    with open(os.path.join(refdir, "defaults", "ht_neuron.json")) as f:
        ref = json.load(f)
    d = nest.GetDefaults("ht_neuron")
    assert set(ref) - set(d) == POOL_KEYS
    for k in set(ref) - POOL_KEYS:
        v = list(d[k]) if isinstance(d[k], (tuple, np.ndarray)) else d[k]
        assert v == ref[k], k
    n = nest.Create("ht_neuron")
    assert list(n.get("recordables")) == ref["recordables"]
    assert n.get("receptor_types") == {"AMPA": 1, "NMDA": 2, "GABA_A": 3, "GABA_B": 4}
    # the initial state: V at the leak equilibrium, threshold at theta_eq
    assert n.V_m == pytest.approx((0.2 * 30.0 + 1.0 * -90.0) / 1.2, abs=1e-12)
    assert n.theta == -51.0


def test_receptor_zero_and_out_of_range_rejected(nest):
    n = nest.Create("ht_neuron")
    sg = nest.Create("spike_generator")
    for rt in (0, 5):
        with pytest.raises(nest.NESTErrors.UnknownReceptorType, match="Receptor type %d is not available in ht_neuron" % rt):
            nest.Connect(sg, n, syn_spec={"receptor_type": rt})
    dc = nest.Create("dc_generator")
    with pytest.raises(nest.NESTErrors.UnknownReceptorType):
        nest.Connect(dc, n, syn_spec={"receptor_type": 1})
    for rt in (1, 2, 3, 4):
        nest.Connect(sg, n, syn_spec={"receptor_type": rt})
    assert nest.GetKernelStatus("num_connections") == 4


def test_bad_parameters(nest):
    n = nest.Create("ht_neuron")
    with pytest.raises(nest.NESTErrors.BadParameter, match="g_peak_NMDA >= 0 required"):
        n.set(g_peak_NMDA=-0.1)
    with pytest.raises(nest.NESTErrors.BadParameter, match="tau_rise_AMPA < tau_decay_AMPA required"):
        n.set(tau_rise_AMPA=3.0)
    with pytest.raises(nest.NESTErrors.BadParameter, match="tau_m > 0 required"):
        n.set(tau_m=0.0)
    # a failed set changes nothing
    assert n.g_peak_NMDA == 0.075 and n.tau_rise_AMPA == 0.5 and n.tau_m == 16.0


def test_equilibrate_and_state(nest):
    n = nest.Create("ht_neuron")
    n.set({"V_m": -60.0, "theta": -40.0, "equilibrate": True})
    assert n.V_m == -60.0 and n.theta == -40.0
    mm = nest.Create("multimeter", params={"record_from": ["I_h", "I_T"], "interval": 0.1})
    nest.Connect(mm, n)
    nest.Simulate(5.0)  # the multimeter receives a slice's samples at the start of the next slice, as in NEST
    ev = mm.get("events")
    # I_h at the equilibrium activation for V close to -60 mV
    m_h = 1.0 / (1.0 + math.exp((-60.0 + 75.0) / 5.5))
    assert ev["I_h"][0] == pytest.approx(-m_h * (-60.0 + 40.0), rel=1e-2)


def test_spikes_with_dc_and_synaptic_input(nest):
    n = nest.Create("ht_neuron", 2)
    dc = nest.Create("dc_generator", params={"amplitude": 40.0, "start": 20.0, "stop": 120.0})
    nest.Connect(dc, n[0])
    sg = nest.Create("spike_generator", params={"spike_times": [10.0, 30.0, 50.0]})
    nest.Connect(sg, n[1], syn_spec={"weight": 8.0, "receptor_type": 1})
    mm = nest.Create("multimeter", params={"record_from": ["V_m", "theta", "g_AMPA"], "interval": 0.1})
    nest.Connect(mm, n)
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Simulate(200.0)
    ev = sr.get("events")
    t0 = [t for t, s in zip(ev["times"], ev["senders"]) if s == n[0].global_id]
    t1 = [t for t, s in zip(ev["times"], ev["senders"]) if s == n[1].global_id]
    # dc input: regular firing while the current is on, none before or after
    assert len(t0) >= 3 and all(20.0 < t <= 121.0 for t in t0)
    # AMPA input of weight 8 makes the neuron fire shortly after each input (as in NEST's parity case)
    assert len(t1) >= 1 and all(t > 11.0 for t in t1)
    m = mm.get("events")
    v = [x for x, s in zip(m["V_m"], m["senders"]) if s == n[0].global_id]
    th = [x for x, s in zip(m["theta"], m["senders"]) if s == n[0].global_id]
    # at a spike V and theta are set to E_Na
    assert max(v) == pytest.approx(30.0, abs=10.0) and max(th) > 0.0
    g = [x for x, s in zip(m["g_AMPA"], m["senders"]) if s == n[1].global_id]
    assert max(g) > 0.0 and min(g) >= 0.0
