"""nestj's own parity cases: which kernel settings and parameter values NEST 3.9 refuses, and how.

Each key holds "ok" or the error class and message NEST raises (the "<Class> in SLI function <f>: "
prefix removed): the time representation (resolution, tics_per_ms) after nodes, a simulation,
SetDefaults or CopyModel, resolutions below one tic or off the tic grid; the thread count after
SetDefaults, user-set delay extrema and nodes; integer parameters given as floats (the error class
only: nestj words TypeMismatch differently). Cases in the form of
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
