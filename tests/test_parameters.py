"""Parameters (nest.random, nest.math, nest.logic, arithmetic, CreateParameter): values, statistics,
use in Create, NodeCollection.set, SynapseCollection.set and syn_spec, and NEST's errors."""
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
import nestj as nest  # noqa: E402


@pytest.fixture(autouse=True)
def reset():
    nest.ResetKernel()
    nest.rng_seed = 3
    yield


def values(p, n=20000):
    nodes = nest.Create("parrot_neuron", n)
    return p._values_for(nodes)


def test_constant_and_arithmetic():
    c = nest.CreateParameter("constant", {"value": 3.0})
    assert c.GetValue() == 3.0
    assert (c + 2).GetValue() == 5.0
    assert (2 + c).GetValue() == 5.0
    assert (c - 1).GetValue() == 2.0
    assert (10 - c).GetValue() == 7.0
    assert (c * 4).GetValue() == 12.0
    assert (4 * c).GetValue() == 12.0
    assert (c / 2).GetValue() == 1.5
    assert (6 / c).GetValue() == pytest.approx(2.0)
    assert (c ** 2).GetValue() == 9.0
    assert (-c).GetValue() == -3.0
    assert (c + c * c).GetValue() == 12.0
    with pytest.raises(TypeError):
        2 ** c


def test_comparisons_and_conditional():
    c = nest.CreateParameter("constant", {"value": 3.0})
    assert (c < 4).GetValue() == 1.0
    assert (c <= 3).GetValue() == 1.0
    assert (c == 3).GetValue() == 1.0
    assert (c != 3).GetValue() == 0.0
    assert (c >= 4).GetValue() == 0.0
    assert (c > 2).GetValue() == 1.0
    u = nest.random.uniform(0.0, 1.0)
    v = values(nest.logic.conditional(u < 0.25, 1.0, 0.0))
    assert set(np.unique(v)) <= {0.0, 1.0}
    assert abs(v.mean() - 0.25) < 0.02
    v = values(nest.logic.conditional(c > 2, nest.random.uniform(10.0, 11.0), -1.0))
    assert v.min() >= 10.0 and v.max() < 11.0


def test_random_distributions():
    v = values(nest.random.uniform(-2.0, 4.0))
    assert v.min() >= -2.0 and v.max() < 4.0
    assert abs(v.mean() - 1.0) < 0.05
    v = values(nest.random.uniform_int(5))
    assert set(np.unique(v)) == {0.0, 1.0, 2.0, 3.0, 4.0}
    v = values(nest.random.normal(5.0, 2.0))
    assert abs(v.mean() - 5.0) < 0.06 and abs(v.std() - 2.0) < 0.05
    v = values(nest.random.lognormal(0.5, 0.4))
    assert v.min() > 0 and abs(np.log(v).mean() - 0.5) < 0.02 and abs(np.log(v).std() - 0.4) < 0.02
    v = values(nest.random.exponential(3.0))
    assert v.min() >= 0 and abs(v.mean() - 3.0) < 0.1


def test_math_functions():
    c = nest.CreateParameter("constant", {"value": 0.5})
    assert nest.math.exp(c).GetValue() == pytest.approx(np.exp(0.5))
    assert nest.math.sin(c).GetValue() == pytest.approx(np.sin(0.5))
    assert nest.math.cos(c).GetValue() == pytest.approx(np.cos(0.5))
    assert nest.math.min(c, 0.2).GetValue() == 0.2
    assert nest.math.max(c, 0.2).GetValue() == 0.5
    v = values(nest.math.redraw(nest.random.normal(0.0, 1.0), -0.5, 0.5))
    assert v.min() >= -0.5 and v.max() <= 0.5
    v = values(nest.math.min(nest.random.uniform(0.0, 1.0), 0.5))
    assert v.max() == 0.5


def test_getvalue_draws_fresh_values():
    p = nest.random.uniform()
    vals = {p.GetValue() for _ in range(10)}
    assert len(vals) == 10


def test_parameters_in_create_and_set():
    n = nest.Create("iaf_psc_alpha", 2000, params={"V_m": nest.random.uniform(-70.0, -60.0), "I_e": 5.0})
    v = np.asarray(n.get("V_m"))
    assert v.min() >= -70.0 and v.max() < -60.0 and abs(v.mean() + 65.0) < 0.3
    assert set(n.get("I_e")) == {5.0}
    n.set(C_m=nest.random.normal(250.0, 10.0))
    c = np.asarray(n.get("C_m"))
    assert abs(c.mean() - 250.0) < 1.5 and abs(c.std() - 10.0) < 1.0
    n.set({"tau_m": 5.0 + nest.random.exponential(2.0)})
    t = np.asarray(n.get("tau_m"))
    assert t.min() >= 5.0 and abs(t.mean() - 7.0) < 0.3
    n[0].set(V_m=nest.CreateParameter("constant", {"value": -55.0}))
    assert n[0].get("V_m") == -55.0


def test_parameters_in_synapse_collection_set():
    a = nest.Create("iaf_psc_alpha", 40)
    nest.Connect(a, a)
    c = nest.GetConnections()
    c.set(weight=nest.random.uniform(2.0, 3.0))
    w = np.asarray(c.weight)
    assert w.min() >= 2.0 and w.max() < 3.0 and len(np.unique(w)) > 1000


def test_parameter_errors():
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.random.uniform(2.0, 1.0)
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.random.normal(0.0, 0.0)
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.random.lognormal(0.0, -1.0)
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.random.uniform_int(0)
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.CreateParameter("normal", {"mean": 0.0, "sigma": 1.0})
    with pytest.raises(nest.NESTError):
        nest.CreateParameter("no_such_type", {})
    with pytest.raises(nest.NESTErrors.BadParameterValue):
        nest.math.redraw(nest.random.normal(), 1.0, 0.0)
    with pytest.raises(nest.NESTErrors.KernelException, match="redraws"):
        nest.math.redraw(nest.random.normal(0.0, 1.0), 50.0, 60.0).GetValue()
    n = nest.Create("iaf_psc_alpha", 10)
    with pytest.raises(nest.NESTErrors.BadProperty):
        n.set(C_m=nest.random.uniform(-2.0, -1.0))  # C_m must be > 0


def test_reproducible_with_seed():
    def run():
        nest.ResetKernel()
        nest.rng_seed = 11
        n = nest.Create("iaf_psc_alpha", 100, params={"V_m": nest.random.normal(-65.0, 3.0)})
        return np.asarray(n.get("V_m"))
    assert np.array_equal(run(), run())
