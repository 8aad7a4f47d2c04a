"""nestj's own parity cases for NEST 3.9's e-prop bsshslm_2020 family (eprop_iaf_bsshslm_2020,
eprop_iaf_adapt_bsshslm_2020, eprop_readout_bsshslm_2020, eprop_synapse_bsshslm_2020 with gradient_descent
and adam, eprop_learning_signal_connection_bsshslm_2020). Same form as the suite's case files
(CASES = {name: (run(nest), compare_spec)}, plain PyNEST calls); NO REF until NEST 3.9's recordings
appear under ../shared/nest-reference/out/eprop_bsshslm_2020/.

All cases are deterministic (spike_generator inputs through parrot neurons, fixed weights) at a resolution
of 1 ms with all delays one step, as the e-prop models require: single neurons driven by currents and
spikes (every surrogate gradient function, threshold adaptation), and two small networks trained over a
few short update intervals (mean squared error with gradient descent; cross entropy with Adam, batches
of two and averaged gradients), recording membrane potentials, surrogate gradients, learning, readout,
target and error signals, spikes, weight_recorder events and the final weights; one case records the
e-prop history length."""
import numpy as np

CASES = {}

TRACE = {"mode": "trace", "atol": 1e-9, "rtol": 1e-9}
SPIKES = {"mode": "spikes", "atol": 1e-9}
EQUAL = {"mode": "equal"}

IN_SPIKES = [[3.0, 11.0, 12.0, 40.0, 41.0, 77.0, 130.0, 131.0, 160.0],
             [5.0, 22.0, 23.0, 24.0, 90.0, 91.0, 150.0, 175.0],
             [8.0, 30.0, 31.0, 60.0, 61.0, 62.0, 101.0, 140.0, 141.0, 190.0],
             [2.0, 17.0, 52.0, 53.0, 110.0, 111.0, 112.0, 166.0],
             [14.0, 15.0, 45.0, 80.0, 81.0, 120.0, 121.0, 180.0, 181.0]]


def _setup(nest, interval, window=None, reset=True):
    nest.set(resolution=1.0, eprop_update_interval=interval,
             eprop_learning_window=interval if window is None else window, eprop_reset_neurons_on_update=reset)


def single_neurons_case():
    """Four eprop_iaf_bsshslm_2020 (one per surrogate gradient function) and one eprop_iaf_adapt_bsshslm_2020,
    driven by a current and by spikes through e-prop synapses (so they keep histories)."""
    funcs = ["piecewise_linear", "exponential", "fast_sigmoid_derivative", "arctan"]
    keys = ["V_m", "surrogate_gradient", "learning_signal"]

    def run(nest):
        _setup(nest, 40.0)
        gen = nest.Create("spike_generator", 2, [{"spike_times": IN_SPIKES[0]}, {"spike_times": IN_SPIKES[1]}])
        par = nest.Create("parrot_neuron", 2)
        nrns = nest.Create("eprop_iaf_bsshslm_2020", 4, [
            {"surrogate_gradient_function": f, "I_e": 120.0 + 10.0 * j, "t_ref": 2.0, "beta": 0.4, "gamma": 0.5,
             "C_m": 50.0, "tau_m": 15.0} for j, f in enumerate(funcs)])
        ad = nest.Create("eprop_iaf_adapt_bsshslm_2020", params={"I_e": 150.0, "C_m": 50.0, "adapt_beta": 2.0,
                                                                 "adapt_tau": 30.0, "t_ref": 1.0})
        nest.Connect(gen, par, "one_to_one", {"delay": 1.0})
        nest.Connect(par, nrns + ad, "all_to_all", {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0,
                                                     "weight": 8.0})
        mm = nest.Create("multimeter", {"interval": 1.0, "record_from": keys})
        mma = nest.Create("multimeter", {"interval": 1.0, "record_from": keys + ["V_th_adapt", "adaptation"]})
        sr = nest.Create("spike_recorder")
        nest.Connect(mm, nrns)
        nest.Connect(mma, ad)
        nest.Connect(nrns + ad, sr)
        nest.Simulate(200.0)
        out = {}
        ev = mm.get("events")
        for j, n in enumerate(nrns):
            sel = ev["senders"] == n.global_id
            for k in keys:
                out["%s_%d" % (k, j)] = ev[k][sel]
        eva = mma.get("events")
        for k in keys + ["V_th_adapt", "adaptation"]:
            out["adapt_" + k] = eva[k]
        es = sr.get("events")
        for j, n in enumerate(nrns + ad):
            out["spikes_%d" % j] = es["times"][es["senders"] == n.global_id]
        return out

    spec = {"%s_%d" % (k, j): TRACE for k in keys for j in range(4)}
    spec.update({"adapt_" + k: TRACE for k in keys + ["V_th_adapt", "adaptation"]})
    spec.update({"spikes_%d" % j: SPIKES for j in range(5)})
    return run, spec


CASES["single_neurons"] = single_neurons_case()


def network_case(loss, optimizer, n_out, average_gradient, interval=50.0, window=None, n_intervals=4, reset=True):
    """5 parrot inputs -> 2 eprop_iaf_bsshslm_2020 + 2 eprop_iaf_adapt_bsshslm_2020 (recurrent, all to all)
    -> n_out readouts, learning signals back, targets from step_rate_generators (and, for cross entropy,
    the readouts' normalization among themselves)."""
    rec_keys = ["V_m", "surrogate_gradient", "learning_signal"]
    out_keys = ["V_m", "readout_signal", "readout_signal_unnorm", "target_signal", "error_signal"]

    def run(nest):
        _setup(nest, interval, window, reset)
        nest.SetDefaults("eprop_synapse_bsshslm_2020", {"optimizer": optimizer, "average_gradient": average_gradient})
        gen = nest.Create("spike_generator", 5, [{"spike_times": s} for s in IN_SPIKES])
        par = nest.Create("parrot_neuron", 5)
        p = {"C_m": 1.0, "E_L": 0.0, "V_m": 0.0, "V_th": 0.5, "tau_m": 20.0, "t_ref": 2.0, "c_reg": 30.0,
             "f_target": 20.0, "gamma": 0.6, "beta": 2.0, "regular_spike_arrival": True}
        reg = nest.Create("eprop_iaf_bsshslm_2020", 2, p)
        ad = nest.Create("eprop_iaf_adapt_bsshslm_2020", 2, dict(p, adapt_beta=0.3, adapt_tau=100.0))
        rec = reg + ad
        out = nest.Create("eprop_readout_bsshslm_2020", n_out, {"C_m": 1.0, "E_L": 0.0, "V_m": 0.0, "tau_m": 15.0,
                                                                "loss": loss, "regular_spike_arrival": False})
        tgt = nest.Create("step_rate_generator", n_out)
        wr = nest.Create("weight_recorder")
        nest.SetDefaults("eprop_synapse_bsshslm_2020", {"weight_recorder": wr})
        rng = np.random.RandomState(7)
        w_in = np.round(rng.randn(4, 5), 3)
        w_rec = np.round(rng.randn(4, 4) * 0.5, 3)
        np.fill_diagonal(w_rec, 0.0)
        w_out = np.round(rng.randn(n_out, 4) * 0.5, 3)
        w_fb = np.round(rng.randn(4, n_out), 3)
        eprop = {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0, "tau_m_readout": 15.0}
        nest.Connect(gen, par, "one_to_one", {"delay": 1.0})
        nest.Connect(par, rec, "all_to_all", dict(eprop, weight=w_in))
        nest.Connect(rec, rec, {"rule": "all_to_all", "allow_autapses": False}, dict(eprop, weight=w_rec))
        nest.Connect(rec, out, "all_to_all", dict(eprop, weight=w_out))
        nest.Connect(out, rec, "all_to_all", {"synapse_model": "eprop_learning_signal_connection_bsshslm_2020",
                                              "delay": 1.0, "weight": w_fb})
        nest.Connect(tgt, out, "one_to_one", {"synapse_model": "rate_connection_delayed", "delay": 1.0,
                                              "receptor_type": 2})
        if n_out > 1:
            nest.Connect(out, out, {"rule": "all_to_all", "allow_autapses": False},
                         {"synapse_model": "rate_connection_delayed", "delay": 1.0, "receptor_type": 1})
        times = np.arange(0.0, n_intervals * interval, 5.0) + 4.0
        vals = [np.round(np.sin(times / (17.0 + 9.0 * j)), 4) if loss == "mean_squared_error"
                else (np.floor(times / interval) % n_out == j).astype(float) for j in range(n_out)]
        tgt.set([{"amplitude_times": times, "amplitude_values": v} for v in vals])
        mr = nest.Create("multimeter", {"interval": 1.0, "record_from": rec_keys})
        mo = nest.Create("multimeter", {"interval": 1.0, "record_from": out_keys})
        sr = nest.Create("spike_recorder")
        nest.Connect(mr, rec)
        nest.Connect(mo, out)
        nest.Connect(rec, sr)
        nest.Simulate(n_intervals * interval + 5.0)
        res = {}
        ev = mr.get("events")
        for j, n in enumerate(rec):
            sel = ev["senders"] == n.global_id
            for k in rec_keys:
                res["rec%d_%s" % (j, k)] = ev[k][sel]
        ev = mo.get("events")
        for j, n in enumerate(out):
            sel = ev["senders"] == n.global_id
            for k in out_keys:
                res["out%d_%s" % (j, k)] = ev[k][sel]
        es = sr.get("events")
        for j, n in enumerate(rec):
            res["rec%d_spikes" % j] = es["times"][es["senders"] == n.global_id]
        ew = wr.get("events")
        order = np.lexsort((ew["targets"], ew["senders"], ew["times"]))
        res["wr_times"] = ew["times"][order]
        res["wr_senders"] = ew["senders"][order]
        res["wr_targets"] = ew["targets"][order]
        res["wr_weights"] = ew["weights"][order]
        conns = nest.GetConnections(synapse_model="eprop_synapse_bsshslm_2020")
        st = conns.get(["source", "target", "weight"])
        o = np.lexsort((st["target"], st["source"]))
        res["final_weights"] = np.array(st["weight"])[o]
        return res

    spec = {"rec%d_%s" % (j, k): TRACE for j in range(4) for k in rec_keys}
    spec.update({"out%d_%s" % (j, k): TRACE for j in range(n_out) for k in out_keys})
    spec.update({"rec%d_spikes" % j: SPIKES for j in range(4)})
    spec.update({"wr_times": EQUAL, "wr_senders": EQUAL, "wr_targets": EQUAL, "wr_weights": TRACE,
                 "final_weights": TRACE})
    return run, spec


CASES["network_mse_gradient_descent"] = network_case(
    "mean_squared_error", {"type": "gradient_descent", "batch_size": 1, "eta": 0.05}, 1, False)
CASES["network_cross_entropy_adam"] = network_case(
    "cross_entropy", {"type": "adam", "batch_size": 2, "eta": 0.01, "beta_1": 0.8, "beta_2": 0.99,
                      "epsilon": 1e-6}, 2, True, window=20.0, n_intervals=4)
CASES["network_mse_no_reset"] = network_case(
    "mean_squared_error", {"type": "gradient_descent", "batch_size": 2, "eta": 0.02, "Wmin": -4.0, "Wmax": 4.0},
    1, True, interval=40.0, window=30.0, n_intervals=5, reset=False)


def history_case(model):
    """eprop_history_duration of one neuron with three e-prop inputs, update interval 20 ms (the scenario of
    NEST's history-cleaning test, here also with an extra spike in an interval of its own)."""
    def run(nest):
        _setup(nest, 20.0)
        gen = nest.Create("spike_generator", 3, [{"spike_times": t} for t in
                                                 ([10.0, 20.0, 50.0, 60.0, 130.0], [10.0, 30.0, 50.0, 90.0],
                                                  [40.0, 60.0, 131.0])])
        par = nest.Create("parrot_neuron", 3)
        nrn = nest.Create(model)
        mm = nest.Create("multimeter", {"interval": 1.0, "record_from": ["eprop_history_duration"]})
        nest.Connect(gen, par, "one_to_one", {"delay": 1.0})
        nest.Connect(par, nrn, "all_to_all", {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0})
        nest.Connect(mm, nrn)
        nest.Simulate(170.0)
        return {"eprop_history_duration": mm.get("events")["eprop_history_duration"]}

    return run, {"eprop_history_duration": EQUAL}


CASES["history_iaf"] = history_case("eprop_iaf_bsshslm_2020")
CASES["history_adapt"] = history_case("eprop_iaf_adapt_bsshslm_2020")
CASES["history_readout"] = history_case("eprop_readout_bsshslm_2020")
