"""Correlation detectors, weight_recorder and spin_detector as NEST 3.9's C++ handles them
(models/correlation_detector.cpp, correlomatrix_detector.cpp, correlospinmatrix_detector.cpp,
weight_recorder.cpp, spin_detector.cpp, nestkernel/node_collection.cpp,
recording_backend_{memory,ascii,screen}.cpp)."""
import os

import numpy as np
import pytest


# ---------------------------------------------------------------- weight_recorder senders/targets


def test_weight_recorder_filters_unset_are_empty_arrays(nest):
    # Parameters_::get: an unset filter is an empty ArrayDatum, which PyNEST gives as ()
    wr = nest.Create("weight_recorder")
    assert wr.get("senders") == () and wr.get("targets") == ()
    # the prototype's get_status returns before the filters
    assert "senders" not in nest.GetDefaults("weight_recorder")


def test_weight_recorder_filters_become_node_collections(nest):
    n = nest.Create("iaf_psc_alpha", 4)
    for v in (n[1:3], [2, 3], np.array([2, 3])):
        wr = nest.Create("weight_recorder", params={"senders": v})
        s = wr.get("senders")
        assert isinstance(s, nest.NodeCollection) and s.tolist() == [2, 3]
    # an empty list is an empty NodeCollection (a set filter), not ()
    wr = nest.Create("weight_recorder", params={"targets": []})
    t = wr.get("targets")
    assert isinstance(t, nest.NodeCollection) and len(t) == 0


def _prefix(wr):
    return "Setting status of a 'weight_recorder' with node ID %d: " % wr.global_id


def test_weight_recorder_filter_errors(nest):
    # NodeCollection::create(TokenArray/IntVectorDatum) and create_
    nest.Create("iaf_psc_alpha", 4)
    wr = nest.Create("weight_recorder")
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        wr.set(senders=[3, 1])
    assert str(e.value).endswith(_prefix(wr) + "Node IDs must be sorted in ascending order")
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        wr.set(targets=[1, 1])
    assert str(e.value).endswith(_prefix(wr) + "All node IDs in a NodeCollection have to be unique")
    # std::is_sorted over size_t: -1 is a huge id
    with pytest.raises(nest.NESTErrors.BadProperty, match="sorted in ascending order"):
        wr.set(senders=[-1, 1])
    with pytest.raises(nest.NESTErrors.UnknownNode) as e:
        wr.set(senders=[1, 99])
    assert str(e.value) == "UnknownNode in SLI function SetStatus_id: Node with id 99 doesn't exist."
    with pytest.raises(nest.NESTErrors.UnknownNode, match="Node with id 0 doesn't exist.$"):
        wr.set(targets=[0])
    with pytest.raises(nest.NESTErrors.TypeMismatch) as e:
        wr.set(senders=[1.0, 2.0])
    assert str(e.value).endswith("Expected datatype: integertype\nProvided datatype: doubletype")
    # a value of another type is not read: the dictionary check reports it
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry, match="senders"):
        wr.set(senders=2)
    # nothing was taken
    assert wr.get("senders") == () and wr.get("targets") == ()


def _weight_events(nest, **params):
    sg = nest.Create("spike_generator", params={"spike_times": [1.0]})
    pn = nest.Create("parrot_neuron", 2)
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(sg, pn)
    wr = nest.Create("weight_recorder", params=params)
    nest.CopyModel("static_synapse", "wr_syn", {"weight_recorder": wr})
    nest.Connect(pn, n, syn_spec={"synapse_model": "wr_syn", "weight": 2.5})
    nest.Simulate(4.0)
    return wr


def test_weight_recorder_filter_selects(nest):
    ev = _weight_events(nest, senders=[3], targets=[4, 5]).get("events")
    assert ev["senders"].tolist() == [3, 3] and ev["targets"].tolist() == [4, 5]


def test_weight_recorder_empty_filter_records_nothing(nest):
    # an empty NodeCollection contains no node id
    ev = _weight_events(nest, senders=[]).get("events")
    assert len(ev["times"]) == 0


def test_weight_recorder_memory_events(nest):
    ev = _weight_events(nest).get("events")
    assert sorted(ev) == ["ports", "receptors", "senders", "targets", "times", "weights"]
    assert ev["senders"].tolist() == [2, 2, 3, 3] and ev["targets"].tolist() == [4, 5, 4, 5]
    assert ev["ports"].tolist() == [0, 1, 2, 3] and ev["receptors"].tolist() == [0, 0, 0, 0]
    assert ev["weights"].tolist() == [2.5] * 4 and ev["times"].tolist() == [2.0] * 4
    for k in ("ports", "receptors", "senders", "targets"):
        assert ev[k].dtype == np.int64
    assert ev["weights"].dtype == np.float64


def test_weight_recorder_ascii(nest, tmp_path):
    # RecordingBackendASCII: header sender, time_ms, double value names, long value names;
    # values fixed with the precision
    nest.data_path = str(tmp_path)
    wr = _weight_events(nest, record_to="ascii", label="wr")
    assert "events" not in wr.get()  # the ascii backend has no events entry
    (f,) = os.listdir(tmp_path)
    assert f == "wr-6-0.dat"
    lines = (tmp_path / f).read_text().splitlines()
    assert lines[2] == "sender\ttime_ms\tweights\ttargets\treceptors\tports"
    assert lines[3:] == ["2\t2.000\t2.500\t4\t0\t0", "2\t2.000\t2.500\t5\t0\t1",
                         "3\t2.000\t2.500\t4\t0\t2", "3\t2.000\t2.500\t5\t0\t3"]


# ---------------------------------------------------------------- spin_detector


def _spin(nest, **params):
    sg = nest.Create("spike_generator", params={"spike_times": [1.0, 2.0, 3.0],
                                                "spike_multiplicities": [2, 1, 1]})
    sd = nest.Create("spin_detector", params=params)
    nest.Connect(sg, sd)
    return sd


def test_spin_detector_memory_state_is_integer(nest):
    # spin_detector writes the state as a long value: an IntVectorDatum in the memory backend
    sd = _spin(nest)
    assert sorted(sd.get("events")) == ["senders", "times"]  # value names come with the first run
    nest.Simulate(0.5)
    ev = sd.get("events")
    assert sorted(ev) == ["senders", "state", "times"] and ev["state"].dtype == np.int64
    nest.Simulate(4.5)
    ev = sd.get("events")
    assert ev["state"].dtype == np.int64 and ev["state"].tolist() == [1, 0, 0]
    assert ev["times"].tolist() == [1.0, 2.0, 3.0] and ev["senders"].tolist() == [1, 1, 1]


def test_spin_detector_ascii_and_screen(nest, tmp_path, capfd):
    nest.data_path = str(tmp_path)
    _spin(nest, record_to="ascii", label="sdt", time_in_steps=True, precision=5)
    _spin(nest, record_to="screen", precision=1)
    nest.Simulate(5.0)
    lines = (tmp_path / "sdt-2-0.dat").read_text().splitlines()
    assert lines[2:] == ["sender\ttime_step\ttime_offset\tstate",
                         "1\t10\t0.00000\t1", "1\t20\t0.00000\t0", "1\t30\t0.00000\t0"]
    assert capfd.readouterr().out.splitlines() == ["3\t1.0\t1", "3\t2.0\t0", "3\t3.0\t0"]


# ---------------------------------------------------------------- correlation detectors


def _bp(dev, msg):
    return "Setting status of a '%s' with node ID %d: %s" % (dev.model, dev.global_id, msg)


def test_correlation_detector_status_types(nest):
    cd = nest.Create("correlation_detector")
    st = cd.get()
    assert (st["delta_tau"], st["tau_max"], st["Tstart"]) == (0.5, 5.0, 0.0)
    assert st["Tstop"] == np.finfo(np.float64).max  # Time::pos_inf().get_ms()
    assert st["n_events"].dtype == np.int64 and st["n_events"].tolist() == [0, 0]
    for k in ("histogram", "histogram_correction"):
        assert st[k].dtype == np.float64 and len(st[k]) == 0  # sized at the first Simulate
    assert st["count_histogram"].dtype == np.int64


def test_correlation_detector_time_checks(nest):
    cd = nest.Create("correlation_detector")
    with pytest.raises(nest.NESTErrors.StepMultipleRequired) as e:
        cd.set(delta_tau=0.15)
    assert str(e.value).endswith(
        "The time property delta_tau = 0.15 ms (= 150 tics = 2 steps) of model correlation_detector must be "
        "a multiple of the resolution 0.1 ms (= 100 tics = 1 step).")
    with pytest.raises(nest.NESTErrors.TimeMultipleRequired) as e:
        cd.set(tau_max=1.05)
    assert str(e.value).endswith(
        "In model correlation_detector, the time property tau_max = 1.05 ms (= 1050 tics = 11 steps) must be "
        "multiple of time property delta_tau = 0.5 ms (= 500 tics = 5 steps).")
    assert (cd.delta_tau, cd.tau_max) == (0.5, 5.0)


def test_correlation_detector_n_events(nest):
    # State_::set: only [0 0] is taken; updateValue<std::vector<long>> type errors
    cd = nest.Create("correlation_detector")
    for v in ([0, 1], [0, 0, 0], []):
        with pytest.raises(nest.NESTErrors.BadProperty) as e:
            cd.set(n_events=v)
        assert str(e.value).endswith(_bp(cd, "/n_events can only be set to [0 0]."))
    with pytest.raises(nest.NESTErrors.TypeMismatch) as e:
        cd.set(n_events=0)
    assert str(e.value).endswith("Expected datatype: intvectortype or arraytype\nProvided datatype: integertype")
    with pytest.raises(nest.NESTErrors.TypeMismatch) as e:
        cd.set(n_events=[0.0, 0.0])
    assert str(e.value).endswith("Expected datatype: integertype\nProvided datatype: doubletype")
    cd.set(n_events=[0, 0])
    cd.set(n_events=np.array([0, 0]))


def _cd_run(nest):
    sg0 = nest.Create("spike_generator", params={"spike_times": [1.0, 2.0, 3.0, 5.5]})
    sg1 = nest.Create("spike_generator", params={"spike_times": [1.5, 2.0, 4.0]})
    cd = nest.Create("correlation_detector", params={"delta_tau": 0.5, "tau_max": 2.0})
    nest.Connect(sg0, cd, syn_spec={"receptor_type": 0, "weight": 2.0})
    nest.Connect(sg1, cd, syn_spec={"receptor_type": 1})
    nest.Simulate(10.0)
    return cd


def test_correlation_detector_histograms_and_reset(nest):
    cd = _cd_run(nest)
    assert cd.n_events.tolist() == [4, 3]
    assert cd.count_histogram.tolist() == [0, 2, 1, 1, 1, 1, 2, 0, 1]
    assert cd.histogram.tolist() == [0.0, 4.0, 2.0, 2.0, 2.0, 2.0, 4.0, 0.0, 2.0]
    cd.set(n_events=[0, 0])
    assert cd.n_events.tolist() == [0, 0] and cd.count_histogram.tolist() == [0] * 9
    # a changed time parameter resets the state with the parameters in force before the call
    cd.set(delta_tau=1.0)
    assert len(cd.histogram) == 9 and cd.delta_tau == 1.0
    cd.set(delta_tau=0.5, tau_max=1.0)
    assert len(cd.histogram) == 5 and len(cd.count_histogram) == 5


def test_correlomatrix_detector_checks(nest):
    cm = nest.Create("correlomatrix_detector")
    assert cm.N_channels == 1 and cm.n_events.tolist() == [0]
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        cm.set(delta_tau=0.2)
    assert str(e.value).endswith(_bp(cm, "/delta_tau must be odd multiple of resolution."))
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        cm.set(N_channels=0)
    assert str(e.value).endswith(_bp(cm, "/N_channels can only be larger than zero."))
    # State_::set reads nothing: n_events is an unused entry
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry, match="n_events"):
        cm.set(n_events=[0])


def test_correlospinmatrix_detector_checks(nest):
    cs = nest.Create("correlospinmatrix_detector")
    assert (cs.delta_tau, cs.tau_max, cs.N_channels) == (0.1, 1.0, 1)
    assert "n_events" not in cs.get() and "covariance" not in cs.get()
    for k in ("delta_tau", "tau_max", "Tstart", "Tstop"):
        with pytest.raises(nest.NESTErrors.BadProperty) as e:
            cs.set({k: -1.0})
        assert str(e.value).endswith(_bp(cs, "/%s must not be negative." % k))
    with pytest.raises(nest.NESTErrors.BadProperty, match="N_channels can only be larger than zero"):
        cs.set(N_channels=-2)
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry, match="n_events"):
        cs.set(n_events=[0])


def test_correlomatrix_covariance_containers_are_tuples(nest):
    # State_::get: an ArrayDatum of ArrayDatums of Double/IntVectorDatums; PyNEST gives SLI arrays as
    # tuples and the vectors as numpy arrays
    cm = nest.Create("correlomatrix_detector", params={"N_channels": 2, "delta_tau": 0.5, "tau_max": 1.0})
    cs = nest.Create("correlospinmatrix_detector", params={"N_channels": 2, "tau_max": 0.2})
    nest.Simulate(1.0)
    for v in (cm.get("covariance"), cm.get()["covariance"], nest.GetStatus(cm)[0]["count_covariance"],
              cs.count_covariance, cs.get(["count_covariance"])["count_covariance"]):
        assert isinstance(v, tuple) and len(v) == 2
        assert all(isinstance(r, tuple) and len(r) == 2 for r in v)
        assert all(isinstance(a, np.ndarray) for r in v for a in r)
    assert cm.covariance[0][1].dtype == np.float64 and cm.count_covariance[1][0].dtype == np.int64
    assert cm.count_covariance[0][0].tolist() == [0, 0, 0]
    assert cs.count_covariance[1][1].tolist() == [0, 0, 0, 0, 0]
