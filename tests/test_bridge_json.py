"""Status values cross the bridge as one JSON text (org.nestj.bridge.Json) where they can: the result must
be the value the element-by-element conversion gives, with the same types (int, float, str, bool, dict,
list, tuple, numpy arrays of the same dtype) and the same bits of every double."""
import math

import jpype
import numpy as np

from nestj import ll_api


def _same(a, b, path="$"):
    assert type(a) is type(b), (path, type(a), type(b))
    if isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            _same(a[k], b[k], path + "." + k)
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, "%s[%d]" % (path, i))
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape, path
        assert np.array_equal(a.view(np.uint8), b.view(np.uint8)), path
    elif isinstance(a, float):
        assert (math.isnan(a) and math.isnan(b)) or a.hex() == b.hex(), (path, a, b)
    else:
        assert a == b, (path, a, b)


def _both(o, path):
    _same(ll_api.to_py(o), ll_api._to_py_elementwise(o), path)


def test_defaults_and_statuses_of_every_model(nest):
    for m in nest.node_models + nest.synapse_models:
        _both(ll_api.bridge.getDefaults(m), m)
    for m in nest.node_models:
        nest.ResetKernel()
        try:
            c = nest.Create(m, 2)
        except nest.kernel.NESTError:
            continue   # models that need parameters to be created
        _both(ll_api.bridge.getStatus(jpype.JArray(jpype.JLong)([int(g) for g in c.tolist()])), m)


def test_recorded_events_and_kernel_status(nest):
    n = nest.Create("iaf_psc_alpha", 20, params={"I_e": 400.0})
    sr = nest.Create("spike_recorder")
    mm = nest.Create("multimeter", params={"record_from": ["V_m"]})
    nest.Connect(n, sr)
    nest.Connect(mm, n)
    nest.Simulate(100.0)
    for d in (sr, mm):
        _both(ll_api.bridge.getStatus(jpype.JArray(jpype.JLong)([int(g) for g in d.tolist()])), d.get("model"))
    _both(ll_api.bridge.getKernelStatus(), "kernel")
    assert isinstance(mm.get("events")["V_m"], np.ndarray) and len(mm.get("events")["V_m"]) > 64


def test_doubles_keep_their_bits():
    rng = np.random.default_rng(7)
    bits = rng.integers(-2**63, 2**63 - 1, size=3000, dtype=np.int64)
    vals = bits.view(np.float64)
    vals = vals[np.isfinite(vals)]
    special = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 1e23, 2.0 ** -44,
               float("inf"), float("-inf")]
    lst = jpype.JClass("java.util.ArrayList")()
    for i in range(0, len(vals), 50):
        lst.add(jpype.JArray(jpype.JDouble)(vals[i:i + 50].tolist()))   # short arrays are written into the text
    for v in special:
        lst.add(jpype.JDouble(v))
    out = ll_api.to_py(lst)
    got = np.concatenate(out[:-len(special)])
    assert np.array_equal(got.view(np.int64), vals.view(np.int64))
    assert [x.hex() for x in out[-len(special):]] == [float(v).hex() for v in special]
    nan = ll_api.to_py(jpype.JClass("java.util.ArrayList")([jpype.JDouble(float("nan"))]))
    assert math.isnan(nan[0])


def test_single_key_values_are_the_status_values(nest):
    """getValues(key) (the bridge keeps only that key of each node's status) gives what the whole status
    gives for it, for every key of every model, also after a simulation."""
    checked = 0
    for m in nest.node_models:
        nest.ResetKernel()
        try:
            c = nest.Create(m, 2)
        except nest.kernel.NESTError:
            continue
        try:
            nest.Simulate(2.0)
        except nest.kernel.NESTError:
            pass   # models that cannot be simulated without more set-up (cm_default without compartments)
        gids = jpype.JArray(jpype.JLong)([int(g) for g in c.tolist()])
        full = ll_api.to_py(ll_api.bridge.getStatus(gids))
        for key in full[0]:
            vals = ll_api.to_py(ll_api.bridge.getValues(gids, key))
            for i in range(2):
                _same(vals[i].item() if isinstance(vals, np.ndarray) else vals[i], full[i][key], "%s.%s" % (m, key))
            checked += 1
    assert checked > 3000
