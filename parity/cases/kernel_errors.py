"""nestj's own parity cases: which kernel settings and parameter values NEST 3.9 refuses, and how.

Each key holds "ok" or the error class and message NEST raises (the "<Class> in SLI function <f>: "
prefix removed): the time representation (resolution, tics_per_ms) after nodes, a simulation,
SetDefaults or CopyModel, resolutions below one tic or off the tic grid; the thread count after
SetDefaults, user-set delay extrema and nodes; integer parameters given as floats (the error class
only: nestj words TypeMismatch differently); connections NEST refuses (class and message); the kernel's
off_grid_spiking after creating nodes of a model. Cases in the form of
the reference suite (CASES = {name: (run(nest), compare_spec)}); NO REF until NEST 3.9's recordings
appear under ../shared/nest-reference/out/kernel_errors/."""

CASES = {}
EQUAL = {"mode": "equal"}


def _outcome(f, message=True):
    """"ok", or the error's class and (unless message is False) its message without PyNEST's prefix."""
    try:
        f()
        return "ok"
    except Exception as e:  # noqa: BLE001 -- the error class is part of the result
        if not message:
            return type(e).__name__
        s = str(e)
        prefixed = " in SLI function " in s or " in PyNEST function " in s
        return "%s: %s" % (type(e).__name__, s.split(": ", 1)[-1] if prefixed else s)


def _after_reset(nest, out):
    """fresh(setup, key, change): out[key] is the outcome of change after ResetKernel and setup."""
    def fresh(setup, key, change):
        nest.ResetKernel()
        setup()
        out[key] = _outcome(change)
    return fresh


def time_representation_case():
    def run(nest):
        out = {}
        fresh = _after_reset(nest, out)

        def res(v):
            return lambda: nest.SetKernelStatus({"resolution": v})

        fresh(lambda: None, "fresh/resolution_0.2", res(0.2))
        fresh(lambda: None, "fresh/same_resolution", res(0.1))
        fresh(lambda: None, "fresh/below_one_tic", res(0.0001))
        fresh(lambda: None, "fresh/off_tic_grid", res(0.10005))
        fresh(lambda: None, "fresh/tics_without_resolution", lambda: nest.SetKernelStatus({"tics_per_ms": 10000.0}))
        fresh(lambda: None, "fresh/tics_and_resolution", lambda: nest.SetKernelStatus({"tics_per_ms": 100.0,
                                                                                       "resolution": 0.5}))
        fresh(lambda: nest.Create("iaf_psc_alpha"), "after_create/same_resolution", res(0.1))
        fresh(lambda: nest.Create("iaf_psc_alpha"), "after_create/tics_without_resolution",
              lambda: nest.SetKernelStatus({"tics_per_ms": 10000.0}))
        fresh(lambda: nest.Simulate(1.0), "after_simulate/resolution", res(0.2))
        fresh(lambda: nest.SetDefaults("iaf_psc_alpha", {"C_m": 200.0}), "after_setdefaults/resolution", res(0.2))
        fresh(lambda: nest.CopyModel("static_synapse", "syn_copy"), "after_copymodel/resolution", res(0.2))

        def everything():
            nest.SetDefaults("static_synapse", {"weight": 2.0})
            nest.Create("iaf_psc_alpha")
            nest.Simulate(1.0)
        fresh(everything, "after_all/resolution", res(0.2))
        nest.ResetKernel()
        nest.resolution = 0.3
        out["default_delay_after_resolution_0.3"] = nest.GetDefaults("static_synapse")["delay"]
        return out
    keys = ["fresh/resolution_0.2", "fresh/same_resolution", "fresh/below_one_tic", "fresh/off_tic_grid",
            "fresh/tics_without_resolution", "fresh/tics_and_resolution", "after_create/same_resolution",
            "after_create/tics_without_resolution", "after_simulate/resolution", "after_setdefaults/resolution",
            "after_copymodel/resolution", "after_all/resolution"]
    spec = {k: EQUAL for k in keys}
    spec["default_delay_after_resolution_0.3"] = {"mode": "trace", "atol": 1e-12, "rtol": 0.0}
    return run, spec


CASES["time_representation"] = time_representation_case()


def thread_count_case():
    def run(nest):
        out = {}
        fresh = _after_reset(nest, out)

        def threads(n):
            return lambda: nest.SetKernelStatus({"local_num_threads": n})

        fresh(lambda: None, "fresh/two", threads(2))
        fresh(lambda: nest.SetDefaults("static_synapse", {"weight": 2.0}), "after_setdefaults/same", threads(1))
        fresh(lambda: nest.SetDefaults("static_synapse", {"weight": 2.0}), "after_setdefaults/two", threads(2))
        fresh(lambda: nest.SetKernelStatus({"min_delay": 0.5, "max_delay": 2.0}), "after_delay_extrema/two", threads(2))
        fresh(lambda: nest.Create("iaf_psc_alpha"), "after_create/two", threads(2))

        def everything():
            nest.SetKernelStatus({"min_delay": 0.5, "max_delay": 2.0})
            nest.CopyModel("static_synapse", "syn_copy")
            nest.Create("iaf_psc_alpha")
            nest.Simulate(1.0)
        fresh(everything, "after_all/two", threads(2))
        fresh(lambda: None, "vps_disagree", lambda: nest.SetKernelStatus({"local_num_threads": 2,
                                                                           "total_num_virtual_procs": 3}))
        nest.ResetKernel()
        out["threads_as_float"] = _outcome(threads(2.0), message=False)
        return out
    keys = ["fresh/two", "after_setdefaults/same", "after_setdefaults/two", "after_delay_extrema/two",
            "after_create/two", "after_all/two", "vps_disagree", "threads_as_float"]
    return run, {k: EQUAL for k in keys}


CASES["thread_count"] = thread_count_case()


def integer_parameters_case():
    def run(nest):
        out = {}
        for v in (3, 3.0, 2.5):
            nest.ResetKernel()
            out["N_channels=%r" % v] = _outcome(lambda: nest.Create("correlomatrix_detector", params={"N_channels": v}),
                                                message=False)
        for v in (4, 4.0):
            nest.ResetKernel()
            out["quantal_n=%r" % v] = _outcome(lambda: nest.SetDefaults("quantal_stp_synapse", {"n": v}), message=False)
        nest.ResetKernel()
        out["rng_seed=5.0"] = _outcome(lambda: nest.SetKernelStatus({"rng_seed": 5.0}), message=False)
        return out
    keys = ["N_channels=3", "N_channels=3.0", "N_channels=2.5", "quantal_n=4", "quantal_n=4.0", "rng_seed=5.0"]
    return run, {k: EQUAL for k in keys}


CASES["integer_parameters"] = integer_parameters_case()


def connection_errors_case():
    """Which connections NEST 3.9 refuses, with which class and message (each on a fresh kernel)."""
    def run(nest):
        C = nest.Create

        def conn(pre, post, conn_spec=None, syn_spec=None):
            return lambda: nest.Connect(C(pre) if isinstance(pre, str) else pre(),
                                        C(post) if isinstance(post, str) else post(), conn_spec, syn_spec)

        def syn(model, **kw):
            return dict(kw, synapse_model=model)

        def multimeter_twice():
            mm = C("multimeter", params={"record_from": ["V_m"]})
            n = C("iaf_psc_alpha")
            nest.Connect(mm, n)
            nest.Connect(mm, n)

        def device_then_other_synapse():
            dc = C("dc_generator")
            n = C("iaf_psc_alpha")
            nest.Connect(dc, n)
            nest.Connect(dc, n, syn_spec="tsodyks_synapse")

        changes = {
            "neuron_to_voltmeter": conn("iaf_psc_alpha", "voltmeter"),
            "neuron_to_generator": conn("iaf_psc_alpha", "poisson_generator"),
            "recorder_as_source": conn("spike_recorder", "iaf_psc_alpha"),
            "current_into_recorder": conn("dc_generator", "spike_recorder"),
            "multimeter_receptor_1": conn("multimeter", "iaf_psc_alpha", None, {"receptor_type": 1}),
            "multimeter_mc_receptor_1": conn("multimeter", "iaf_cond_alpha_mc", None, {"receptor_type": 1}),
            "multimeter_twice": multimeter_twice,
            "spike_receptor_3": conn("iaf_psc_alpha", "iaf_psc_alpha", None, {"receptor_type": 3}),
            "multisynapse_receptor_0": conn("iaf_psc_alpha", "iaf_psc_alpha_multisynapse"),
            "device_then_other_synapse": device_then_other_synapse,
            "spike_generator_stdp": conn("spike_generator", "iaf_psc_alpha", None, syn("stdp_synapse")),
            "delayed_rate_from_neuron": conn("iaf_psc_alpha", "lin_rate_ipn", None, syn("rate_connection_delayed")),
            "instantaneous_rate_from_generator": conn("step_rate_generator", "lin_rate_ipn", None,
                                                      syn("rate_connection_instantaneous")),
            "delayed_rate_into_neuron": conn("lin_rate_ipn", "iaf_psc_alpha", None, syn("rate_connection_delayed")),
            "rate_neuron_static": conn("lin_rate_ipn", "lin_rate_ipn"),
            "step_rate_generator_static": conn("step_rate_generator", "lin_rate_ipn"),
            "sic_from_neuron": conn("iaf_psc_alpha", "iaf_psc_alpha", None, syn("sic_connection")),
            "sic_into_neuron": conn("astrocyte_lr_1994", "iaf_psc_alpha", None, syn("sic_connection")),
            "astrocyte_static": conn("astrocyte_lr_1994", "iaf_psc_alpha"),
            "learning_signal_from_astrocyte": conn("astrocyte_lr_1994", "iaf_psc_alpha", None,
                                                   syn("eprop_learning_signal_connection")),
            "gap_from_neuron": conn("iaf_psc_alpha", "iaf_psc_alpha", {"rule": "one_to_one", "make_symmetric": True},
                                    syn("gap_junction")),
            "diffusion_from_neuron": conn("iaf_psc_alpha", "siegert_neuron", None, syn("diffusion_connection")),
            "diffusion_into_neuron": conn("siegert_neuron", "iaf_psc_alpha", None, syn("diffusion_connection")),
            "iaf_bw_2001_nmda": conn("iaf_psc_alpha", "iaf_bw_2001", None, {"receptor_type": 3}),
            "iaf_tum_2000_receptor_0": lambda: (lambda t: nest.Connect(t, t))(C("iaf_tum_2000")),
            "clopath_to_recorder": conn("iaf_psc_alpha", "spike_recorder", None, syn("clopath_synapse")),
            "stdp_to_recorder": conn("iaf_psc_alpha", "spike_recorder", None, syn("stdp_synapse")),
            "device_to_volume_transmitter": conn("poisson_generator", "volume_transmitter"),
            "hpc_receptor_2": conn("iaf_psc_alpha", lambda: C("iaf_psc_exp_multisynapse", params={"tau_syn": [1.0, 2.0]}),
                                   None, syn("static_synapse_hpc", receptor_type=2)),
            "empty_pre": conn(lambda: nest.NodeCollection(), "iaf_psc_alpha"),
            "empty_post": conn("iaf_psc_alpha", lambda: nest.NodeCollection()),
            "indegree_to_recorder": conn(lambda: C("iaf_psc_alpha", 2), "spike_recorder",
                                         {"rule": "fixed_indegree", "indegree": 1}),
            "indegree_to_correlation_detector": conn(lambda: C("iaf_psc_alpha", 2), "correlation_detector",
                                                     {"rule": "fixed_indegree", "indegree": 1}),
            "indegree_to_volume_transmitter": conn(lambda: C("iaf_psc_alpha", 2), "volume_transmitter",
                                                   {"rule": "fixed_indegree", "indegree": 1}),
            "indegree_to_spike_dilutor": conn(lambda: C("iaf_psc_alpha", 2), "spike_dilutor",
                                              {"rule": "fixed_indegree", "indegree": 1}),
            "bernoulli_to_sinusoidal_generator": conn(lambda: C("iaf_psc_alpha", 2), "sinusoidal_poisson_generator",
                                                      {"rule": "pairwise_bernoulli", "p": 1.0}),
            "iaf_tum_2000_to_precise": conn("iaf_tum_2000", "iaf_psc_alpha_ps"),
            "iaf_tum_2000_to_iaf_bw_2001": conn("iaf_tum_2000", "iaf_bw_2001"),
            "instantaneous_rate_from_readout": conn("eprop_readout", "lin_rate_ipn", None,
                                                    syn("rate_connection_instantaneous")),
            "clopath_to_iaf_psc_alpha": conn("parrot_neuron", "iaf_psc_alpha", None, syn("clopath_synapse")),
            "urbanczik_to_iaf_psc_alpha": conn("parrot_neuron", "iaf_psc_alpha", None, syn("urbanczik_synapse")),
            "unknown_third_factor_rule": lambda: nest.TripartiteConnect(
                C("iaf_psc_alpha"), C("iaf_psc_alpha"), C("astrocyte_lr_1994"), {"rule": "one_to_one"},
                {"rule": "foo"}),
        }
        out = {}
        for key, change in changes.items():
            nest.ResetKernel()
            out[key] = _outcome(change)
        return out
    keys = ["neuron_to_voltmeter", "neuron_to_generator", "recorder_as_source", "current_into_recorder",
            "multimeter_receptor_1", "multimeter_mc_receptor_1", "multimeter_twice", "spike_receptor_3",
            "multisynapse_receptor_0", "device_then_other_synapse", "spike_generator_stdp", "delayed_rate_from_neuron",
            "instantaneous_rate_from_generator", "delayed_rate_into_neuron", "rate_neuron_static",
            "step_rate_generator_static", "sic_from_neuron", "sic_into_neuron", "astrocyte_static",
            "learning_signal_from_astrocyte", "gap_from_neuron", "diffusion_from_neuron", "diffusion_into_neuron",
            "iaf_bw_2001_nmda", "iaf_tum_2000_receptor_0", "clopath_to_recorder", "stdp_to_recorder",
            "device_to_volume_transmitter", "hpc_receptor_2", "empty_pre", "empty_post", "indegree_to_recorder",
            "indegree_to_correlation_detector", "indegree_to_volume_transmitter", "indegree_to_spike_dilutor",
            "bernoulli_to_sinusoidal_generator", "iaf_tum_2000_to_precise", "iaf_tum_2000_to_iaf_bw_2001",
            "instantaneous_rate_from_readout", "clopath_to_iaf_psc_alpha", "urbanczik_to_iaf_psc_alpha",
            "unknown_third_factor_rule"]
    return run, {k: EQUAL for k in keys}


CASES["connection_errors"] = connection_errors_case()


def off_grid_spiking_case():
    """The kernel's off_grid_spiking after creating nodes of one model (NodeManager::add_node sets it for
    models whose prototype is_off_grid)."""
    models = [("iaf_psc_alpha", {}), ("iaf_psc_alpha_ps", {}), ("parrot_neuron_ps", {}), ("poisson_generator_ps", {}),
              ("iaf_bw_2001", {}), ("iaf_bw_2001_exact", {}), ("iaf_tum_2000", {}), ("iaf_chxk_2008", {}),
              ("spike_train_injector", {}), ("spike_train_injector", {"precise_times": True}),
              ("spike_generator", {"precise_times": True}), ("gamma_sup_generator", {})]

    def run(nest):
        out = {}
        for model, params in models:
            nest.ResetKernel()
            nest.Create(model, params=params)
            out[_key(model, params)] = bool(nest.off_grid_spiking)
        return out

    def _key(model, params):
        return model + ("/" + ",".join(params) if params else "")
    return run, {_key(m, p): EQUAL for m, p in models}


CASES["off_grid_spiking"] = off_grid_spiking_case()
