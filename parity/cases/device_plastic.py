"""nestj's own parity cases: connections with state (plastic synapses) from stimulation devices.

NEST 3.9 accepts them from devices whose send_test_event gives the synapse's test node a plain
SpikeEvent (pulsepacket_generator, spike_dilutor, sinusoidal_gamma_generator without individual spike
trains) and refuses the others (spike_generator, poisson_generator, ...: "does not support spike
input"). The deterministic cases use spike_dilutor with p_copy 1 (a relay of a spike_generator) or 0
(the synapse still runs at every mother spike: DSSpikeEvent's order) and pulsepacket_generator with
sdev 0; they are judged sample for sample. The Poisson case is judged by statistics. Cases in the
form of the reference suite (CASES = {name: (run(nest), compare_spec)}); NO REF until NEST 3.9's
recordings appear under ../shared/nest-reference/out/device_plastic/."""
import numpy as np

CASES = {}

PRE = [10.0, 30.0, 32.0, 50.0, 75.0, 76.0, 77.0, 120.0, 160.0, 161.5, 200.0, 240.0, 280.0]
POST = [12.0, 28.0, 45.0, 52.0, 74.0, 78.0, 125.0, 158.0, 165.0, 199.0, 205.0, 290.0]
TRACE = {"mode": "trace", "atol": 1e-9, "rtol": 1e-9}
SPIKES = {"mode": "spikes", "atol": 1e-9}
EQUAL = {"mode": "equal"}


def stat(atol, rtol=0.0):
    return {"mode": "stat", "atol": atol, "rtol": rtol}


def dilutor_stdp_case(model, p_copy, syn=None, defaults=None, state=("weight", "Kplus"), weight=40.0, delay=2.0):
    """spike_generator (PRE) -> spike_dilutor (p_copy, delay 1 ms) -> model (delay 2 ms) -> iaf_psc_alpha
    (tau_syn_ex 0.5 ms), whose spikes are forced by a second spike_generator (POST, 5000 pA); a twin neuron
    gets only the forcing input. Recorded: the connection's weight after each mother spike (Simulate in
    pieces), its final status, both neurons' spikes and membrane potentials."""
    def run(nest):
        if defaults:
            nest.SetDefaults(model, defaults)
        sg = nest.Create("spike_generator", params={"spike_times": PRE})
        dil = nest.Create("spike_dilutor", params={"p_copy": p_copy})
        nrn = nest.Create("iaf_psc_alpha", 2, params={"tau_syn_ex": 0.5})
        sg_post = nest.Create("spike_generator", params={"spike_times": POST})
        nest.Connect(sg, dil, syn_spec={"delay": 1.0})
        nest.Connect(sg_post, nrn, syn_spec={"weight": 5000.0, "delay": 1.0})
        spec = {"synapse_model": model, "weight": weight, "delay": delay}
        spec.update(syn or {})
        nest.Connect(dil, nrn[0], syn_spec=spec)
        sr = nest.Create("spike_recorder")
        nest.Connect(nrn, sr)
        vm = nest.Create("voltmeter", params={"interval": 0.1})
        nest.Connect(vm, nrn)
        conn = nest.GetConnections(dil, nrn[0])
        weights, t = [], 0.0
        for s in PRE:
            nest.Simulate(s + 1.5 - t)   # the mother spike is stamped s + 1 ms
            t = s + 1.5
            weights.append(conn.get("weight"))
        nest.Simulate(300.0 - t)
        out = {"weights": weights}
        status = conn.get()
        for key in state:
            out["final_" + key] = status[key]
        ev, vev = sr.get("events"), vm.get("events")
        for j, n in enumerate(nrn):
            gid = n.global_id
            out["spikes%d" % j] = [x for s, x in zip(ev["senders"], ev["times"]) if s == gid]
            out["V_m%d" % j] = [x for s, x in zip(vev["senders"], vev["V_m"]) if s == gid]
        return out
    compare = {"weights": TRACE, "spikes0": SPIKES, "spikes1": SPIKES, "V_m0": TRACE, "V_m1": TRACE}
    compare.update({"final_" + key: TRACE for key in state})
    return run, compare


CASES["stdp_synapse_dilutor"] = dilutor_stdp_case("stdp_synapse", 1.0, {"Wmax": 100.0})
CASES["stdp_synapse_dilutor_no_copies"] = dilutor_stdp_case("stdp_synapse", 0.0, {"Wmax": 100.0})
CASES["stdp_synapse_hom_dilutor"] = dilutor_stdp_case("stdp_synapse_hom", 1.0, defaults={"Wmax": 100.0})
CASES["stdp_pl_synapse_hom_dilutor"] = dilutor_stdp_case("stdp_pl_synapse_hom", 1.0)
CASES["stdp_triplet_synapse_dilutor"] = dilutor_stdp_case("stdp_triplet_synapse", 1.0, {"Wmax": 100.0},
                                                          state=("weight", "Kplus", "Kplus_triplet"))
CASES["stdp_nn_symm_synapse_dilutor"] = dilutor_stdp_case("stdp_nn_symm_synapse", 1.0, {"Wmax": 100.0},
                                                          state=("weight",))
CASES["vogels_sprekeler_synapse_dilutor"] = dilutor_stdp_case("vogels_sprekeler_synapse", 1.0, {"Wmax": 100.0})


def tsodyks_relay_case(model, syn, state):
    """A spike_dilutor with p_copy 1 and a parrot_neuron relay the same spike_generator (delay 1 ms);
    model (delay 1.5 ms) from each onto an iaf_psc_exp: membrane traces, currents and final states."""
    times = [5.0, 15.0, 20.0, 22.5, 60.0, 61.0, 140.0]

    def run(nest):
        sg = nest.Create("spike_generator", params={"spike_times": times})
        dil = nest.Create("spike_dilutor", params={"p_copy": 1.0})
        parrot = nest.Create("parrot_neuron")
        nrn = nest.Create("iaf_psc_exp", 2)
        nest.Connect(sg, dil, syn_spec={"delay": 1.0})
        nest.Connect(sg, parrot, syn_spec={"delay": 1.0})
        spec = {"synapse_model": model, "weight": 400.0, "delay": 1.5}
        spec.update(syn)
        nest.Connect(dil, nrn[0], syn_spec=spec)
        nest.Connect(parrot, nrn[1], syn_spec=spec)
        mm = nest.Create("multimeter", params={"record_from": ["V_m", "I_syn_ex"], "interval": 0.1})
        nest.Connect(mm, nrn)
        nest.Simulate(200.0)
        ev = mm.get("events")
        out = {}
        for j, n in enumerate(nrn):
            for key in ("V_m", "I_syn_ex"):
                out["%s%d" % (key, j)] = [x for s, x in zip(ev["senders"], ev[key]) if s == n.global_id]
        for name, src in (("device", dil), ("parrot", parrot)):
            st = nest.GetConnections(src, nrn).get()
            for key in state:
                out["%s_%s" % (name, key)] = st[key]
        return out
    compare = {k: TRACE for k in ("V_m0", "V_m1", "I_syn_ex0", "I_syn_ex1")}
    compare.update({"%s_%s" % (name, key): TRACE for name in ("device", "parrot") for key in state})
    return run, compare


CASES["tsodyks_synapse_dilutor_vs_parrot"] = tsodyks_relay_case(
    "tsodyks_synapse", {"U": 0.3, "tau_fac": 50.0, "tau_rec": 200.0, "tau_psc": 2.0}, ("x", "y", "u"))
CASES["tsodyks2_synapse_dilutor_vs_parrot"] = tsodyks_relay_case(
    "tsodyks2_synapse", {"U": 0.3, "tau_fac": 50.0, "tau_rec": 200.0}, ("x", "u"))


def pulsepacket_case(model, syn, state):
    """pulsepacket_generator with sdev 0 and activity 3: one event of multiplicity 3 per pulse (stamped
    one step after the pulse time); model runs once per event; the target is a practically leak-free
    iaf_psc_delta whose membrane shows each transmitted weight times 3."""
    def run(nest):
        pp = nest.Create("pulsepacket_generator", params={"pulse_times": [10.0, 20.0, 35.0, 37.0], "activity": 3,
                                                          "sdev": 0.0})
        nrn = nest.Create("iaf_psc_delta", params={"tau_m": 1.0e12, "E_L": 0.0, "V_m": 0.0, "V_reset": 0.0,
                                                   "V_th": 1.0e6})
        spec = {"synapse_model": model, "weight": 2.0, "delay": 1.0}
        spec.update(syn)
        nest.Connect(pp, nrn, syn_spec=spec)
        vm = nest.Create("voltmeter", params={"interval": 0.1})
        nest.Connect(vm, nrn)
        nest.Simulate(50.0)
        st = nest.GetConnections(pp).get()
        out = {"V_m": list(vm.get("events")["V_m"])}
        for key in state:
            out["final_" + key] = st[key]
        return out
    compare = {"V_m": TRACE}
    compare.update({"final_" + key: TRACE for key in state})
    return run, compare


CASES["tsodyks_synapse_pulsepacket_multiplicity"] = pulsepacket_case("tsodyks_synapse", {"U": 0.4, "tau_rec": 100.0},
                                                                     ("x", "y", "u"))
CASES["stdp_synapse_pulsepacket_multiplicity"] = pulsepacket_case("stdp_synapse", {"Wmax": 100.0}, ("weight", "Kplus"))


def poisson_dilutor_case():
    """poisson_generator -> 5 parrot_neurons -> 5 spike_dilutors (p_copy 0.5) -> stdp_synapse (all to all)
    -> 50 iaf_psc_alpha, each with its own Poisson drive: statistics of the final weights (the synapse
    runs at every mother spike, whether a copy is drawn or not) and of the neurons' rate."""
    def run(nest):
        nest.rng_seed = 2
        pg = nest.Create("poisson_generator", params={"rate": 20.0})
        parrots = nest.Create("parrot_neuron", 5)
        nest.Connect(pg, parrots)
        dil = nest.Create("spike_dilutor", 5, params={"p_copy": 0.5})
        nest.Connect(parrots, dil, "one_to_one", syn_spec={"delay": 1.0})
        nrn = nest.Create("iaf_psc_alpha", 50)
        drive = nest.Create("poisson_generator", params={"rate": 8000.0})
        nest.Connect(drive, nrn, syn_spec={"weight": 9.0})
        nest.Connect(dil, nrn, syn_spec={"synapse_model": "stdp_synapse", "weight": 100.0, "Wmax": 1000.0,
                                         "lambda": 0.05, "delay": 1.5})
        sr = nest.Create("spike_recorder")
        nest.Connect(nrn, sr)
        T = 5000.0
        nest.Simulate(T)
        w = np.asarray(nest.GetConnections(dil, nrn).get("weight"))
        return {"weight_mean": float(w.mean()), "weight_std": float(w.std()),
                "rate": len(sr.get("events")["times"]) / 50 / (T / 1000.0)}
    return run, {"weight_mean": stat(0.0, 0.1), "weight_std": stat(0.0, 0.35), "rate": stat(0.0, 0.1)}


CASES["stdp_synapse_poisson_dilutor"] = poisson_dilutor_case()


SOURCES = ("spike_generator", "poisson_generator", "poisson_generator_ps", "gamma_sup_generator", "ppd_sup_generator",
           "inhomogeneous_poisson_generator", "sinusoidal_poisson_generator", "sinusoidal_gamma_generator",
           "mip_generator", "pulsepacket_generator", "spike_dilutor", "dc_generator", "noise_generator", "multimeter")
ERROR_KEYS = [m + "/" + syn for m in SOURCES for syn in ("stdp_synapse", "tsodyks_synapse")] + [
    "sinusoidal_gamma_generator_shared/stdp_synapse", "one_model/first", "one_model/second",
    "one_model/refused_first", "one_model/after_refused", "dopamine_without_vt", "stdp_into_recorder",
    "num_connections"]


def errors_case():
    """Which device and synapse model combinations NEST accepts: the error class and the message's last
    part, or "ok"."""
    def tail(e):
        s = str(e)
        return s.split("because:\n")[-1] if "because:\n" in s else s.split(": ", 1)[-1]

    def run(nest):
        out = {}

        def attempt(key, src, tgt, syn_spec):
            try:
                nest.Connect(src, tgt, syn_spec=syn_spec)
                out[key] = "ok"
            except Exception as e:   # noqa: BLE001 -- NEST's error classes differ between versions
                out[key] = "%s: %s" % (type(e).__name__, tail(e))

        nrn = nest.Create("iaf_psc_alpha")
        for model in SOURCES:
            for syn in ("stdp_synapse", "tsodyks_synapse"):
                attempt(model + "/" + syn, nest.Create(model), nrn, {"synapse_model": syn})
        nest.SetDefaults("sinusoidal_gamma_generator", {"individual_spike_trains": False})
        attempt("sinusoidal_gamma_generator_shared/stdp_synapse", nest.Create("sinusoidal_gamma_generator"), nrn,
                {"synapse_model": "stdp_synapse"})
        pg = nest.Create("poisson_generator")
        attempt("one_model/first", pg, nrn, {"synapse_model": "static_synapse"})
        attempt("one_model/second", pg, nrn, {"synapse_model": "static_synapse_hom_w"})
        pg2 = nest.Create("poisson_generator")
        attempt("one_model/refused_first", pg2, nrn, {"synapse_model": "stdp_synapse"})
        attempt("one_model/after_refused", pg2, nrn, {"synapse_model": "static_synapse"})
        attempt("dopamine_without_vt", nest.Create("pulsepacket_generator"), nrn,
                {"synapse_model": "stdp_dopamine_synapse"})
        attempt("stdp_into_recorder", nest.Create("pulsepacket_generator"), nest.Create("spike_recorder"),
                {"synapse_model": "stdp_synapse"})
        out["num_connections"] = nest.num_connections
        return out
    return run, {key: EQUAL for key in ERROR_KEYS}


CASES["errors"] = errors_case()
