"""NodeCollection structure and errors as in NEST 3.9 (primitive / composite / sliced composite),
NodeCollection.get on mixed collections, and the nest module's kernel attributes."""
import json

import numpy as np
import pytest


def test_from_list_must_be_sorted_and_unique(nest):
    nest.Create("iaf_psc_alpha", 6)
    with pytest.raises(nest.NESTErrors.BadProperty, match="ascending"):
        nest.NodeCollection([3, 1, 2])
    with pytest.raises(nest.NESTErrors.BadProperty, match="unique"):
        nest.NodeCollection([1, 2, 2])
    assert nest.NodeCollection([2, 4]).tolist() == [2, 4]


def test_array_index_errors(nest):
    nc = nest.Create("iaf_psc_alpha", 6)
    with pytest.raises(nest.NESTErrors.BadProperty, match="sorted"):
        nc[[3, 1]]
    with pytest.raises(ValueError):
        nc[[1, 1]]
    with pytest.raises(IndexError):
        nc[[1, 6]]
    with pytest.raises(TypeError):
        nc[[1, 2.0]]
    with pytest.raises(TypeError):
        nc[[True, 0, 1, 0, 1, 0]]
    with pytest.raises(TypeError):
        nc[np.array([[0, 1]])]
    with pytest.raises(IndexError):
        nc[[True, False]]
    assert nc[np.array([False, True, False, False, True, False])].tolist() == [2, 5]


def test_slice_bounds_and_empty_slices(nest):
    nc = nest.Create("iaf_psc_alpha", 6)
    with pytest.raises(IndexError):
        nc[:7]
    with pytest.raises(IndexError):
        nc[-8:]
    with pytest.raises(nest.NESTErrors.BadParameter):
        nc[4:2]
    assert nc[-2:].tolist() == [5, 6]
    assert nc[1:6:2].tolist() == [2, 4, 6]


def test_sliced_composites_join_and_slice_as_nest(nest):
    a = nest.Create("iaf_psc_alpha", 6)
    b = nest.Create("iaf_psc_exp", 4)
    comp = a + b
    assert (comp[::2]).tolist() == [1, 3, 5, 7, 9]
    with pytest.raises(nest.NESTErrors.BadProperty, match="sliced composite"):
        comp[::2] + nest.Create("iaf_psc_delta")
    with pytest.raises(nest.NESTErrors.BadProperty, match="sliced composite"):
        a[::2][0:2]
    # one element of a sliced composite is fine, and a step-1 slice within one part is primitive
    assert a[::2][1].tolist() == [3]
    assert (comp[1:3] + comp[7:9]).tolist() == [2, 3, 8, 9]
    assert [n.global_id for n in comp[2::3]] == [3, 6, 9]


def test_equality_uses_models(nest):
    exp = nest.Create("iaf_psc_exp", 4)
    nest.ResetKernel()
    alpha = nest.Create("iaf_psc_alpha", 4)
    assert alpha == nest.NodeCollection([1, 2, 3, 4])
    assert alpha != exp
    with pytest.raises(nest.NESTErrors.KernelException, match="ResetKernel"):
        exp + nest.Create("iaf_psc_alpha")


def test_to_array(nest):
    nest.local_num_threads = 2
    nc = nest.Create("parrot_neuron", 9)
    s = nc[1::4]
    assert s._to_array()["All"] == [2, 6]
    assert s._to_array("rank") == {"Rank 0": [2, 6]}
    by_thread = s._to_array("thread")
    assert sorted(sum(by_thread.values(), [])) == [2, 6]
    for t, ids in by_thread.items():
        for g in ids:
            assert nest.NodeCollection([g]).thread == t
    with pytest.raises(nest.NESTErrors.BadParameter):
        s._to_array("vp")


def test_get_on_composite_and_hierarchical(nest):
    n = nest.Create("iaf_psc_alpha", 2) + nest.Create("iaf_psc_delta", 1)
    assert n.get("refractory_input") == (None, None, False)
    assert n.get("C_m") == (250.0, 250.0, 250.0)
    with pytest.raises(KeyError):
        n.no_such_property
    sr = nest.Create("spike_recorder", 3)
    v = sr.get("events", ["senders", "times"])
    assert sorted(v) == ["senders", "times"] and len(v["times"]) == 3
    assert json.loads(sr.get("events", "times", output="json")) == [[], [], []]
    df = sr[0].get("events", "times", output="pandas")
    assert list(df.columns) == ["times"]


def test_kernel_attributes(nest):
    assert type(nest).keep_source_table._default is True
    assert nest.keep_source_table is True
    nest.rng_seed = 77
    assert nest.get("rng_seed") == 77
    with pytest.raises(AttributeError):
        nest.not_a_kernel_attribute = 1
    with pytest.raises(AttributeError):
        nest.Create = None
    with pytest.raises(AttributeError):
        nest.network_size = 3


def test_printing_of_composites(nest):
    a = nest.Create("iaf_psc_alpha", 10)
    b = nest.Create("iaf_psc_exp", 7)
    pad = "\n" + " " * 15
    assert str(a[::2]) == "NodeCollection(metadata=None," + pad + "model=iaf_psc_alpha, size=5, first=1, last=9, step=2)"
    assert str(a + b) == ("NodeCollection(metadata=None," + pad + "model=iaf_psc_alpha, size=10, first=1, last=10;"
                          + pad + "model=iaf_psc_exp, size=7, first=11, last=17)")
    assert str((a + b)[::3]) == ("NodeCollection(metadata=None," + pad
                                 + "model=iaf_psc_alpha, size=4, first=1, last=10, step=3;" + pad
                                 + "model=iaf_psc_exp, size=2, first=13, last=16, step=3)")
    assert str(nest.NodeCollection([2, 4])) == ("NodeCollection(metadata=None," + pad
                                               + "model=iaf_psc_alpha, size=1, first=2;" + pad
                                               + "model=iaf_psc_alpha, size=1, first=4)")
