"""Connections with state (plastic synapses) from stimulation devices, as NEST 3.9 makes them.

NEST 3.9 (nestkernel/connection.h check_connection_, node.cpp handles_test_event) lets a device
connect through a synapse model with state only if the device's send_test_event gives the synapse's
test node (ConnTestDummyNode, which handles plain SpikeEvents only) a plain SpikeEvent: that is the
case for pulsepacket_generator, spike_dilutor, and sinusoidal_gamma_generator without individual
spike trains. spike_generator and the generators that draw per target (poisson_generator, ...) test
with a DSSpikeEvent and are refused ("does not support spike input"), current generators with a
(DS)CurrentEvent. Every stimulation device uses one synapse model only
(StimulationDevice::enforce_single_syn_type). The events of a device pass its connections in
Connector::send_to_all: the synapse's send() runs once per event (whatever the multiplicity), and no
weight_recorder events are sent. spike_dilutor sends DSSpikeEvents: the synapse's send() runs (and
updates its state with the event's stamp) before DSSpikeEvent::operator() calls the dilutor's
event_hook, which draws the copies and delivers only if there is at least one. The expected values
below are computed from NEST's equations (stdp_synapse.h, tsodyks_synapse.h, archiving_node.cpp).
"""
import math

import numpy as np
import pytest

from stdp_rule import stdp_rule


PRE = [10.0, 30.0, 32.0, 50.0, 75.0, 76.0, 77.0, 120.0, 160.0, 161.5, 200.0, 240.0, 280.0]
POST = [12.0, 28.0, 45.0, 52.0, 74.0, 78.0, 125.0, 158.0, 165.0, 199.0, 205.0, 290.0]


def tsodyks_rule(stamps, U=0.5, tau_psc=3.0, tau_rec=800.0, tau_fac=0.0, x=1.0, y=0.0, u=0.0):
    """NEST's tsodyks_synapse::send: per pre stamp the factor u*x that scales the weight, and the final
    state (x, y, u); t_lastspike starts at 0."""
    t_last, factors = 0.0, []
    for t in stamps:
        h = t - t_last
        puu = 0.0 if tau_fac == 0.0 else math.exp(-h / tau_fac)
        pyy = math.exp(-h / tau_psc)
        pzz = math.expm1(-h / tau_rec)
        pxy = (pzz * tau_rec - (pyy - 1.0) * tau_psc) / (tau_psc - tau_rec)
        z = 1.0 - x - y
        u *= puu
        x += pxy * y - pzz * z
        y *= pyy
        u += U * (1.0 - u)
        dy = u * x
        x -= dy
        y += dy
        factors.append(dy)
        t_last = t
    return factors, (x, y, u)


def _dilutor_stdp(nest, p_copy, weight=40.0, d=2.0, threads=1):
    """spike_generator (PRE) -> spike_dilutor (delay 1 ms) -> stdp_synapse (delay d) -> iaf_psc_alpha,
    (tau_syn_ex 0.5 ms) whose spikes are forced by a second spike_generator (POST, 5000 pA, delay 1 ms); a twin neuron gets
    only the forcing input."""
    nest.local_num_threads = threads
    sg = nest.Create("spike_generator", params={"spike_times": PRE})
    dil = nest.Create("spike_dilutor", params={"p_copy": p_copy})
    nrn = nest.Create("iaf_psc_alpha", 2, params={"tau_syn_ex": 0.5})
    sg_post = nest.Create("spike_generator", params={"spike_times": POST})
    nest.Connect(sg, dil, syn_spec={"delay": 1.0})
    nest.Connect(sg_post, nrn, syn_spec={"weight": 5000.0, "delay": 1.0})
    nest.Connect(dil, nrn[0], syn_spec={"synapse_model": "stdp_synapse", "weight": weight, "delay": d})
    sr = nest.Create("spike_recorder")
    nest.Connect(nrn, sr)
    vm = nest.Create("voltmeter", params={"interval": 0.1})
    nest.Connect(vm, nrn)
    return dil, nrn, sr, vm, nest.GetConnections(dil, nrn[0])


def _spikes_of(sr, node):
    ev = sr.events
    return np.asarray(ev["times"])[np.asarray(ev["senders"]) == node.global_id]


def test_spike_dilutor_stdp_matches_rule_after_every_pre_spike(nest):
    """p_copy = 1: every mother spike (stamp t + 1 ms) reaches the neuron; the weight after each of
    them is NEST's STDP rule driven by the neuron's recorded spikes, with dendritic delay 2 ms."""
    dil, nrn, sr, vm, conn = _dilutor_stdp(nest, 1.0)
    stamps = [t + 1.0 for t in PRE]
    got = []
    t = 0.0
    for s in stamps:
        nest.Simulate(s + 0.5 - t)
        t = s + 0.5
        got.append(conn.get("weight"))
    nest.Simulate(300.0 - t)
    post = _spikes_of(sr, nrn[0])
    assert len(post) == len(POST)   # one spike per forcing input, none from the plastic input
    ws, kplus = stdp_rule(stamps, post.tolist(), 40.0, 2.0)
    assert got == ws
    assert conn.get("weight") == ws[-1]
    assert conn.get("Kplus") == kplus
    # the weight went both ways from pre spike to pre spike
    steps = np.diff(ws)
    assert (steps > 0).any() and (steps < 0).any()
    # the neuron received the dilutor's spikes: its trace differs from the twin's
    v = np.asarray(vm.events["V_m"])
    s = np.asarray(vm.events["senders"])
    assert not np.array_equal(v[s == nrn[0].global_id], v[s == nrn[1].global_id])


def test_spike_dilutor_stdp_updates_without_any_copy(nest):
    """p_copy = 0 (DSSpikeEvent order): the synapse's send() runs at every mother spike, so the weight
    follows the STDP rule at every one of them, although event_hook never delivers a copy; the neuron
    then behaves exactly like its twin without the plastic input."""
    dil, nrn, sr, vm, conn = _dilutor_stdp(nest, 0.0)
    nest.Simulate(300.0)
    post = _spikes_of(sr, nrn[0])
    assert post.tolist() == _spikes_of(sr, nrn[1]).tolist() and len(post) == len(POST)
    ws, kplus = stdp_rule([t + 1.0 for t in PRE], post.tolist(), 40.0, 2.0)
    assert conn.get("weight") == ws[-1] and ws[-1] != 40.0
    assert conn.get("Kplus") == kplus
    v = np.asarray(vm.events["V_m"])
    s = np.asarray(vm.events["senders"])
    assert np.array_equal(v[s == nrn[0].global_id], v[s == nrn[1].global_id])


def test_spike_dilutor_stdp_stochastic_copies(nest):
    """poisson_generator -> parrot_neuron -> spike_dilutor (p_copy 0.5) -> stdp_synapse -> 20 neurons
    with their own Poisson drive: whether a copy arrives is drawn per target, but every connection's
    weight follows the rule at every mother spike (the parrot's spikes + 1 ms), driven by its
    target's recorded spikes."""
    nest.rng_seed = 11
    pg = nest.Create("poisson_generator", params={"rate": 50.0})
    parrot = nest.Create("parrot_neuron")
    dil = nest.Create("spike_dilutor", params={"p_copy": 0.5})
    nrn = nest.Create("iaf_psc_alpha", 20)
    drive = nest.Create("poisson_generator", params={"rate": 6000.0})
    nest.Connect(pg, parrot)
    nest.Connect(parrot, dil, syn_spec={"delay": 1.0})
    nest.Connect(drive, nrn, syn_spec={"weight": 90.0})
    nest.Connect(dil, nrn, syn_spec={"synapse_model": "stdp_synapse", "weight": 300.0, "Wmax": 1000.0,
                                     "delay": 1.5})
    sr_par, sr = nest.Create("spike_recorder"), nest.Create("spike_recorder")
    nest.Connect(parrot, sr_par)
    nest.Connect(nrn, sr)
    nest.Simulate(1000.0)
    mother = (np.asarray(sr_par.events["times"]) + 1.0).tolist()
    assert len(mother) > 20
    conns = nest.GetConnections(dil, nrn)
    weights = conns.get("weight")
    targets = conns.get("target")
    nspikes = 0
    for w, tg in zip(weights, targets):
        post = _spikes_of(sr, nest.NodeCollection([tg]))
        nspikes += len(post)
        ws, _ = stdp_rule(mother, post.tolist(), 300.0, 1.5, wmax=1000.0)
        assert w == pytest.approx(ws[-1], rel=1e-13)
    assert nspikes > 100
    assert len(set(weights)) == len(weights)


def test_tsodyks_from_spike_dilutor_equals_parrot_relay(nest):
    """A spike_dilutor with p_copy 1 relays a spike_generator exactly as a parrot_neuron does (both
    send at the arrival stamp): tsodyks_synapse from either gives identical membrane traces and
    connection states, which follow the tsodyks recursion in closed form."""
    times = [5.0, 15.0, 20.0, 22.5, 60.0, 61.0, 140.0]
    sg = nest.Create("spike_generator", params={"spike_times": times})
    dil = nest.Create("spike_dilutor", params={"p_copy": 1.0})
    parrot = nest.Create("parrot_neuron")
    nrn = nest.Create("iaf_psc_exp", 2)
    nest.Connect(sg, dil, syn_spec={"delay": 1.0})
    nest.Connect(sg, parrot, syn_spec={"delay": 1.0})
    syn = {"synapse_model": "tsodyks_synapse", "weight": 400.0, "delay": 1.5, "U": 0.3, "tau_fac": 50.0,
           "tau_rec": 200.0, "tau_psc": 2.0}
    nest.Connect(dil, nrn[0], syn_spec=syn)
    nest.Connect(parrot, nrn[1], syn_spec=syn)
    mm = nest.Create("multimeter", params={"record_from": ["V_m", "I_syn_ex"], "interval": 0.1})
    nest.Connect(mm, nrn)
    nest.Simulate(200.0)
    ev = mm.events
    s = np.asarray(ev["senders"])
    for key in ("V_m", "I_syn_ex"):
        a = np.asarray(ev[key])
        assert np.array_equal(a[s == nrn[0].global_id], a[s == nrn[1].global_id])
    c_dev, c_par = nest.GetConnections(dil), nest.GetConnections(parrot, nrn[1])
    _, (x, y, u) = tsodyks_rule([t + 1.0 for t in times], U=0.3, tau_fac=50.0, tau_rec=200.0, tau_psc=2.0)
    for c in (c_dev, c_par):
        assert c.get(["x", "y", "u"]) == {"x": x, "y": y, "u": u}
    # the current jumped by weight * u * x at each arrival (stamp + delay)
    assert max(np.asarray(ev["I_syn_ex"])) > 0.0


def test_pulsepacket_multiplicity_passes_synapse_once(nest):
    """pulsepacket_generator with sdev 0 and activity 3 sends one SpikeEvent of multiplicity 3 per
    pulse (stamp pulse time + one step): tsodyks_synapse runs once per event, and the target's
    membrane (iaf_psc_delta, no leak to speak of) jumps by 3 * weight * u * x."""
    pulses = [10.0, 20.0, 35.0]
    pp = nest.Create("pulsepacket_generator", params={"pulse_times": pulses, "activity": 3, "sdev": 0.0})
    nrn = nest.Create("iaf_psc_delta", params={"tau_m": 1.0e12, "E_L": 0.0, "V_m": 0.0, "V_reset": 0.0,
                                               "V_th": 1.0e6})
    nest.Connect(pp, nrn, syn_spec={"synapse_model": "tsodyks_synapse", "weight": 2.0, "delay": 1.0,
                                    "U": 0.4, "tau_rec": 100.0})
    vm = nest.Create("voltmeter", params={"interval": 0.1})
    nest.Connect(vm, nrn)
    nest.Simulate(50.0)
    stamps = [p + 0.1 for p in pulses]
    factors, (x, y, u) = tsodyks_rule(stamps, U=0.4, tau_rec=100.0)
    c = nest.GetConnections(pp)
    assert c.get(["x", "y", "u"]) == pytest.approx({"x": x, "y": y, "u": u}, rel=1e-15)
    times = np.asarray(vm.events["times"])
    v = np.asarray(vm.events["V_m"])
    jumps = np.diff(np.concatenate([[0.0], v]))
    big = np.flatnonzero(np.abs(jumps) > 1e-9)
    # the spike stamped s with delay 1 ms is in V_m from the step ending at s + 1 ms on
    np.testing.assert_allclose(times[big], [s + 1.0 for s in stamps], atol=1e-9)
    np.testing.assert_allclose(jumps[big], [3 * 2.0 * f for f in factors], rtol=1e-12)


def test_sinusoidal_gamma_without_individual_trains(nest):
    """sinusoidal_gamma_generator sends one train to all targets unless individual_spike_trains:
    then stdp_synapse is accepted; the weight follows the rule at the generator's spikes (recorded
    through a parrot with the same delay as the generator's stamps)."""
    nest.rng_seed = 3
    nest.SetDefaults("sinusoidal_gamma_generator", {"individual_spike_trains": False})
    g = nest.Create("sinusoidal_gamma_generator", params={"rate": 40.0, "amplitude": 20.0, "frequency": 5.0,
                                                          "order": 3.0})
    parrot = nest.Create("parrot_neuron")
    nrn = nest.Create("iaf_psc_alpha", params={"I_e": 376.0})
    nest.Connect(g, parrot, syn_spec={"synapse_model": "stdp_synapse", "weight": 1.0, "Wmax": 10.0})
    nest.Connect(g, nrn, syn_spec={"synapse_model": "stdp_synapse", "weight": 50.0, "delay": 2.0})
    sr_g, sr = nest.Create("spike_recorder"), nest.Create("spike_recorder")
    nest.Connect(parrot, sr_g)
    nest.Connect(nrn, sr)
    nest.Simulate(2000.0)
    stamps = (np.asarray(sr_g.events["times"]) - 1.0).tolist()   # parrot spikes 1 ms after the stamps
    post = np.asarray(sr.events["times"]).tolist()
    assert len(stamps) > 30 and len(post) > 30
    ws, kplus = stdp_rule(stamps, post, 50.0, 2.0)
    c = nest.GetConnections(g, nrn)
    assert c.get("weight") == pytest.approx(ws[-1], rel=1e-13)
    assert c.get("Kplus") == pytest.approx(kplus, rel=1e-13)


def test_results_do_not_depend_on_thread_count(nest):
    def run(threads):
        nest.ResetKernel()
        nest.set_verbosity("M_ERROR")
        nest.local_num_threads = threads
        nest.rng_seed = 5
        pg = nest.Create("poisson_generator", params={"rate": 300.0})
        parrots = nest.Create("parrot_neuron", 3)
        nest.Connect(pg, parrots)
        dil = nest.Create("spike_dilutor", 3, params={"p_copy": 0.6})
        nest.Connect(parrots, dil, "one_to_one", syn_spec={"delay": 1.0})
        nrn = nest.Create("iaf_psc_alpha", 12, params={"I_e": 360.0})
        nest.Connect(dil, nrn, syn_spec={"synapse_model": "stdp_synapse", "weight": 60.0, "Wmax": 300.0,
                                         "delay": nest.random.uniform_int(5) * 0.5 + 1.0})
        pp = nest.Create("pulsepacket_generator", params={"pulse_times": [30.0, 90.0, 150.0], "activity": 4,
                                                          "sdev": 3.0})
        nest.Connect(pp, nrn, syn_spec={"synapse_model": "quantal_stp_synapse", "weight": 150.0, "n": 3})
        sr = nest.Create("spike_recorder")
        nest.Connect(nrn, sr)
        nest.Simulate(250.0)
        ev = sr.events
        c1 = nest.GetConnections(synapse_model="stdp_synapse")
        c2 = nest.GetConnections(synapse_model="quantal_stp_synapse")
        return (sorted(zip(ev["senders"], ev["times"])), c1.get(["source", "target", "weight", "Kplus"]),
                c2.get(["source", "target", "a", "u"]))

    one = run(1)
    assert len(one[0]) > 50
    assert run(2) == one
    assert run(3) == one


def test_weight_recorder_gets_no_device_events(nest):
    """Connector::send_to_all (device connections) sends no weight_recorder events; the same model's
    connections from a neuron do."""
    wr = nest.Create("weight_recorder")
    nest.CopyModel("stdp_synapse", "stdp_rec", {"weight_recorder": wr})
    sg = nest.Create("spike_generator", params={"spike_times": [5.0, 10.0, 15.0]})
    dil = nest.Create("spike_dilutor")
    parrot = nest.Create("parrot_neuron")
    nrn = nest.Create("iaf_psc_alpha")
    nest.Connect(sg, dil)
    nest.Connect(sg, parrot)
    nest.Connect(dil, nrn, syn_spec={"synapse_model": "stdp_rec", "weight": 10.0})
    nest.Connect(parrot, nrn, syn_spec={"synapse_model": "stdp_rec", "weight": 10.0})
    nest.Simulate(30.0)
    ev = wr.events
    assert ev["senders"].tolist() == [parrot.global_id] * 3
    assert ev["times"].tolist() == [6.0, 11.0, 16.0]
    assert nest.GetConnections(dil).get("Kplus") > 1.0


def test_connection_status_set_get_disconnect(nest):
    pp = nest.Create("pulsepacket_generator", params={"pulse_times": [10.0], "activity": 1, "sdev": 0.0})
    nrn = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(pp, nrn, syn_spec={"synapse_model": "stdp_synapse", "weight": [[5.0], [6.0], [7.0]],
                                    "Kplus": 0.5})
    c = nest.GetConnections(pp)
    assert c.get("weight") == [5.0, 6.0, 7.0]
    assert c.get("port") == [0, 1, 2]
    assert c.get("synapse_model") == ["stdp_synapse"] * 3
    c[1].set({"Kplus": 2.0, "weight": 9.0})
    assert c.get("Kplus") == [0.5, 2.0, 0.5]
    with pytest.raises(nest.NESTErrors.BadProperty, match="Kplus must be non-negative"):
        c[0].set(Kplus=-1.0)
    nest.Disconnect(pp, nrn[0], syn_spec={"synapse_model": "stdp_synapse"})
    c = nest.GetConnections(pp)
    assert c.get("target") == [nrn[1].global_id, nrn[2].global_id]
    assert c.get("Kplus") == [2.0, 0.5]
    nest.Simulate(20.0)
    # one pre spike at 10.1 ms and no post spikes: Kplus decays from t_last = 0 and gains 1; the
    # weight goes through depression by a zero trace (w / Wmax * Wmax)
    w1, k1 = stdp_rule([10.1], [], 9.0, 1.0)
    w2, k2 = stdp_rule([10.1], [], 7.0, 1.0)
    assert c.get("Kplus") == [2.0 * math.exp(-10.1 / 20.0) + 1.0, 0.5 * math.exp(-10.1 / 20.0) + 1.0]
    assert c.get("weight") == [w1[-1], w2[-1]]
    assert w2[-1] != 7.0


@pytest.mark.parametrize("model", ["spike_generator", "poisson_generator", "poisson_generator_ps",
                                   "gamma_sup_generator", "ppd_sup_generator", "inhomogeneous_poisson_generator",
                                   "sinusoidal_poisson_generator", "sinusoidal_gamma_generator", "mip_generator"])
@pytest.mark.parametrize("syn", ["stdp_synapse", "tsodyks_synapse", "bernoulli_synapse", "stdp_pl_synapse_hom_hpc"])
def test_generators_testing_with_ds_events_are_refused(nest, model, syn):
    dev = nest.Create(model)
    nrn = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.IllegalConnection,
                       match="because:\nThe target node or synapse model does not support spike input."):
        nest.Connect(dev, nrn, syn_spec={"synapse_model": syn})
    assert nest.num_connections == 0


@pytest.mark.parametrize("model,what", [("dc_generator", "current input"), ("ac_generator", "current input"),
                                        ("step_current_generator", "current input"),
                                        ("noise_generator", "DS current input"),
                                        ("multimeter", "data logging requests")])
def test_other_devices_are_refused(nest, model, what):
    dev = nest.Create(model)
    nrn = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="does not support " + what + r"\.$"):
        nest.Connect(dev, nrn, syn_spec={"synapse_model": "stdp_synapse"})


def test_one_synapse_model_per_device(nest):
    msg = "All outgoing connections from a device must use the same synapse type."
    nrn = nest.Create("iaf_psc_alpha", 2)
    pg = nest.Create("poisson_generator")
    nest.Connect(pg, nrn[0])
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=msg):
        nest.Connect(pg, nrn[1], syn_spec={"synapse_model": "static_synapse_hom_w"})
    # the first model tried counts even when that connection is refused (NEST notes it in
    # send_test_event before the synapse's test node refuses the event)
    pg2 = nest.Create("poisson_generator")
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="spike input"):
        nest.Connect(pg2, nrn[0], syn_spec={"synapse_model": "stdp_synapse"})
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=msg):
        nest.Connect(pg2, nrn[0])
    dil = nest.Create("spike_dilutor")
    nest.Connect(dil, nrn, syn_spec={"synapse_model": "tsodyks_synapse"})
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=msg):
        nest.Connect(dil, nrn[0], syn_spec={"synapse_model": "tsodyks2_synapse"})
    # copies of a model are models of their own
    nest.CopyModel("static_synapse", "exc")
    dc = nest.Create("dc_generator")
    nest.Connect(dc, nrn[0], syn_spec={"synapse_model": "exc"})
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=msg):
        nest.Connect(dc, nrn[1])
    # neurons are free to mix models
    nest.Connect(nrn[0], nrn[1])
    nest.Connect(nrn[0], nrn[1], syn_spec={"synapse_model": "stdp_synapse"})


def test_remaining_errors(nest):
    pp = nest.Create("pulsepacket_generator")
    nrn = nest.Create("iaf_psc_alpha")
    # stdp_dopamine_synapse needs its volume transmitter before any connection
    with pytest.raises(nest.NESTErrors.BadProperty, match="No volume transmitter"):
        nest.Connect(pp, nrn, syn_spec={"synapse_model": "stdp_dopamine_synapse"})
    # STDP connections into a node that archives no spikes
    pp2 = nest.Create("pulsepacket_generator")
    sr = nest.Create("spike_recorder")
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="does not support STDP synapses"):
        nest.Connect(pp2, sr, syn_spec={"synapse_model": "stdp_synapse"})
    # the individual trains of sinusoidal_gamma_generator (the default) are DS events
    g = nest.Create("sinusoidal_gamma_generator")
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="spike input"):
        nest.Connect(g, nrn, syn_spec={"synapse_model": "stdp_synapse"})
