"""PyNEST conventions that NEST 3.9's own testsuite relies on: invalid NodeCollections after
ResetKernel, SetKernelStatus's key checks, DictError reporting, Create's params handling, JSON
output, the operand-stack shim (sps/spp/sr), memory-backend offsets, Prepare/Cleanup after an
IOError, and correlation detector defaults under a new tic base."""
import json
import os
import warnings

import numpy as np
import pytest


# ---------------------------------------------------------------- NodeCollection validity

def test_node_collection_invalid_after_reset(nest):
    a = nest.Create("iaf_psc_alpha", 3)
    b = nest.Create("iaf_psc_exp", 2)
    nest.ResetKernel()
    c = nest.Create("iaf_psc_alpha", 3)
    for f in (lambda: a + b, lambda: a + c, lambda: c + a, lambda: a[1:2], lambda: a[0], lambda: a.get("V_m"),
              lambda: nest.GetStatus(a), lambda: nest.Connect(a, c), lambda: nest.GetConnections(source=a)):
        with pytest.raises(nest.NESTErrors.KernelException):
            f()
    with pytest.raises(nest.kernel.NESTError, match="InvalidNodeCollection"):
        a + b
    # a collection made in the current kernel is fine, and so is an empty one in Connect's own check
    assert len(c + nest.Create("iaf_psc_delta")) == 4
    with pytest.raises(nest.NESTErrors.IllegalConnection):
        nest.Connect(c, nest.NodeCollection())


# ---------------------------------------------------------------- kernel status

def test_set_kernel_status_checks_keys(nest):
    nest.SetKernelStatus({})
    with pytest.raises(ValueError, match="not a valid kernel parameter"):
        nest.SetKernelStatus({"nonexistent_status_key": 0})
    with pytest.raises(ValueError, match="`network_size` is a readonly kernel parameter"):
        nest.SetKernelStatus({"network_size": 120})
    with pytest.raises(ValueError, match="readonly"):
        nest.set(off_grid_spiking=True)
    assert "resolution" in nest._kernel_attr_names and "to_do" in nest._readonly_kernel_attrs
    # without dict_miss_is_error the key is dropped with a warning, the others are set
    with pytest.warns(UserWarning, match="has been ignored"):
        nest.SetKernelStatus({"dict_miss_is_error": False, "nonexistent_status_key": 0, "resolution": 0.2})
    assert nest.resolution == 0.2 and nest.dict_miss_is_error is False


# ---------------------------------------------------------------- errors

def test_dict_errors_report_dict_error(nest):
    with pytest.raises(nest.NESTErrors.DictError, match="^DictError in ") as e:
        nest.SetDefaults("iaf_psc_alpha", "nonexistent_status_key", 0)
    # still the specific class
    assert isinstance(e.value, nest.NESTErrors.UnaccessedDictionaryEntry)
    assert e.value.errorname == "DictError"


def test_create_with_non_string_model(nest):
    with pytest.raises(nest.NESTErrors.UnknownModelName, match="-1"):
        nest.Create(-1)


def test_create_sets_params_after_creation_with_warning(nest):
    for params, err in (((), TypeError), ({"V_m": [-50.0]}, IndexError),
                        ({"V_mm": 3 * [-50.0]}, nest.NESTErrors.DictError), ([{"V_m": 1.0}], TypeError)):
        before = nest.network_size
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            with pytest.raises(err):
                nest.Create("iaf_psc_alpha", 3, params)
        assert len(w) == 1 and "nodes have already been created" in str(w[0].message)
        assert nest.network_size == before + 3
    n = nest.Create("iaf_psc_alpha", 2, {"V_m": [-60.0, -61.0], "C_m": 200.0})
    assert n.V_m == (-60.0, -61.0) and n.C_m == (200.0, 200.0)


def test_get_defaults_and_status_key_types(nest):
    with pytest.raises(TypeError):
        nest.GetDefaults("iaf_psc_alpha", 42)
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(TypeError):
        nest.GetStatus(n, 42)
    assert nest.GetDefaults("iaf_psc_alpha", ("V_m", "C_m")) == (-70.0, 250.0)


def test_get_status_json(nest):
    n = nest.Create("dc_generator", 2)
    s = nest.GetStatus(n, output="json")
    assert isinstance(s, str)
    d = json.loads(s)
    assert len(d) == 2 and d[0]["model"] == "dc_generator"
    assert nest.GetStatus(nest.NodeCollection(), output="json") == "[]"
    assert json.loads(nest.GetStatus(n, "amplitude", output="json")) == [0.0, 0.0]


# ---------------------------------------------------------------- operand stack shim

def test_stack_push_pop_conversions(nest):
    ll = nest.ll_api
    lit = nest.kernel.SLILiteral("test")
    assert lit == "test" and hash(lit) == hash("test") and repr(lit) == "<SLILiteral: test>"
    for obj_in, obj_out in ((True, True), (3.14, 3.14), ("s", "s"), (lit, lit), ([1, 2, 3], (1, 2, 3)),
                            ({"a": 1, "sub": {nest.kernel.SLILiteral("foo"): [1]}}, {"a": 1, "sub": {"foo": (1,)}}),
                            (np.int64(2), 2), (np.array(2.0), 2.0)):
        ll.sps(obj_in)
        out = ll.spp()
        assert out == obj_out and type(out) is type(obj_out)
    ll.sps(np.array([1, 2]))
    assert isinstance(ll.spp(), np.ndarray)


def test_stack_errors_and_arithmetic(nest):
    ll = nest.ll_api
    with pytest.raises(nest.NESTErrors.StackUnderflow, match="StackUnderflow"):
        ll.sr("clear ;")
    with pytest.raises(nest.NESTErrors.DivisionByZero, match="DivisionByZero"):
        ll.sr("1 0 div")
    ll.sr("count")
    assert ll.spp() == 0  # the error cleared the stack
    assert ll.sli_func("div", 7, 2) == 3 and ll.sli_func("div", -7, 2) == -3 and ll.sli_func("div", 7.0, 2) == 3.5
    assert ll.sli_func("1 2 pop") == 1


def test_stack_checker(nest):
    ll = nest.ll_api
    checked = ll.stack_checker(lambda: ll.sps(1))
    old = ll.get_debug()
    ll.set_debug(True)
    try:
        with pytest.raises(nest.kernel.NESTError, match="left 1 elements on the stack"):
            checked()
    finally:
        ll.set_debug(old)
        ll.sr("clear")
    with pytest.raises(ValueError):
        ll.check_stack(42)


# ---------------------------------------------------------------- recording and simulation control

def test_time_in_steps_offsets_for_every_recorder(nest):
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 1.0})
    assert "offsets" not in mm.events
    mm.time_in_steps = True
    nest.Connect(mm, nest.Create("iaf_psc_alpha"))
    nest.Simulate(5.0)
    ev = mm.events
    assert ev["times"].dtype == np.int64 and ev["offsets"].dtype == np.float64
    assert len(ev["offsets"]) == len(ev["times"]) == 4 and np.all(ev["offsets"] == 0.0)
    with pytest.raises(nest.NESTErrors.BadProperty):
        mm.time_in_steps = False


def test_io_error_in_prepare_leaves_cleanup_due(nest, tmp_path):
    nest.data_path = str(tmp_path)
    params = {"record_to": "ascii", "record_from": ["V_m"]}
    mm = nest.Create("multimeter", params=params)
    nest.Connect(mm, nest.Create("iaf_psc_alpha"))
    nest.Simulate(10.0)
    assert os.path.exists(mm.filenames[0])
    nest.ResetKernel()
    nest.data_path = str(tmp_path)
    mm = nest.Create("multimeter", params=params)
    nest.Connect(mm, nest.Create("iaf_psc_alpha"))
    with pytest.raises(nest.NESTErrors.IOError):
        nest.Simulate(10.0)
    with pytest.raises(nest.NESTErrors.KernelException, match="Prepare called twice"):
        nest.Simulate(10.0)
    nest.Cleanup()
    nest.overwrite_files = True
    nest.Simulate(10.0)


def test_tic_base_change_keeps_correlation_detector_times(nest):
    before = {m: nest.GetDefaults(m) for m in ("correlation_detector", "correlomatrix_detector",
                                                "correlospinmatrix_detector")}
    nest.set(resolution=0.5, tics_per_ms=1500.0)
    for m, d in before.items():
        now = nest.GetDefaults(m)
        for key in ("tau_max", "Tstart", "Tstop"):
            assert now[key] == pytest.approx(d[key], abs=1e-7), (m, key)
    # delta_tau (0.5 ms before) is not a whole number of the new steps' tics: it falls back to its default
    assert nest.GetDefaults("correlation_detector", "delta_tau") == pytest.approx(2.5)
    assert nest.GetDefaults("correlospinmatrix_detector", "delta_tau") == pytest.approx(0.5)


def test_set_status_list_length_must_match(nest):
    # PyNEST's SetStatus: a list of dicts (or of values for one key) needs one entry per node
    n = nest.Create("iaf_psc_alpha", 3)
    with pytest.raises(TypeError, match="list of dicts of length 3"):
        nest.SetStatus(n, [{"V_m": -60.0}])
    nest.SetStatus(n, "V_m", [-60.0, -61.0, -62.0])
    assert n.V_m == (-60.0, -61.0, -62.0)
    nest.SetStatus(nest.NodeCollection([]), {"V_m": 1.0})   # an empty collection: nothing to do
