"""nestj's own parity cases (eighth session) for what recorders see and what the kernel reports, in the form
of the reference suite's case files; deterministic, they await NEST 3.9 recordings (NO REF):

- spikes reach devices when they are sent (EventDeliveryManager::send -> send_to_devices), so a
  spike_recorder read after Simulate holds the spikes of the run's last min_delay slice, also when the run
  ends inside a slice, and a recorder connected between runs sees none of the earlier ones;
- a weight_recorder receives the secondary events of gap junctions and rate connections
  (Connector::send -> send_weight_event): stamps, senders, targets, ports, weights and their order;
- Create with a dictionary of single values works as SLI's Create_l_i_D (the values are the model's
  defaults while the nodes are made: rate_neuron_opn's copy constructor leaves out its nonlinearity,
  rate_transformer_node's its parameters; an unknown key fails before any node exists);
- the full text of common kernel errors ("<Error> in SLI function <command>: <message>").
"""
import numpy as np

CASES = {}

EQUAL = {"mode": "equal"}


def _events(rec, keys):
    ev = rec.get("events")
    return {k: np.asarray(ev[k]).tolist() for k in keys}


def spikes_at_run_end_case():
    def run(nest):
        nest.ResetKernel()
        # min_delay 1 ms: the parrots relay at 99.5 and 99.9 ms, in the last slice of Simulate(100), and
        # parrot 1 repeats parrot 0 (weight 0 still relays) one ms later
        sg = nest.Create("spike_generator", params={"spike_times": [10.0, 98.5, 98.9, 99.3, 149.2, 149.8]})
        p = nest.Create("parrot_neuron", 2)
        sr = nest.Create("spike_recorder")
        nest.Connect(sg, p, syn_spec={"delay": 1.0})
        nest.Connect(p[0], p[1], syn_spec={"delay": 1.0, "weight": 0.0})
        nest.Connect(p, sr)
        nest.Simulate(100.0)
        out = {"after_100": _events(sr, ("senders", "times"))}
        late = nest.Create("spike_recorder")
        nest.Connect(p, late)
        nest.Simulate(50.5)   # ends inside a slice
        out["after_150.5"] = _events(sr, ("senders", "times"))
        out["late_after_150.5"] = _events(late, ("senders", "times"))
        nest.Simulate(10.0)
        out["after_160.5"] = _events(sr, ("senders", "times"))
        out["n_events"] = [int(sr.n_events), int(late.n_events)]
        return out
    return run, {k: EQUAL for k in ("after_100", "after_150.5", "late_after_150.5", "after_160.5", "n_events")}


CASES["spikes_at_run_end"] = spikes_at_run_end_case()


WR_KEYS = ("times", "senders", "targets", "ports", "receptors", "weights")


def gap_weight_recorder_case():
    def run(nest):
        out = {}
        for wfr in (False, True):
            nest.ResetKernel()
            nest.use_wfr = wfr
            a, b = nest.Create("hh_psc_alpha_gap", 2)
            a.I_e = 650.0
            wr = nest.Create("weight_recorder")
            nest.SetDefaults("gap_junction", {"weight_recorder": wr})
            nest.Connect(a, b, conn_spec={"rule": "one_to_one", "make_symmetric": True},
                         syn_spec={"synapse_model": "gap_junction", "weight": 2.0})
            nest.Simulate(5.0)
            out["wfr_%s" % wfr] = _events(wr, WR_KEYS)
            out["min_delay_wfr_%s" % wfr] = nest.min_delay
        return out
    return run, {k: EQUAL for k in ("wfr_False", "wfr_True", "min_delay_wfr_False", "min_delay_wfr_True")}


CASES["gap_weight_recorder"] = gap_weight_recorder_case()


def rate_weight_recorder_case():
    def run(nest):
        nest.ResetKernel()
        g = nest.Create("step_rate_generator", params={"amplitude_times": [1.0], "amplitude_values": [2.0]})
        a = nest.Create("lin_rate_ipn", 2, params={"sigma": 0.0})
        wr = nest.Create("weight_recorder")
        nest.CopyModel("rate_connection_delayed", "rd", {"weight_recorder": wr})
        nest.CopyModel("rate_connection_instantaneous", "ri", {"weight_recorder": wr})
        nest.Connect(g, a, "all_to_all", {"synapse_model": "rd", "weight": 0.5, "delay": 1.0})
        nest.Connect(a[0], a[1], "one_to_one", {"synapse_model": "ri", "weight": 0.7})
        nest.Connect(a[1], a[0], "one_to_one", {"synapse_model": "rd", "weight": 0.3, "delay": 2.0})
        nest.Simulate(5.0)
        return {"events": _events(wr, WR_KEYS), "min_delay": nest.min_delay}
    return run, {"events": EQUAL, "min_delay": EQUAL}


CASES["rate_weight_recorder"] = rate_weight_recorder_case()


def _error_text(f):
    """"ok" or the error's text (which names NEST's error; nestj raises DictError's subclasses by their own
    class, NEST as DictError, so the class itself is not compared)."""
    try:
        f()
        return "ok"
    except Exception as e:  # noqa: BLE001 -- the error is the result
        return str(e)


def create_with_params_case():
    def run(nest):
        out = {}
        nest.ResetKernel()
        nest.SetDefaults("lin_rate_opn", {"g": 2.0})
        n = nest.Create("lin_rate_opn", params={"g": 2.5, "tau": 4.0})
        out["opn_g_tau"] = [n.g, n.tau]
        out["opn_default_g"] = nest.GetDefaults("lin_rate_opn", "g")
        out["transformer_linear_summation"] = nest.Create(
            "rate_transformer_tanh", params={"linear_summation": False}).linear_summation
        size = nest.network_size
        out["unknown_key"] = _error_text(lambda: nest.Create("iaf_psc_alpha", params={"V_mm": 1.0}))
        out["bad_value"] = _error_text(lambda: nest.Create("iaf_psc_alpha", params={"C_m": -1.0}))
        out["nodes_made_by_failed_creates"] = nest.network_size - size
        out["recorder_unknown_key"] = _error_text(lambda: nest.Create("spike_recorder", params={"foo": 1}))
        out["nodes_made_by_failed_recorder_create"] = nest.network_size - size
        return out
    keys = ("opn_g_tau", "opn_default_g", "transformer_linear_summation", "unknown_key", "bad_value",
            "nodes_made_by_failed_creates", "recorder_unknown_key", "nodes_made_by_failed_recorder_create")
    return run, {k: EQUAL for k in keys}


CASES["create_with_params"] = create_with_params_case()


def error_texts_case():
    def run(nest):
        nest.ResetKernel()
        n = nest.Create("iaf_psc_alpha", 2)
        mm = nest.Create("multimeter", params={"record_from": ["V_mm"]})
        sr = nest.Create("spike_recorder")
        cases = {
            "set_unknown_key": lambda: n.set({"tau_mem": 5.0}),
            "set_bad_value": lambda: n.set({"C_m": -1.0}),
            "unknown_model": lambda: nest.Create("no_such_model"),
            "setdefaults_unknown_key": lambda: nest.SetDefaults("iaf_psc_alpha", {"foo": 1.0}),
            "connect_unknown_syn_key": lambda: nest.Connect(n, n, syn_spec={"weigth": 1.0}),
            "connect_bad_delay": lambda: nest.Connect(n, n, syn_spec={"delay": 0.0}),
            "multimeter_unknown_recordable": lambda: nest.Connect(mm, n),
            "recorder_as_source": lambda: nest.Connect(sr, n),
            "current_into_parrot": lambda: nest.Connect(nest.Create("dc_generator"), nest.Create("parrot_neuron")),
            "simulate_negative": lambda: nest.Simulate(-1.0),
            "conn_set_unknown_key": lambda: nest.GetConnections(n[0:1], n[0:1]).set({"foo": 1.0}),
        }
        nest.Connect(n[0], n[0])
        return {k: _error_text(f) for k, f in cases.items()}
    keys = ("set_unknown_key", "set_bad_value", "unknown_model", "setdefaults_unknown_key", "connect_unknown_syn_key",
            "connect_bad_delay", "multimeter_unknown_recordable", "recorder_as_source", "current_into_parrot",
            "simulate_negative", "conn_set_unknown_key")
    return run, {k: EQUAL for k in keys}


CASES["error_texts"] = error_texts_case()
