"""When a neuron's spike reaches the devices among its targets (spike_recorder, ...).

NEST 3.9 hands a spike of a node with proxies (a neuron, a parrot, a spike_train_injector) to its
device targets at once, when the node sends it during its update (nestkernel/event_delivery_manager_impl.h,
EventDeliveryManager::send<SpikeEvent>: send_remote for the other targets, then
connection_manager.send_to_devices), while the other targets get it through the spike exchange at
the end of the min_delay slice (simulation_manager.cpp update_(): gather_spike_data at the end of a
slice, deliver_events at the start of the next one, none after the last slice of a run). So after
Simulate(T) a spike_recorder holds every spike with a time stamp <= T, also those of the last
slice; a run that ends within a slice has recorded that slice's spikes so far; and a recorder
connected between two runs sees none of the first run's spikes.

NEST's own test_sonata.py (300_pointneurons, dt 0.01 ms, min_delay 1 ms) expects 18,828 spikes,
9 of them in the last millisecond, which nestj lost before this was fixed (18,819).
"""
import numpy as np
import pytest


def _relay(nest, model, times, delay=1.0):
    """A spike generator (or spike_train_injector) -> parrot_neuron -> parrot_neuron chain with
    connections of the given delay (min_delay = delay); returns (source, parrot, parrot2)."""
    nest.resolution = 0.1
    src = nest.Create(model, params={"spike_times": times})
    p = nest.Create("parrot_neuron")
    p2 = nest.Create("parrot_neuron")
    nest.Connect(src, p, syn_spec={"delay": delay})
    nest.Connect(p, p2, syn_spec={"delay": delay})
    return src, p, p2


def _times(sr):
    return sorted(float(t) for t in sr.events["times"])


def test_recorder_holds_the_spikes_of_the_last_slice(nest):
    # the parrot relays 10.0, 98.5, 98.9 one delay (1 ms) later: 11.0, 99.5, 99.9; min_delay is 1 ms,
    # so 99.5 and 99.9 are spikes of the last slice [99, 100) of Simulate(100)
    _, p, _ = _relay(nest, "spike_generator", [10.0, 98.5, 98.9])
    sr = nest.Create("spike_recorder")
    nest.Connect(p, sr)
    nest.Simulate(100.0)
    assert nest.min_delay == 1.0
    assert _times(sr) == pytest.approx([11.0, 99.5, 99.9])


def test_spike_train_injector_spikes_of_the_last_slice_recorded(nest):
    # spike_train_injector has proxies in NEST: its spikes reach a recorder as a neuron's do
    src, _, _ = _relay(nest, "spike_train_injector", [10.0, 99.5, 99.9])
    sr = nest.Create("spike_recorder")
    nest.Connect(src, sr)
    nest.Simulate(100.0)
    assert _times(sr) == pytest.approx([10.0, 99.5, 99.9])


def test_run_ending_within_a_slice_and_continued(nest):
    # Simulate(99.7) ends within the slice [99, 100): the recorder has the parrot's spike at 99.5 then;
    # the second parrot (a neuron target) still gets each spike once, one delay later
    _, p, p2 = _relay(nest, "spike_generator", [10.0, 98.5, 98.9, 100.2])
    sr = nest.Create("spike_recorder")
    sr2 = nest.Create("spike_recorder")
    nest.Connect(p, sr)
    nest.Connect(p2, sr2)
    nest.Simulate(99.7)
    assert _times(sr) == pytest.approx([11.0, 99.5])
    nest.Simulate(0.3)
    assert _times(sr) == pytest.approx([11.0, 99.5, 99.9])
    for _ in range(4):
        nest.Simulate(0.5)
    assert _times(sr) == pytest.approx([11.0, 99.5, 99.9, 101.2])
    assert _times(sr2) == pytest.approx([12.0, 100.5, 100.9])


def test_chunked_runs_record_as_one_run(nest):
    # a small recurrent network (min_delay 1 ms), simulated in one run and in runs of odd lengths:
    # after each run the recorder holds every spike up to its end, none twice; the same network state
    def build():
        nest.ResetKernel()
        n = nest.Create("iaf_psc_alpha", 4, params={"I_e": 700.0})
        n.I_e = [700.0, 800.0, 900.0, 1000.0]
        m = nest.Create("iaf_psc_alpha", 2)
        nest.Connect(n, m, syn_spec={"delay": 1.0, "weight": 300.0})
        nest.Connect(m, n, syn_spec={"delay": 1.3, "weight": -100.0})
        sr = nest.Create("spike_recorder")
        nest.Connect(n + m, sr)
        return sr

    sr = build()
    nest.Simulate(58.0)
    ev = sr.events
    one = sorted(zip(ev["times"], ev["senders"]))
    assert max(t for t, _ in one) > 57.0     # a spike in the last slice [57, 58)
    for chunks in ([17.3, 21.2, 19.5], [0.2] * 290):
        sr = build()
        t = 0.0
        for c in chunks:
            nest.Simulate(c)
            t += c
            ev = sr.events
            got = sorted(zip(ev["times"], ev["senders"]))
            assert len(set(got)) == len(got)
            assert got == [x for x in one if x[0] <= t + 1e-9]
        assert got == one


def test_recorder_connected_between_runs_sees_no_earlier_spikes(nest):
    # NEST delivered the last slice's spikes to the devices connected then; a recorder connected
    # afterwards records only spikes sent after its connection
    _, p, _ = _relay(nest, "spike_generator", [10.0, 98.5, 98.9, 101.0])
    nest.Simulate(100.0)
    sr = nest.Create("spike_recorder")
    nest.Connect(p, sr)
    nest.Simulate(5.0)
    assert _times(sr) == pytest.approx([102.0])


@pytest.mark.parametrize("threads", [1, 2])
def test_multiplicity_to_devices_in_the_last_slice(nest, threads):
    # a spike of multiplicity 3 reaches a recorder once with multiplicity 3: three events
    nest.local_num_threads = threads
    nest.resolution = 0.1
    sg = nest.Create("spike_generator", params={"spike_times": [99.5], "spike_multiplicities": [3]})
    p = nest.Create("parrot_neuron")
    nest.Connect(sg, p, syn_spec={"delay": 1.0})
    nest.Connect(p, nest.Create("parrot_neuron"), syn_spec={"delay": 1.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(p, sr)
    nest.Simulate(101.0)
    assert _times(sr) == pytest.approx([100.5] * 3)
    assert np.all(sr.events["senders"] == p.global_id)
