"""nestj's own parity cases for cont_delay_synapse (NEST 3.9 models/cont_delay_synapse.h), in the form of the
reference suite's case files (CASES = {name: (run(nest), compare_spec)}, plain PyNEST calls). Deterministic:
precisely timed spike_generator input relayed by parrot_neuron_ps and fed to the precise-timing neurons over
continuous delays, grid neurons that see whole steps, the delays GetConnections and GetDefaults report, the
kernel's delay extrema, and the errors NEST raises. They await NEST 3.9 recordings (listed as NO REF)."""

CASES = {}

SPIKES = [1.0, 2.01, 3.07, 4.049, 5.5, 6.123, 7.199, 8.24, 9.95]


def spikes(atol):
    return {"mode": "spikes", "atol": atol}


def trace(atol, rtol=0.0):
    return {"mode": "trace", "atol": atol, "rtol": rtol}


def stat(atol):
    return {"mode": "stat", "atol": atol, "rtol": 0.0}


EQUAL = {"mode": "equal"}


def parrot_relay_case(dt):
    """A precise spike_generator into four parrot_neuron_ps over cont_delay_synapse: delays 1.0, 1.23 and
    1.75 ms set per connection with SetStatus, and (from a second generator with the same times) 1.23 ms
    as the default of a copied model. Each parrot
    repeats the input at t + delay (the precise offsets go one step earlier where they add up to a step)."""
    def run(nest):
        nest.resolution = dt
        sg = nest.Create("spike_generator", params={"spike_times": SPIKES, "precise_times": True})
        parrots = nest.Create("parrot_neuron_ps", 4)
        sr = nest.Create("spike_recorder")
        nest.Connect(sg, parrots[:3], syn_spec={"synapse_model": "cont_delay_synapse"})
        c = nest.GetConnections(sg, parrots[:3])
        c.set({"delay": [1.0, 1.23, 1.75]})
        nest.CopyModel("cont_delay_synapse", "cd_default", {"delay": 1.23})
        # a second generator: a device's connections must all use one synapse model (NEST's
        # StimulationDevice::enforce_single_syn_type)
        sg2 = nest.Create("spike_generator", params={"spike_times": SPIKES, "precise_times": True})
        nest.Connect(sg2, parrots[3], syn_spec={"synapse_model": "cd_default"})
        nest.Connect(parrots, sr, syn_spec={"delay": dt})
        delays = list(nest.GetConnections(sg + sg2, parrots).get("delay"))
        nest.Simulate(15.0)
        ev = sr.get("events")
        out = {"delays": delays, "default_delay": nest.GetDefaults("cd_default")["delay"],
               "min_delay": nest.GetKernelStatus("min_delay"), "max_delay": nest.GetKernelStatus("max_delay")}
        for j, p in enumerate(parrots):
            out["parrot%d" % j] = [t for s, t in zip(ev["senders"], ev["times"]) if s == p.global_id]
        return out
    compare = {"delays": trace(1e-12), "default_delay": stat(1e-12), "min_delay": stat(1e-12),
               "max_delay": stat(1e-12)}
    for j in range(4):
        compare["parrot%d" % j] = spikes(1e-9)
    return run, compare


CASES["parrot_ps_relay_dt0.1"] = parrot_relay_case(0.1)
CASES["parrot_ps_relay_dt0.25"] = parrot_relay_case(0.25)


def precise_neuron_case(model, we, wi, dt=0.1):
    """A precise-timing neuron driven through cont_delay_synapse: excitatory input from a precise
    spike_generator over the copied model's default delay 1.23 ms, a second excitatory train set to 1.75 ms
    by SetStatus, inhibitory input over 1.37 ms, a dc step; V_m on every step and the neuron's spikes. The
    suite's tolerances for precise models (neurons.py)."""
    exc = [5.0, 12.31, 20.07, 35.55, 50.02, 50.93, 51.88, 120.0, 150.04, 230.01, 230.97, 232.03, 260.0]
    exc2 = [15.013, 60.09, 61.017, 62.051, 180.5, 233.33]
    inh = [8.0, 40.05, 130.01, 240.33, 270.0]

    def run(nest):
        nest.resolution = dt
        n = nest.Create(model)
        mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": dt})
        sr = nest.Create("spike_recorder")
        se = nest.Create("spike_generator", params={"spike_times": exc, "precise_times": True})
        se2 = nest.Create("spike_generator", params={"spike_times": exc2, "precise_times": True})
        si = nest.Create("spike_generator", params={"spike_times": inh, "precise_times": True})
        dcg = nest.Create("dc_generator", params={"amplitude": 500.0, "start": 100.0, "stop": 200.0})
        nest.CopyModel("cont_delay_synapse", "cd_exc", {"delay": 1.23, "weight": we})
        nest.Connect(se, n, syn_spec={"synapse_model": "cd_exc"})
        nest.Connect(se2, n, syn_spec={"synapse_model": "cont_delay_synapse", "weight": we})
        nest.GetConnections(se2, n).set(delay=1.75)
        nest.Connect(si, n, syn_spec={"synapse_model": "cont_delay_synapse", "weight": wi})
        nest.GetConnections(si, n).set(delay=1.37)
        nest.Connect(dcg, n, syn_spec={"synapse_model": "cont_delay_synapse"})
        nest.Connect(mm, n)
        nest.Connect(n, sr)
        nest.Simulate(300.0)
        ev = mm.get("events")
        return {"times": ev["times"], "V_m": ev["V_m"], "spike_times": sr.get("events")["times"]}
    return run, {"times": trace(1e-9), "V_m": trace(1e-6, 1e-6), "spike_times": spikes(1e-6)}


CASES["iaf_psc_exp_ps"] = precise_neuron_case("iaf_psc_exp_ps", 300.0, -300.0)
CASES["iaf_psc_alpha_ps"] = precise_neuron_case("iaf_psc_alpha_ps", 300.0, -300.0)
CASES["iaf_psc_delta_ps"] = precise_neuron_case("iaf_psc_delta_ps", 2.0, -2.0)
CASES["iaf_psc_exp_ps_dt0.25"] = precise_neuron_case("iaf_psc_exp_ps", 300.0, -300.0, dt=0.25)


def relay_network_case():
    """parrot_neuron_ps relays (a precise spike train each, over static 1 ms) into iaf_psc_exp_ps
    neurons over cont_delay_synapse connections with per-connection delays set by SetStatus; the cont
    delays are the only ones above 1 ms. All spikes of relays and neurons."""
    def run(nest):
        nest.resolution = 0.1
        gens = nest.Create("spike_generator", 4)
        for j, g in enumerate(gens):
            g.set(spike_times=[1.0 + 0.37 * k + 0.011 * j for k in range(60)], precise_times=True)
        relay = nest.Create("parrot_neuron_ps", 4)
        tgt = nest.Create("iaf_psc_exp_ps", 6, params={"V_th": -62.0, "t_ref": 1.0})
        sr = nest.Create("spike_recorder")
        nest.Connect(gens, relay, "one_to_one", syn_spec={"delay": 1.0})
        nest.Connect(relay, tgt, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 350.0})
        c = nest.GetConnections(relay, tgt)
        c.set(delay=[1.0 + 0.07 * (j % 11) + 0.003 * j for j in range(len(c))])
        out = {"delays": list(c.get("delay"))}
        nest.Connect(relay + tgt, sr)
        nest.Simulate(30.0)
        ev = sr.get("events")
        for g in relay + tgt:
            out["spikes_%d" % g.global_id] = [t for s, t in zip(ev["senders"], ev["times"]) if s == g.global_id]
        return out
    compare = {"delays": trace(1e-12)}
    for gid in range(5, 15):
        compare["spikes_%d" % gid] = spikes(1e-6)
    return run, compare


CASES["relay_network"] = relay_network_case()


def grid_targets_case():
    """Grid models take the delay in whole steps: 13 steps for delay 1.23 ms at 0.1 ms, one less for
    precise spikes whose offset and the delay offset add up to a step. parrot_neuron spike times and the
    V_m of iaf_psc_delta and iaf_psc_alpha fed from a grid and a precise spike_generator."""
    def run(nest):
        nest.resolution = 0.1
        grid = nest.Create("spike_generator", params={"spike_times": [2.0, 3.5, 7.1]})
        prec = nest.Create("spike_generator", params={"spike_times": [5.01, 8.09, 10.03, 11.07], "precise_times": True})
        parrots = nest.Create("parrot_neuron", 2)
        delta = nest.Create("iaf_psc_delta", params={"V_th": 1000.0})
        alpha = nest.Create("iaf_psc_alpha", params={"V_th": 1000.0})
        mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
        sr = nest.Create("spike_recorder")
        nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
        nest.Connect(grid, parrots[0], syn_spec={"synapse_model": "cont_delay_synapse"})
        nest.Connect(prec, parrots[1], syn_spec={"synapse_model": "cont_delay_synapse"})
        nest.Connect(grid + prec, delta, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 1.5})
        nest.Connect(grid + prec, alpha, syn_spec={"synapse_model": "cont_delay_synapse", "weight": 100.0})
        nest.Connect(parrots, sr, syn_spec={"delay": 0.1})
        nest.Connect(mm, delta + alpha)
        nest.Simulate(20.0)
        ev = sr.get("events")
        v = mm.get("events")
        return {"parrot_grid": [t for s, t in zip(ev["senders"], ev["times"]) if s == parrots[0].global_id],
                "parrot_precise": [t for s, t in zip(ev["senders"], ev["times"]) if s == parrots[1].global_id],
                "V_m_delta": [x for s, x in zip(v["senders"], v["V_m"]) if s == delta.global_id],
                "V_m_alpha": [x for s, x in zip(v["senders"], v["V_m"]) if s == alpha.global_id]}
    return run, {"parrot_grid": spikes(1e-9), "parrot_precise": spikes(1e-9), "V_m_delta": trace(1e-9, 1e-9),
                 "V_m_alpha": trace(1e-9, 1e-9)}


CASES["grid_targets"] = grid_targets_case()


def recorder_case():
    """A spike_recorder behind cont_delay_synapse logs the sender's stamp with the offset the synapse
    changed (recording_backend_memory: stamp and event offset)."""
    def run(nest):
        nest.resolution = 0.1
        sg = nest.Create("spike_generator", params={"spike_times": SPIKES, "precise_times": True})
        sr = nest.Create("spike_recorder", params={"time_in_steps": True})
        nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
        nest.Connect(sg, sr, syn_spec={"synapse_model": "cont_delay_synapse"})
        nest.Simulate(15.0)
        ev = sr.get("events")
        return {"steps": [int(x) for x in ev["times"]], "offsets": ev["offsets"]}
    return run, {"steps": EQUAL, "offsets": trace(1e-12)}


CASES["spike_recorder_offsets"] = recorder_case()


def delays_case():
    """The delays reported for each way of setting one: SetDefaults (continuous), Connect with a delay
    (rounded to whole steps, the default connection's offset kept), Connect with a weight only (the default
    connection), SetStatus (continuous), CopyModel; the kernel's delay extrema after each step; a change of
    resolution after SetDefaults (refused); the built-in default after a change of resolution
    (Connection::calibrate: 1 ms in whole steps of 0.3 ms, rounded up)."""
    def run(nest):
        out = {}
        n = nest.Create("parrot_neuron", 6)
        nest.SetDefaults("cont_delay_synapse", {"delay": 1.27})
        out["default"] = nest.GetDefaults("cont_delay_synapse")["delay"]
        out["extrema_after_defaults"] = [nest.GetKernelStatus("min_delay"), nest.GetKernelStatus("max_delay")]
        nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse", "delay": 2.0})
        nest.Connect(n[0], n[2], syn_spec={"synapse_model": "cont_delay_synapse", "weight": 2.0})
        nest.Connect(n[0], n[3], syn_spec={"synapse_model": "cont_delay_synapse_lbl", "delay": 1.44,
                                           "synapse_label": 4})
        out["connect"] = list(nest.GetConnections(n[0]).get("delay"))
        out["extrema_after_connect"] = [nest.GetKernelStatus("min_delay"), nest.GetKernelStatus("max_delay")]
        nest.Connect(n[0], n[4:], syn_spec={"synapse_model": "cont_delay_synapse_hpc"})
        c = nest.GetConnections(n[0], n[4:])
        c.set(delay=[0.56, 3.333])
        out["set_status"] = list(c.get("delay"))
        out["extrema_after_set_status"] = [nest.GetKernelStatus("min_delay"), nest.GetKernelStatus("max_delay")]
        nest.CopyModel("cont_delay_synapse", "cd_copy", {"delay": 0.35})
        out["copy_default"] = nest.GetDefaults("cd_copy")["delay"]
        nest.ResetKernel()
        nest.SetDefaults("cont_delay_synapse", {"delay": 1.23})
        try:
            nest.resolution = 0.25
            out["resolution_after_defaults"] = "accepted"
        except nest.kernel.NESTError as e:
            out["resolution_after_defaults"] = type(e).__name__
        nest.ResetKernel()
        nest.resolution = 0.3
        out["default_after_resolution_change"] = nest.GetDefaults("cont_delay_synapse")["delay"]
        return out
    keys = ["default", "extrema_after_defaults", "connect", "extrema_after_connect", "set_status",
            "extrema_after_set_status", "copy_default", "default_after_resolution_change"]
    spec = {k: trace(1e-12) for k in keys}
    spec["resolution_after_defaults"] = EQUAL
    return run, spec


CASES["reported_delays"] = delays_case()


def errors_case():
    """NEST's errors: delays below the resolution (also those that round to a whole step but split into
    0 and 1 steps), outside user-set extrema, changes of the extrema after Simulate; connections that
    cannot carry the events (rate neurons). The name of each error (or 'ok')."""
    def attempt(f):
        try:
            f()
            return "ok"
        except Exception as e:
            return type(e).__name__

    def run(nest):
        out = {}
        n = nest.Create("parrot_neuron", 3)
        out["defaults_0.07"] = attempt(lambda: nest.SetDefaults("cont_delay_synapse", {"delay": 0.07}))
        out["defaults_0.04"] = attempt(lambda: nest.SetDefaults("cont_delay_synapse", {"delay": 0.04}))
        nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse"})
        c = nest.GetConnections(n[0], n[1])
        out["set_status_0.05"] = attempt(lambda: c.set(delay=0.05))
        out["set_status_0.15"] = attempt(lambda: c.set(delay=0.15))
        out["connect_0.05"] = attempt(lambda: nest.Connect(n[0], n[2], syn_spec={"synapse_model": "cont_delay_synapse",
                                                                                 "delay": 0.05}))
        r = nest.Create("lin_rate_ipn", 2)
        out["rate_neurons"] = attempt(lambda: nest.Connect(r[0], r[1], syn_spec={"synapse_model": "cont_delay_synapse"}))
        nest.ResetKernel()
        nest.SetKernelStatus({"min_delay": 1.0, "max_delay": 2.0})
        n = nest.Create("parrot_neuron", 2)
        nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse"})
        c = nest.GetConnections()
        out["below_min_delay_0.95"] = attempt(lambda: c.set(delay=0.95))
        out["above_max_delay_2.05"] = attempt(lambda: c.set(delay=2.05))
        out["inside_1.95"] = attempt(lambda: c.set(delay=1.95))
        out["defaults_above_max_2.5"] = attempt(lambda: nest.SetDefaults("cont_delay_synapse", {"delay": 2.5}))
        nest.ResetKernel()
        n = nest.Create("parrot_neuron", 3)
        nest.Connect(n[0], n[1], syn_spec={"synapse_model": "cont_delay_synapse", "delay": 1.0})
        nest.Connect(n[0], n[2], syn_spec={"delay": 2.0})
        nest.Simulate(2.0)
        c = nest.GetConnections(synapse_model="cont_delay_synapse")
        out["after_simulate_0.95"] = attempt(lambda: c.set(delay=0.95))
        out["after_simulate_2.05"] = attempt(lambda: c.set(delay=2.05))
        out["after_simulate_1.95"] = attempt(lambda: c.set(delay=1.95))
        out["after_simulate_delay"] = c.get("delay")
        return out
    keys = ["defaults_0.07", "defaults_0.04", "set_status_0.05", "set_status_0.15", "connect_0.05", "rate_neurons",
            "below_min_delay_0.95", "above_max_delay_2.05", "inside_1.95", "defaults_above_max_2.5",
            "after_simulate_0.95", "after_simulate_2.05", "after_simulate_1.95"]
    compare = {k: EQUAL for k in keys}
    compare["after_simulate_delay"] = stat(1e-12)
    return run, compare


CASES["errors"] = errors_case()


def poisson_ps_case():
    """poisson_generator_ps sets each spike's stamp and offset in its event_hook, after the synapse: through
    cont_delay_synapse (1.23 ms: 13 steps) its spikes arrive exactly as through static_synapse with 1.3 ms.
    poisson_generator's grid spikes keep the 13 steps and take the offset: 0.07 ms earlier than static."""
    def run(nest):
        res = {}
        for gen in ("poisson_generator_ps", "poisson_generator"):
            trains = []
            for model, delay in (("cont_delay_synapse", 1.23), ("static_synapse", 1.3)):
                nest.ResetKernel()
                pg = nest.Create(gen, params={"rate": 2000.0})
                p = nest.Create("parrot_neuron_ps")
                sr = nest.Create("spike_recorder")
                nest.CopyModel(model, "syn", {"delay": delay})
                nest.Connect(pg, p, syn_spec={"synapse_model": "syn"})
                nest.Connect(p, sr)
                nest.Simulate(100.0)
                trains.append([float(t) for t in sr.get("events")["times"]])
            diffs = [round(b - a, 12) for a, b in zip(trains[0], trains[1])]
            res[gen + "_same_count"] = len(trains[0]) == len(trains[1])
            res[gen + "_shifts"] = sorted(set(diffs))
            res[gen + "_n"] = len(trains[0])
        return res
    return run, {"poisson_generator_ps_same_count": EQUAL, "poisson_generator_ps_shifts": EQUAL,
                 "poisson_generator_same_count": EQUAL, "poisson_generator_shifts": EQUAL}


CASES["poisson_generators"] = poisson_ps_case()
