"""weight_recorder: synapses whose model names a weight_recorder report every transmitted spike."""
import numpy as np


def build(nest, threads):
    nest.ResetKernel()
    nest.local_num_threads = threads
    sg = nest.Create("spike_generator", params={"spike_times": [10.0, 30.0, 50.0]})
    pre = nest.Create("parrot_neuron", 2)
    post = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(sg, pre, syn_spec={"delay": 1.0})
    wr = nest.Create("weight_recorder")
    nest.CopyModel("static_synapse", "s_wr", {"weight_recorder": wr})
    w = np.arange(6, dtype=float).reshape(3, 2) + 1.0
    nest.Connect(pre, post, syn_spec={"synapse_model": "s_wr", "weight": w, "delay": 1.0})
    nest.Connect(pre, post, syn_spec={"weight": 9.0})  # a plain static_synapse reports nothing
    nest.Simulate(100.0)
    return wr.events


def test_events_and_columns(nest):
    ev = build(nest, 1)
    assert len(ev["times"]) == 3 * 2 * 3  # 3 spikes x 2 senders x 3 targets
    assert set(ev["times"]) == {11.0, 31.0, 51.0}  # the spike's time at the sender
    assert set(ev["weights"]) == {1.0, 2.0, 3.0, 4.0, 5.0, 6.0}
    assert set(ev["targets"]) == {4, 5, 6} and set(ev["senders"]) == {2, 3}
    assert ev["receptors"].dtype.kind == "i" and ev["ports"].dtype.kind == "i"


def test_thread_independent(nest):
    a = build(nest, 1)
    b = build(nest, 2)
    for k in a:
        assert np.array_equal(a[k], b[k]), k


def test_only_weight_recorders_accepted(nest):
    sr = nest.Create("spike_recorder")
    try:
        nest.CopyModel("static_synapse", "bad", {"weight_recorder": sr})
    except nest.NESTErrors.BadProperty:
        return
    raise AssertionError("a spike_recorder was accepted as weight_recorder")
