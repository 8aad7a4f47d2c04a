"""nestj's own parity cases for NEST 3.9's e-prop models without update intervals (eprop_iaf,
eprop_iaf_adapt, eprop_iaf_psc_delta, eprop_iaf_psc_delta_adapt, eprop_readout, eprop_synapse with the
gradient_descent and adam optimizers, eprop_learning_signal_connection). Same form as the suite's case
files (CASES = {name: (run(nest), compare_spec)}, plain PyNEST calls); they await NEST 3.9 recordings under
../shared/nest-reference/out/eprop/ and are listed as NO REF until then.

Each case is a small deterministic network at resolution 1 ms (e-prop synapses require a delay of one
step): three parrot neurons fed by spike generators, four recurrent neurons connected by eprop_synapse
(inputs and recurrent), one eprop_readout fed by the recurrent neurons, its error signals fed back through
eprop_learning_signal_connection, target and learning window from step_rate_generators through
rate_connection_delayed (the window generator created before, the target generator after the readout, so
both orders of a device's update relative to the readout are covered). Recorded: the recurrent neurons'
V_m, surrogate_gradient, learning_signal (and adaptation for the adaptive models), the readout's signals,
all spikes and the final weights in connection order."""

CASES = {}

TRACE = {"mode": "trace", "atol": 1e-9, "rtol": 1e-9}
SPIKES = {"mode": "spikes", "atol": 1e-9}


def eprop_net(model, optimizer, each_step, rec_params, T=300.0, cutoff=100.0, surrogate="piecewise_linear"):
    def run(nest):
        nest.ResetKernel()
        nest.set(resolution=1.0)
        opt = {"type": optimizer, "eta": 0.05, "optimize_each_step": each_step, "batch_size": 1,
               "Wmin": -5.0, "Wmax": 5.0}
        nest.SetDefaults("eprop_synapse", {"optimizer": opt})
        gen = nest.Create("spike_generator", 3)
        par = nest.Create("parrot_neuron", 3)
        p = {"C_m": 1.0, "E_L": 0.0, "V_m": 0.0, "tau_m": 20.0, "c_reg": 0.5, "f_target": 20.0,
             "eprop_isi_trace_cutoff": cutoff, "surrogate_gradient_function": surrogate, "gamma": 0.3, "beta": 2.0}
        p.update(rec_params)
        rec = nest.Create(model, 4, p)
        gw = nest.Create("step_rate_generator", params={"amplitude_times": [2.0, 250.0], "amplitude_values": [1.0, 0.0]})
        out = nest.Create("eprop_readout", params={"C_m": 1.0, "E_L": 0.0, "V_m": 0.0, "tau_m": 15.0,
                                                   "eprop_isi_trace_cutoff": cutoff})
        gt = nest.Create("step_rate_generator", params={
            "amplitude_times": [float(t) for t in range(2, 300, 10)],
            "amplitude_values": [0.5 * ((t // 10) % 3 - 1) for t in range(2, 300, 10)]})
        for j, g in enumerate(gen):
            g.spike_times = [float(t) for t in range(3 + 7 * j, 290, 11 + 4 * j)]
        nest.Connect(gen, par, "one_to_one")
        w_in = [[1.2, -0.4, 0.8], [0.6, 1.0, -0.5], [-0.3, 0.9, 1.1], [0.7, 0.2, 0.6]]
        w_rec = [[0.0, 0.3, -0.2, 0.4], [0.25, 0.0, 0.35, -0.3], [-0.15, 0.2, 0.0, 0.3], [0.3, -0.25, 0.2, 0.0]]
        for i in range(4):
            for j in range(3):
                nest.Connect(par[j], rec[i], syn_spec={"synapse_model": "eprop_synapse", "delay": 1.0,
                                                       "weight": w_in[i][j]})
            for j in range(4):
                if i != j:
                    nest.Connect(rec[j], rec[i], syn_spec={"synapse_model": "eprop_synapse", "delay": 1.0,
                                                           "weight": w_rec[i][j]})
        for j, w in enumerate([0.5, -0.4, 0.3, 0.6]):
            nest.Connect(rec[j], out, syn_spec={"synapse_model": "eprop_synapse", "delay": 1.0, "weight": w})
        for j, w in enumerate([0.8, -0.6, 0.4, 0.5]):
            nest.Connect(out, rec[j], syn_spec={"synapse_model": "eprop_learning_signal_connection", "delay": 1.0,
                                                "weight": w})
        nest.Connect(gt, out, syn_spec={"synapse_model": "rate_connection_delayed", "delay": 1.0, "receptor_type": 2})
        nest.Connect(gw, out, syn_spec={"synapse_model": "rate_connection_delayed", "delay": 1.0, "receptor_type": 1})
        rv = ["V_m", "surrogate_gradient", "learning_signal"] + (["adaptation", "V_th_adapt"] if "adapt" in model else [])
        mr = nest.Create("multimeter", {"interval": 1.0, "record_from": rv})
        mo = nest.Create("multimeter", {"interval": 1.0,
                                        "record_from": ["V_m", "readout_signal", "target_signal", "error_signal"]})
        sr = nest.Create("spike_recorder")
        nest.Connect(mr, rec)
        nest.Connect(mo, out)
        nest.Connect(rec, sr)
        nest.Simulate(T)
        res = {}
        ev = mr.get("events")
        for i in range(4):
            sel = ev["senders"] == rec[i].global_id
            for r in rv:
                res["%s_%d" % (r, i)] = ev[r][sel]
        eo = mo.get("events")
        for r in ["V_m", "readout_signal", "target_signal", "error_signal"]:
            res["out_" + r] = eo[r]
        es = sr.get("events")
        for i in range(4):
            res["spikes_%d" % i] = es["times"][es["senders"] == rec[i].global_id]
        conns = nest.GetConnections(synapse_model="eprop_synapse")
        src, tgt, w = conns.get("source"), conns.get("target"), conns.get("weight")
        res["weights"] = [x for _, _, x in sorted(zip(src, tgt, w))]
        return res

    return run


def _case(model, optimizer, each_step, rec_params, **kw):
    run = eprop_net(model, optimizer, each_step, rec_params, **kw)
    keys = ["%s_%d" % (r, i) for i in range(4) for r in ["V_m", "surrogate_gradient", "learning_signal"]
            + (["adaptation", "V_th_adapt"] if "adapt" in model else [])]
    keys += ["out_V_m", "out_readout_signal", "out_target_signal", "out_error_signal", "weights"]
    spec = {k: TRACE for k in keys}
    spec.update({"spikes_%d" % i: SPIKES for i in range(4)})
    return run, spec


CASES["eprop_iaf_gd_each_step"] = _case("eprop_iaf", "gradient_descent", True, {"V_th": 0.5, "t_ref": 2.0})
CASES["eprop_iaf_adapt_adam_per_spike"] = _case(
    "eprop_iaf_adapt", "adam", False, {"V_th": 0.5, "t_ref": 1.0, "adapt_beta": 0.2, "adapt_tau": 50.0},
    cutoff=15.0, surrogate="exponential")
CASES["eprop_iaf_psc_delta_gd_cutoff"] = _case(
    "eprop_iaf_psc_delta", "gradient_descent", False, {"V_th": 0.5, "V_reset": -0.2, "t_ref": 3.0,
                                                       "refractory_input": True},
    cutoff=10.0, surrogate="fast_sigmoid_derivative")
CASES["eprop_iaf_psc_delta_adapt_adam"] = _case(
    "eprop_iaf_psc_delta_adapt", "adam", True, {"V_th": 0.5, "V_reset": -0.2, "t_ref": 2.0, "adapt_beta": 0.3,
                                                "adapt_tau": 30.0},
    surrogate="arctan")


def defaults_case():
    def run(nest):
        nest.ResetKernel()
        res = {}
        for m in ["eprop_iaf", "eprop_iaf_adapt", "eprop_iaf_psc_delta", "eprop_iaf_psc_delta_adapt", "eprop_readout"]:
            d = nest.GetDefaults(m)
            for k in sorted(d):
                if isinstance(d[k], float):
                    res["%s/%s" % (m, k)] = d[k]
        nest.SetDefaults("eprop_synapse", {"optimizer": {"type": "adam", "eta": 0.01}})
        o = nest.GetDefaults("eprop_synapse")["optimizer"]
        for k in sorted(o):
            res["optimizer/" + k] = o[k]
        return res

    return run, {k: {"mode": "equal"} for k in ()}


CASES["status"] = defaults_case()
