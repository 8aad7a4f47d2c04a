"""cont_delay_synapse, cont_delay_synapse_hpc and cont_delay_synapse_lbl: static synapses with continuous
delays (NEST 3.9 models/cont_delay_synapse.h, cont_delay_synapse_impl.h).

Expected values are worked out by hand from NEST's rules, on NEST's tic grid (nestkernel/nest_time.h):
a delay d is split as x = d / h, (frac, whole) = modf(x); on the grid (frac == 0) it is delay_ms_to_steps(d)
steps, else whole + 1 steps less the offset h * (1 - frac); a spike of precise offset o passing the
connection gets offset o + offset and the connection's steps, or, if that sum reaches h, one step less and
the sum less h (cont_delay_synapse::send). parrot_neuron_ps repeats the spike at its arrival, so its
spike times are the input times plus the continuous delay."""
import json
import math
import os

import numpy as np
import pytest

MODELS = ("cont_delay_synapse", "cont_delay_synapse_hpc", "cont_delay_synapse_lbl")
TICS_PER_MS = 1000.0
MS_PER_TIC = 1.0 / TICS_PER_MS


class Grid:
    """NEST's Time arithmetic for resolution h (default tic length)."""

    def __init__(self, h):
        self.tps = int(round(h * TICS_PER_MS))              # TICS_PER_STEP
        self.h = MS_PER_TIC * self.tps                      # Time::get_resolution().get_ms()
        self.ms_per_step = self.tps / TICS_PER_MS           # Range::MS_PER_STEP
        self.steps_per_ms = 1.0 / self.ms_per_step          # Range::STEPS_PER_MS

    def step_ms(self, s):                                   # Time(Time::step(s)).get_ms()
        return MS_PER_TIC * (s * self.tps)

    def ms_stamp(self, t):                                  # Time::ms_stamp(t).get_steps()
        n = int(t * TICS_PER_MS)
        n -= n % self.tps
        if n * (1.0 / self.tps) * self.ms_per_step < t:
            n += self.tps
        return n // self.tps

    def delay_steps(self, d):                               # Time::delay_ms_to_steps
        return int(math.floor(d * self.steps_per_ms + 0.5))

    def split(self, d):
        """cont_delay_synapse::set_status of delay d: (steps, delay offset)."""
        frac, whole = math.modf(d / self.h)
        if frac == 0:
            return self.delay_steps(d), 0.0
        return int(whole) + 1, self.h * (1.0 - frac)

    def reported(self, d):                                  # get_status: Time::step(steps).get_ms() - offset
        steps, off = self.split(d)
        return self.step_ms(steps) - off

    def precise(self, t):
        """spike_generator with precise_times: (stamp, offset) of spike time t."""
        s = self.ms_stamp(t)
        off = self.step_ms(s) - t
        if abs(off) < np.finfo(float).eps * abs(self.step_ms(s) + t) * 2.0:
            off = 0.0
        return s, off

    def through(self, stamp, off, d):
        """A spike (stamp, offset) through a cont_delay_synapse of delay d: its arrival (stamp, offset) and
        whether it went one step earlier."""
        steps, doff = self.split(d)
        total = off + doff
        if total < self.h:
            return stamp + steps, total, False
        return stamp + steps - 1, total - self.h, True


def test_grid_helper_matches_nest_docs_example():
    # the docs' decomposition: actual delay = steps * h - offset, offset in [0, h)
    g = Grid(0.1)
    steps, off = g.split(1.23)
    assert steps == 13 and 0 < off < g.h and off == pytest.approx(0.07, abs=1e-15)
    assert g.split(1.0) == (10, 0.0) and g.split(1.75) == (18, 0.1 * (1.0 - math.modf(1.75 / 0.1)[0]))


@pytest.mark.parametrize("model", MODELS)
def test_defaults_match_nest(nest, refdir, model):
    ref = json.load(open(os.path.join(refdir, "defaults", model + ".json")))
    d = nest.GetDefaults(model)
    assert set(d) == set(ref)
    for k, v in ref.items():
        if k == "weight_recorder":
            continue
        assert d[k] == v, k
        assert type(d[k]) is type(v), k


SPIKES = [1.0, 2.01, 3.07, 4.049, 5.5, 6.123, 7.199, 8.24]
DELAYS = [1.0, 1.23, 1.75]


def parrot_relay(nest, h, delays, how, threads=1, model="cont_delay_synapse"):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = threads
    nest.resolution = h
    sg = nest.Create("spike_generator", params={"spike_times": SPIKES, "precise_times": True})
    parrots = nest.Create("parrot_neuron_ps", len(delays))
    sr = nest.Create("spike_recorder")
    if how == "set_status":
        nest.Connect(sg, parrots, syn_spec={"synapse_model": model})
        c = nest.GetConnections(sg, parrots)
        c.set({"delay": list(delays)})
    else:   # one copy of the model per delay, the delay set as its default
        for j, d in enumerate(delays):
            nest.CopyModel(model, "cd%d" % j, {"delay": d})
            # one generator per model: a device's connections must all use one synapse model
            sgj = sg if j == 0 else nest.Create("spike_generator", params={"spike_times": SPIKES, "precise_times": True})
            nest.Connect(sgj, parrots[j], syn_spec={"synapse_model": "cd%d" % j})
    nest.Connect(parrots, sr, syn_spec={"delay": h})
    nest.Simulate(12.0)
    ev = sr.events
    return parrots, ev["senders"], ev["times"]


@pytest.mark.parametrize("h", [0.1, 0.25])
@pytest.mark.parametrize("how", ["set_status", "defaults"])
def test_parrot_ps_repeats_input_at_continuous_delay(nest, h, how):
    g = Grid(h)
    parrots, senders, times = parrot_relay(nest, h, DELAYS, how)
    shifted = 0
    for j, d in enumerate(DELAYS):
        got = np.sort(times[senders == parrots[j].global_id])
        want = []
        for t in SPIKES:
            s, off = g.precise(t)
            s2, off2, earlier = g.through(s, off, d)
            shifted += earlier
            want.append(g.step_ms(s2) - off2)
        assert got.tolist() == want, (h, d)                              # bit for bit
        assert np.allclose(got, np.array(SPIKES) + d, rtol=0, atol=1e-12)  # = t_spike + delay
    assert shifted > 0   # the input covers spikes that arrive one step earlier


def test_get_connections_reports_continuous_delay(nest):
    for h in (0.1, 0.25):
        g = Grid(h)
        nest.ResetKernel()
        nest.resolution = h
        n = nest.Create("parrot_neuron_ps", 4)
        nest.Connect(n[0], n[1:], syn_spec={"synapse_model": "cont_delay_synapse", "delay": 2.0})
        c = nest.GetConnections(n[0])
        c.set({"delay": [1.0, 1.23, 1.75]})
        assert list(c.get("delay")) == [g.reported(d) for d in (1.0, 1.23, 1.75)]
        assert c[1].get("delay") == pytest.approx(1.23, abs=1e-14)
        nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
        assert nest.GetDefaults("cont_delay_synapse")["delay"] == g.reported(1.23)
        s = nest.GetConnections(n[0], n[2]).get()
        assert s["delay"] == g.reported(1.23) and s["sizeof"] == 40 and s["synapse_model"] == "cont_delay_synapse"


def test_delay_extrema_follow_both_whole_steps(nest):
    g = Grid(0.1)
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse", "delay": 2.0})
    nest.GetConnections().set(delay=1.27)
    # Connection::set_status notes the rounded 13 steps, cont_delay_synapse 12 and 13; 20 stays the maximum
    assert nest.GetKernelStatus("min_delay") == pytest.approx(1.2, abs=1e-12)
    assert nest.GetKernelStatus("max_delay") == pytest.approx(2.0, abs=1e-12)
    nest.ResetKernel()
    n = nest.Create("iaf_psc_alpha", 2)
    # SetDefaults freezes the extrema; the default connection's whole steps (13) count when it is used
    nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse"})
    assert nest.GetKernelStatus("min_delay") == pytest.approx(1.3, abs=1e-12)
    assert nest.GetKernelStatus("max_delay") == pytest.approx(1.3, abs=1e-12)
    assert nest.GetConnections().get("delay") == g.reported(1.23)


def test_connect_rounds_the_delay_and_warns(nest, capfd):
    g = Grid(0.1)
    n = nest.Create("iaf_psc_alpha", 2)
    nest.set_verbosity("M_WARNING")     # the fixture's M_ERROR would hide it (the fixture resets it)
    capfd.readouterr()
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse", "delay": 1.23})
    out = capfd.readouterr().out
    assert "Connect [Warning]: \n    The delay will be rounded to the next multiple of the time step." in out
    assert nest.GetConnections().get("delay") == g.step_ms(12)   # delay_ms_to_steps(1.23) = 12, offset 0
    # a delay given to Connect is rounded, the offset stays the default connection's (NEST's set_delay)
    nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
    steps, off = g.split(1.23)
    m = nest.Create("iaf_psc_alpha")
    nest.Connect(n[0], m, syn_spec={"synapse_model": "cont_delay_synapse", "delay": 2.0})
    assert nest.GetConnections(n[0], m).get("delay") == g.step_ms(20) - off
    # a weight alone leaves the default connection's delay untouched, and no warning
    capfd.readouterr()
    nest.Connect(n[1], m, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 3.0})
    assert "The delay will be rounded" not in capfd.readouterr().out   # (the GetConnections warning is there)
    assert nest.GetConnections(n[1], m).get(["delay", "weight"]) == {"delay": g.step_ms(steps) - off, "weight": 3.0}


def test_delays_below_resolution_and_outside_extrema(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    # 0.07 ms rounds to one step, but the split needs 0 and 1 steps
    with pytest.raises(nest.NESTErrors.BadDelay, match="Delay must be greater than or equal to resolution"):
        nest.SetDefaults("cont_delay_synapse", {"delay": 0.07})
    with pytest.raises(nest.NESTErrors.BadDelay, match="Delay must be greater than or equal to resolution"):
        nest.SetDefaults("cont_delay_synapse", {"delay": 0.04})
    assert nest.GetDefaults("cont_delay_synapse")["delay"] == 1.0
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse"})
    c = nest.GetConnections()
    with pytest.raises(nest.NESTErrors.BadDelay, match="Delay must be greater than or equal to resolution"):
        c.set(delay=0.05)
    assert c.get("delay") == 1.0

    nest.ResetKernel()
    nest.SetKernelStatus({"min_delay": 1.0, "max_delay": 2.0})
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse"})
    c = nest.GetConnections()
    # 0.95: rounds to 10 steps (valid), but 9 steps are below min_delay
    with pytest.raises(nest.NESTErrors.BadDelay, match="greater than or equal to min_delay"):
        c.set(delay=0.95)
    with pytest.raises(nest.NESTErrors.BadDelay, match="smaller than or equal to max_delay"):
        c.set(delay=2.05)
    c.set(delay=1.95)
    assert c.get("delay") == Grid(0.1).reported(1.95)

    nest.ResetKernel()
    n = nest.Create("parrot_neuron", 3)
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse", "delay": 1.0})
    nest.Connect(n[0], n[2], syn_spec={"delay": 2.0})
    nest.Simulate(1.0)
    c = nest.GetConnections(synapse_model="cont_delay_synapse")
    with pytest.raises(nest.NESTErrors.BadDelay, match="Minimum delay cannot be changed after Simulate has been called."):
        c.set(delay=0.95)
    with pytest.raises(nest.NESTErrors.BadDelay, match="Minimum and maximum delay cannot be changed after Simulate"):
        c.set(delay=2.05)
    c.set(delay=1.95)
    assert c.get("delay") == Grid(0.1).reported(1.95)


def test_models_that_cannot_take_it(nest):
    # the same connection checks as static_synapse: rate neurons send secondary events only
    r = nest.Create("lin_rate_ipn", 2)
    for model in ("static_synapse", "cont_delay_synapse"):
        with pytest.raises(nest.NESTErrors.IllegalConnection):
            nest.Connect(r[0], r[1], syn_spec={"synapse_model": model})
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.Connect(n, n, syn_spec={"synapse_model": "cont_delay_synapse", "synapse_label": 2})


def test_grid_targets_see_whole_steps(nest):
    """Grid models take the event's delay in steps: the connection's steps, or one less when a precise
    spike's offset plus the delay offset reaches the resolution."""
    g = Grid(0.1)
    nest.resolution = 0.1
    grid_sg = nest.Create("spike_generator", params={"spike_times": [2.0]})
    prec_sg = nest.Create("spike_generator", params={"spike_times": [5.01, 8.09], "precise_times": True})
    parrot = nest.Create("parrot_neuron", 2)
    delta = nest.Create("iaf_psc_delta", params={"E_L": 0.0, "V_m": 0.0, "V_reset": 0.0, "V_th": 1e9,
                                                  "tau_m": 1e12, "C_m": 1.0, "t_ref": 0.1})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    sr = nest.Create("spike_recorder")
    nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
    nest.Connect(grid_sg, parrot[0], syn_spec={"synapse_model": "cont_delay_synapse"})
    nest.Connect(prec_sg, parrot[1], syn_spec={"synapse_model": "cont_delay_synapse"})
    nest.Connect(grid_sg, delta, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 1.0})
    nest.Connect(prec_sg, delta, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 10.0})
    nest.Connect(parrot, sr, syn_spec={"delay": 0.1})
    nest.Connect(mm, delta)
    nest.Simulate(12.0)
    arrivals = []   # (stamp of arrival, weight)
    arrivals.append((g.ms_stamp(2.0) + 13, 1.0))   # grid spikes: offset 0 + 0.07 < h, all 13 steps
    for t in (5.01, 8.09):
        s, off = g.precise(t)
        s2, _, earlier = g.through(s, off, 1.23)
        assert earlier == (t == 5.01)   # 0.09 + 0.07 >= 0.1; 0.01 + 0.07 < 0.1
        arrivals.append((s2, 10.0))
    ev = sr.events
    assert ev["times"][ev["senders"] == parrot[0].global_id].tolist() == [g.step_ms(arrivals[0][0])]
    assert ev["times"][ev["senders"] == parrot[1].global_id].tolist() == [g.step_ms(a) for a, _ in arrivals[1:]]
    v = mm.events
    steps = np.rint(v["times"] / 0.1).astype(int)
    want = np.array([sum(w for a, w in arrivals if a <= s) for s in steps])
    assert np.allclose(v["V_m"], want, rtol=1e-9, atol=0.0)


def test_iaf_psc_exp_ps_sees_the_exact_arrival(nest):
    """One spike into iaf_psc_exp_ps, subthreshold: V_m at the grid times after the arrival t_a is the
    closed-form PSP w/C tau_s tau_m/(tau_m - tau_s) (exp(-(t - t_a)/tau_m) - exp(-(t - t_a)/tau_s))."""
    for h, d, t in ((0.1, 1.23, 2.03), (0.1, 1.75, 2.091), (0.25, 1.23, 2.01)):
        g = Grid(h)
        nest.ResetKernel()
        nest.resolution = h
        tau_m, tau_s, C, w = 10.0, 2.0, 250.0, 500.0
        n = nest.Create("iaf_psc_exp_ps", params={"E_L": 0.0, "V_m": 0.0, "V_reset": 0.0, "V_th": 1e6,
                                                   "tau_m": tau_m, "tau_syn_ex": tau_s, "C_m": C})
        sg = nest.Create("spike_generator", params={"spike_times": [t], "precise_times": True})
        mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": h})
        nest.Connect(sg, n, syn_spec={"synapse_model": "cont_delay_synapse", "weight": w})
        nest.GetConnections(sg, n).set(delay=d)
        nest.Connect(mm, n)
        nest.Simulate(10.0)
        s, off = g.precise(t)
        s2, off2, _ = g.through(s, off, d)
        ta = g.step_ms(s2) - off2
        assert ta == pytest.approx(t + d, abs=1e-12)
        ev = mm.events
        tt, vm = ev["times"], ev["V_m"]
        dt = tt - ta
        want = np.where(dt > 0, w / C * tau_s * tau_m / (tau_m - tau_s) * (np.exp(-np.maximum(dt, 0) / tau_m)
                                                                         - np.exp(-np.maximum(dt, 0) / tau_s)), 0.0)
        assert np.allclose(vm, want, rtol=1e-9, atol=1e-13), (h, d, t)
        assert vm[tt < ta].max() == 0.0 and vm[tt > ta].min() > 0.0


def test_spike_recorder_behind_the_synapse(nest):
    """A recorder logs the event's stamp (the sender's) with the offset the synapse changed."""
    g = Grid(0.1)
    sg = nest.Create("spike_generator", params={"spike_times": [2.01, 3.05], "precise_times": True})
    sr = nest.Create("spike_recorder", params={"time_in_steps": True})
    nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
    nest.Connect(sg, sr, syn_spec={"synapse_model": "cont_delay_synapse"})
    nest.Simulate(10.0)
    _, doff = g.split(1.23)
    ev = sr.events
    want_steps, want_off = [], []
    for t in (2.01, 3.05):
        s, off = g.precise(t)
        total = off + doff
        want_steps.append(s)
        want_off.append(total if total < g.h else total - g.h)
    assert ev["times"].tolist() == want_steps and ev["offsets"].tolist() == want_off


def _relayed_poisson_times(nest, generator):
    """Spike times of a parrot_neuron_ps fed by `generator` (2000 spikes/s, 50 ms) over cont_delay_synapse with
    delay 1.23 and over static_synapse with delay 1.3 (the same 13 steps), in that order."""
    out = []
    for model, delay in (("cont_delay_synapse", 1.23), ("static_synapse", 1.3)):
        nest.ResetKernel()
        pg = nest.Create(generator, params={"rate": 2000.0})
        p = nest.Create("parrot_neuron_ps")
        sr = nest.Create("spike_recorder")
        nest.CopyModel(model, "syn", {"delay": delay})
        nest.Connect(pg, p, syn_spec={"synapse_model": "syn"})
        nest.Connect(p, sr)
        nest.Simulate(50.0)
        out.append(sr.events["times"])
    return out


def test_poisson_generator_ps_sets_its_own_offsets(nest):
    """poisson_generator_ps's event_hook stamps every spike itself: through a cont_delay_synapse its spikes
    arrive after the connection's whole steps, exactly as through a static_synapse of that many steps."""
    out = _relayed_poisson_times(nest, "poisson_generator_ps")
    assert len(out[0]) > 50 and out[0].tolist() == out[1].tolist()


def test_poisson_generator_spikes_take_the_offset(nest):
    """poisson_generator (grid spikes, offset 0) through cont_delay_synapse into parrot_neuron_ps: the spikes
    keep the connection's steps and take its delay offset: each arrival is the static arrival less it."""
    out = _relayed_poisson_times(nest, "poisson_generator")
    _, doff = Grid(0.1).split(1.23)
    assert len(out[0]) > 50 and out[0].tolist() == (out[1] - doff).tolist()


def test_neuron_sources_into_grid_buffers(nest):
    """parrot_neuron_ps (precise source) relays through cont_delay_synapse into a grid iaf_psc_delta and
    a parrot_neuron_ps; both sit in one connection segment with a static connection."""
    g = Grid(0.1)
    sg = nest.Create("spike_generator", params={"spike_times": [3.01, 4.05], "precise_times": True})
    relay = nest.Create("parrot_neuron_ps")
    delta = nest.Create("iaf_psc_delta", params={"E_L": 0.0, "V_m": 0.0, "V_reset": 0.0, "V_th": 1e9,
                                                  "tau_m": 1e12, "C_m": 1.0, "t_ref": 0.1})
    out = nest.Create("parrot_neuron_ps")
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    sr = nest.Create("spike_recorder")
    nest.Connect(sg, relay, syn_spec={"delay": 1.0})
    nest.Connect(relay, delta, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 1.0})
    nest.Connect(relay, delta, syn_spec={"weight": 100.0, "delay": 1.0})
    nest.Connect(relay, out, syn_spec={"synapse_model": "cont_delay_synapse"})
    nest.GetConnections(relay, synapse_model="cont_delay_synapse").set(delay=1.55)
    nest.Connect(out, sr, syn_spec={"delay": 1.0})
    nest.Connect(mm, delta)
    nest.Simulate(12.0)
    arr, static_arr = [], []
    for t in (3.01, 4.05):
        s, off = g.precise(t)
        s1, off1 = s + 10, off                       # relay: static 1 ms
        s2, off2, _ = g.through(s1, off1, 1.55)
        arr.append((s2, off2))
        static_arr.append(s1 + 10)
    assert sr.events["times"].tolist() == [g.step_ms(s2) - o2 for s2, o2 in arr]
    v = mm.events
    steps = np.rint(v["times"] / 0.1).astype(int)
    want = np.array([sum(1.0 for a, _ in arr if a <= st) + sum(100.0 for a in static_arr if a <= st) for st in steps])
    assert np.allclose(v["V_m"], want, rtol=1e-9, atol=0.0)


def test_hpc_and_lbl_variants(nest):
    g = Grid(0.1)
    ref = None
    for model in MODELS:
        parrots, senders, times = parrot_relay(nest, 0.1, DELAYS, "set_status", model=model)
        got = [times[senders == p.global_id].tolist() for p in parrots]
        ref = ref or got
        assert got == ref, model
    nest.ResetKernel()
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse_lbl", "synapse_label": 7})
    nest.Connect(n[0], n[2], syn_spec={"synapse_model": "cont_delay_synapse_hpc"})
    c = nest.GetConnections(synapse_label=7)
    assert len(c) == 1 and c.get("target") == n[1].global_id
    c.set(delay=1.23, synapse_label=9)
    s = nest.GetConnections(n[0], n[1]).get()
    assert (s["synapse_label"], s["delay"], s["sizeof"]) == (9, g.reported(1.23), 48)
    h = nest.GetConnections(n[0], n[2])
    h.set(delay=1.75)
    s = h.get()
    assert (s["delay"], s["sizeof"], s["synapse_model"]) == (g.reported(1.75), 24, "cont_delay_synapse_hpc")
    assert "synapse_label" not in s


def test_thread_count_independence(nest):
    def run(threads):
        nest.ResetKernel()
        nest.local_num_threads = threads
        times = [1.0 + 0.37 * k for k in range(20)]
        sg = nest.Create("spike_generator", params={"spike_times": times, "precise_times": True})
        relay = nest.Create("parrot_neuron_ps", 5)
        tgt = nest.Create("iaf_psc_exp_ps", 7, params={"V_th": -60.0})
        sr = nest.Create("spike_recorder")
        nest.Connect(sg, relay, syn_spec={"synapse_model": "cont_delay_synapse"})
        nest.GetConnections(sg, relay).set(delay=[1.0 + 0.13 * j for j in range(5)])
        nest.Connect(relay, tgt, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 400.0})
        c = nest.GetConnections(relay, tgt)
        c.set(delay=[1.0 + 0.07 * (j % 11) for j in range(len(c))])
        nest.Connect(relay + tgt, sr)
        nest.Simulate(15.0)
        ev = sr.events
        return sorted(zip(ev["senders"].tolist(), ev["times"].tolist()))
    one = run(1)
    assert len(one) > 100
    assert run(2) == one and run(3) == one


def test_resolution_change_and_the_default(nest):
    # a modified default fixes the time representation (NEST 3.9's SimulationManager::set_status) ...
    nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
    with pytest.raises(nest.NESTErrors.KernelException, match="Model defaults were modified"):
        nest.resolution = 0.25
    # ... so only the built-in default follows a new resolution (Connection::calibrate: 1 ms = 4 steps of 0.25 ms)
    nest.ResetKernel()
    nest.resolution = 0.25
    assert nest.GetDefaults("cont_delay_synapse")["delay"] == Grid(0.25).step_ms(4)
