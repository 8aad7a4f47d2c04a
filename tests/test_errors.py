"""Bad input raises NEST's error classes, by NEST's names, with clear messages."""
import pytest


def test_error_hierarchy(nest):
    assert issubclass(nest.NESTErrors.BadProperty, nest.kernel.NESTError)
    assert issubclass(nest.NESTErrors.UnknownModelName, nest.NESTError)
    assert nest.kernel.NESTError is nest.NESTError


def test_unknown_model(nest):
    with pytest.raises(nest.NESTErrors.UnknownModelName, match="no_such_model"):
        nest.Create("no_such_model")


def test_bad_property(nest):
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.BadProperty, match="Capacitance"):
        n.set(C_m=-1.0)
    with pytest.raises(nest.NESTErrors.BadProperty, match="Reset potential"):
        n.set({"V_reset": -40.0, "V_th": -50.0})
    # a failed set changes nothing
    assert n.C_m == 250.0 and n.V_reset == -70.0


def test_unaccessed_dictionary_entry(nest):
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry, match="tau_mem"):
        n.set({"tau_mem": 5.0})
    assert str(pytest.raises(nest.NESTErrors.DictError, n.set, {"tau_mem": 5.0, "foo": 1}).value) == (
        "DictError in SLI function SetStatus_id: Unused dictionary items:  tau_mem foo")
    # Create with a dictionary of single values: SLI's Create_l_i_D looks each key up in the model's
    # defaults first (get_d's DictError), before any node is made
    size = nest.network_size
    with pytest.raises(nest.NESTErrors.DictError, match=r"^DictError in SLI function get_d: Key '/V_mm' does not exist"):
        nest.Create("iaf_psc_alpha", params={"V_mm": 1.0})
    with pytest.raises(nest.NESTErrors.BadProperty, match="^BadProperty in SLI function SetDefaults_l_D: "):
        nest.Create("iaf_psc_alpha", params={"C_m": -1.0})
    assert nest.network_size == size and nest.GetDefaults("iaf_psc_alpha", "C_m") == 250.0
    # a recorder is made first and then given the dictionary (SetStatus)
    with pytest.raises(nest.NESTErrors.DictError, match="SetStatus_id: Unused dictionary items:  foo$"):
        nest.Create("spike_recorder", params={"foo": 1})
    assert nest.network_size == size + 1
    # PyNEST checks kernel keys itself: a key that is no kernel attribute is a ValueError
    with pytest.raises(ValueError, match="`no_such_kernel_key` is not a valid kernel parameter"):
        nest.SetKernelStatus({"no_such_kernel_key": 1})
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.Connect(n, n, syn_spec={"weigth": 2.0})


def test_bad_delay(nest):
    a, b = nest.Create("iaf_psc_alpha", 2)
    # the delay as NEST's message prints it (C++ ostream: "0", not "0.0")
    with pytest.raises(nest.NESTErrors.BadDelay, match=r"Delay value 0 is invalid: Delay must be greater than or equal to resolution"):
        nest.Connect(nest.Create("iaf_psc_alpha"), nest.Create("iaf_psc_alpha"), syn_spec={"delay": 0.04})
    with pytest.raises(nest.NESTErrors.BadDelay, match="resolution"):
        nest.Connect(a, b, syn_spec={"delay": 0.01})
    nest.Connect(a, b, syn_spec={"delay": 2.0})
    nest.Simulate(10.0)
    with pytest.raises(nest.NESTErrors.BadDelay, match="after Simulate"):
        nest.Connect(a, b, syn_spec={"delay": 5.0})


def test_illegal_connection(nest):
    n = nest.Create("iaf_psc_alpha")
    vm = nest.Create("voltmeter")
    sr = nest.Create("spike_recorder")
    dc = nest.Create("dc_generator")
    with pytest.raises(nest.NESTErrors.IllegalConnection):
        nest.Connect(n, vm)  # NEST's direction is voltmeter -> neuron
    with pytest.raises(nest.NESTErrors.IllegalConnection):
        nest.Connect(sr, n)  # a recorder sends nothing
    with pytest.raises(nest.NESTErrors.IllegalConnection):
        nest.Connect(n, dc)  # a generator receives no spikes


def test_unknown_receptor_type(nest):
    n = nest.Create("iaf_psc_alpha")
    sg = nest.Create("spike_generator")
    with pytest.raises(nest.NESTErrors.UnknownReceptorType):
        nest.Connect(sg, n, syn_spec={"receptor_type": 3})
    dc = nest.Create("dc_generator")
    with pytest.raises(nest.NESTErrors.UnknownReceptorType):
        nest.Connect(dc, n, syn_spec={"receptor_type": 1})


def test_incompatible_receptor_type(nest):
    if "iaf_psc_exp_multisynapse" not in nest.node_models:
        pytest.fail("iaf_psc_exp_multisynapse is needed for this check")
    n = nest.Create("iaf_psc_exp_multisynapse", params={"tau_syn": [2.0, 5.0]})
    sg = nest.Create("spike_generator")
    with pytest.raises(nest.NESTErrors.IncompatibleReceptorType):
        nest.Connect(sg, n, syn_spec={"receptor_type": 0})


def test_kernel_exception(nest):
    nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.KernelException, match="Number of threads unchanged. Error conditions: Nodes exist."):
        nest.local_num_threads = 2
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.Run(10.0)  # Run without Prepare
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.Simulate(0.01)  # less than one step


def test_no_jvm_trace_leaks(nest):
    # any failure reaches Python as a NESTError, never as a Java exception
    with pytest.raises(nest.NESTError) as ei:
        nest.GetDefaults("nonexistent")
    assert "java." not in str(ei.value)


def test_spike_generator_errors(nest):
    with pytest.raises(nest.NESTErrors.BadProperty, match="sorted"):
        nest.Create("spike_generator", params={"spike_times": [5.0, 2.0]})
    with pytest.raises(nest.NESTErrors.BadProperty, match="representable"):
        nest.Create("spike_generator", params={"spike_times": [1.03]})
    with pytest.raises(nest.NESTErrors.BadProperty, match="n_events"):
        nest.Create("spike_recorder").n_events = 5


def test_iaf_bw_2001_rise_not_below_decay(nest):
    # NEST computes k_0 with boost::math::tgamma_lower(1 - tau_rise/tau_decay, ...) when the simulation is
    # prepared; for tau_rise >= tau_decay boost raises its domain error (arguments promoted to long double,
    # printed with 21 digits), which NEST's prepare_nodes wraps
    nest.Create("iaf_bw_2001", params={"tau_rise_NMDA": 3.0, "tau_decay_NMDA": 2.9})
    with pytest.raises(nest.NESTErrors.WrappedThreadException,
                       match=r"boost::math::gamma_p<long double>\(long double, long double\): Argument a to the "
                             r"incomplete gamma function must be greater than zero \(got a=-0\.0344827586206897240828\)"):
        nest.Simulate(1.0)


def test_time_representation_fixed_as_in_nest(nest):
    # NEST 3.9's SimulationManager::set_status: resolution and tics_per_ms, even unchanged, only before nodes,
    # simulation and modified model defaults (every SetDefaults and CopyModel); ResetKernel lifts it
    nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.KernelException, match="^.*Nodes have already been created: time representation cannot be changed.$"):
        nest.resolution = 0.1
    nest.Simulate(1.0)
    nest.SetDefaults("iaf_psc_alpha", {"C_m": 200.0})
    with pytest.raises(nest.NESTErrors.KernelException, match="Time representation unchanged. Error conditions: Nodes have "
                       "already been created. Network has been simulated. Model defaults were modified."):
        nest.SetKernelStatus({"tics_per_ms": 1000.0, "resolution": 0.1})
    nest.ResetKernel()
    nest.CopyModel("static_synapse", "syn_copy")
    with pytest.raises(nest.NESTErrors.KernelException, match="Model defaults were modified: time representation"):
        nest.resolution = 0.2
    nest.ResetKernel()
    with pytest.raises(nest.NESTErrors.KernelException, match="Change of tics_per_ms requires simultaneous"):
        nest.SetKernelStatus({"tics_per_ms": 1000.0})
    for bad, msg in [(0.0001, "greater than or equal to one tic"), (0.10005, "multiple of the tic length"),
                     (float("nan"), "multiple of the tic length")]:
        with pytest.raises(nest.NESTErrors.KernelException, match=msg):
            nest.resolution = bad
    assert nest.resolution == 0.1
    nest.SetKernelStatus({"tics_per_ms": 100.0, "resolution": 0.5})
    assert (nest.resolution, nest.tics_per_ms) == (0.5, 100.0)


def test_thread_number_fixed_as_in_nest(nest):
    # NEST 3.9's VPManager::set_status: a different thread count only before nodes, user-set delay extrema,
    # simulation and modified model defaults; the same count is always accepted
    nest.SetDefaults("static_synapse", {"weight": 2.0})
    nest.local_num_threads = 1
    with pytest.raises(nest.NESTErrors.KernelException,
                       match="Number of threads unchanged. Error conditions: Model defaults were modified."):
        nest.local_num_threads = 2
    nest.ResetKernel()
    nest.SetKernelStatus({"min_delay": 0.5, "max_delay": 2.0})
    nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.KernelException,
                       match="Error conditions: Nodes exist. Delay extrema have been set."):
        nest.local_num_threads = 2
    nest.ResetKernel()
    with pytest.raises(nest.NESTErrors.BadProperty, match="total_num_virtual_procs is incompatible"):
        nest.SetKernelStatus({"local_num_threads": 2, "total_num_virtual_procs": 3})
    nest.SetKernelStatus({"local_num_threads": 2, "total_num_virtual_procs": 2})
    assert nest.local_num_threads == 2


def test_integer_parameters_refuse_floats(nest):
    # NEST's getValue<long> accepts only integers: 2.0 is a TypeMismatch as 2.5 is (not an overflowing cast)
    for v in (2.0, 2.5, 1e308):
        with pytest.raises(nest.NESTErrors.TypeMismatch):
            nest.Create("correlomatrix_detector", params={"N_channels": v})
    assert nest.Create("correlomatrix_detector", params={"N_channels": 3}).N_channels == 3
    with pytest.raises(nest.NESTErrors.TypeMismatch):
        nest.local_num_threads = 2.0


def test_pairwise_poisson_mean_must_be_finite(nest):
    n = nest.Create("iaf_psc_alpha", 3)
    for v in (float("nan"), -1.0):
        with pytest.raises(nest.NESTErrors.BadProperty, match="0 \u2264 pairwise_avg_num_conns required"):
            nest.Connect(n, n, {"rule": "pairwise_poisson", "pairwise_avg_num_conns": v})
    with pytest.raises(nest.NESTErrors.BadProperty, match="finite"):
        nest.Connect(n, n, {"rule": "pairwise_poisson", "pairwise_avg_num_conns": float("inf")})


def test_get_with_bad_parameter_names(nest):
    # PyNEST's get_parameters / get_parameters_hierarchical_addressing raise TypeError
    n = nest.Create("iaf_psc_alpha", 2)
    with pytest.raises(TypeError, match="Params should be either a string or an iterable"):
        n.get(0)
    with pytest.raises(TypeError, match="First argument must be a string"):
        n.get(0, "times")


def test_set_communicator_as_a_build_without_mpi4py(nest):
    import sys
    if "mpi4py" not in sys.modules:
        with pytest.raises(nest.kernel.NESTError, match="set_communicator: mpi4py not loaded."):
            nest.set_communicator(None)
    sys.modules.setdefault("mpi4py", type(sys)("mpi4py"))
    try:
        with pytest.raises(nest.kernel.NESTError, match="NEST not compiled with MPI4PY"):
            nest.set_communicator(None)
    finally:
        if getattr(sys.modules.get("mpi4py"), "__file__", None) is None:
            del sys.modules["mpi4py"]


@pytest.mark.parametrize("model", ["aeif_psc_delta_clopath", "hh_psc_alpha_clopath"])
def test_clopath_invalid_u_ref_squared_is_kept_as_nest_does(nest, model):
    # ClopathArchivingNode::set_status stores A_LTD, A_LTP and u_ref_squared before it checks u_ref_squared
    # (theta_plus and the rest only after the check)
    n = nest.Create(model)
    with pytest.raises(nest.NESTErrors.BadProperty, match="Ensure that u_ref_squared > 0"):
        n.set({"A_LTD": 2e-4, "u_ref_squared": -1.0, "theta_plus": -40.0})
    assert n.A_LTD == 2e-4 and n.u_ref_squared == -1.0 and n.theta_plus == nest.GetDefaults(model, "theta_plus")


def test_warnings_are_formatted_as_pynest_does(nest):
    # PyNEST's hl_api_helper installs its own warnings.formatwarning ("file:line: Category:message")
    import warnings
    assert warnings.formatwarning("boo", UserWarning, "x.py", 3) == "x.py:3: UserWarning:boo\n"
