"""Multimeter connections as NEST 3.9's UniversalDataLogger::connect_logging_device makes them: the
connection's receptor is the logger's number at the target (1, 2, ...), a multimeter connects to a
node once, and only receptor 0 may be requested."""
import pytest


def test_receptor_is_logger_number(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    mm1 = nest.Create("multimeter", {"record_from": ["V_m"]})
    mm2 = nest.Create("voltmeter")
    nest.Connect(mm1, n)
    nest.Connect(mm2, n[1])
    assert list(nest.GetConnections(mm1).get("receptor")) == [1, 1]
    assert nest.GetConnections(mm2).get("receptor") == 2
    # also for devices with recordables
    g = nest.Create("step_current_generator")
    mm3, mm4 = nest.Create("multimeter", 2, {"record_from": ["I"]})
    nest.Connect(mm4, g)
    nest.Connect(mm3, g)
    assert nest.GetConnections(mm3, g).get("receptor") == 2


def test_multimeter_connects_once(nest):
    n = nest.Create("iaf_psc_alpha")
    mm = nest.Create("multimeter", {"record_from": ["V_m"]})
    nest.Connect(mm, n)
    with pytest.raises(nest.kernel.NESTErrors.IllegalConnection, match="only be connected once"):
        nest.Connect(mm, n)
    assert nest.GetConnections(mm).get("receptor") == 1


def test_multimeter_receptor_must_be_zero(nest):
    n = nest.Create("iaf_psc_alpha")
    mm = nest.Create("multimeter", {"record_from": ["V_m"]})
    with pytest.raises(nest.kernel.NESTErrors.UnknownReceptorType):
        nest.Connect(mm, n, syn_spec={"receptor_type": 1})


def test_noise_generator_recording_needs_one_thread(nest):
    g = nest.Create("noise_generator")
    mm = nest.Create("multimeter", {"record_from": ["I"]})
    nest.Connect(mm, g)   # one thread: allowed
    nest.ResetKernel()
    nest.local_num_threads = 2
    g = nest.Create("noise_generator")
    mm = nest.Create("multimeter", {"record_from": ["I"]})
    with pytest.raises(nest.kernel.NESTErrors.KernelException, match="single-threaded"):
        nest.Connect(mm, g)
