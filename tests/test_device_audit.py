"""Recording/stimulation device properties, recording backends and kernel settings as NEST 3.9's
C++ handles them (nestkernel/recording_device.cpp, recording_backend_*.cpp, io_manager.cpp,
models/multimeter.cpp, the managers' set_status)."""
import os

import pytest


# ---------------------------------------------------------------- kernel settings


def test_data_prefix_with_path_element_is_logged_and_not_taken(nest, capfd):
    # IOManager::set_data_path_prefix_: LOG(M_ERROR, "SetStatus", ...), no exception, old prefix kept
    nest.set_verbosity("M_ERROR")
    nest.data_prefix = "ok_"
    nest.SetKernelStatus({"data_prefix": "a/b"})
    assert nest.data_prefix == "ok_"
    assert "SetStatus [Error]: \n    Data prefix must not contain path elements.\n" in capfd.readouterr().out
    nest.SetKernelStatus({"overwrite_files": True})  # the kernel is still usable
    assert nest.overwrite_files is True


def test_unknown_rng_type(nest):
    # RandomManager::set_status
    with pytest.raises(nest.NESTErrors.BadProperty,
                       match="'foo' is not a known RNG type. See /rng_types for available types"):
        nest.SetKernelStatus({"rng_type": "foo"})
    nest.SetKernelStatus({"rng_type": "Philox_32"})


def test_delay_extrema_messages(nest):
    # DelayChecker::set_min_max_delay_: the value reported is the new min_delay
    with pytest.raises(nest.NESTErrors.BadDelay,
                       match=r"^BadDelay in SLI function SetKernelStatus: Delay value 3 is invalid: "
                             r"min_delay must be smaller than or equal to max_delay\.$"):
        nest.SetKernelStatus({"min_delay": 3.0, "max_delay": 2.0})
    with pytest.raises(nest.NESTErrors.BadDelay,
                       match=r"Delay value 0 is invalid: min_delay must be greater than or equal to resolution\.$"):
        nest.SetKernelStatus({"min_delay": 0.05, "max_delay": 1.0})
    n = nest.Create("iaf_psc_alpha")
    nest.Connect(n, n)
    with pytest.raises(nest.NESTErrors.BadProperty,
                       match=r"Connections already exist. Please call ResetKernel first$"):
        nest.SetKernelStatus({"min_delay": 1.0, "max_delay": 2.0})


# ---------------------------------------------------------------- recording devices and backends


def test_unknown_recording_backend(nest):
    sr = nest.Create("spike_recorder")
    with pytest.raises(nest.NESTErrors.BadProperty,
                       match=r"^BadProperty in SLI function SetStatus_id: Setting status of a 'spike_recorder' "
                             r"with node ID 1: Unknown recording backend 'foo'$"):
        sr.set(record_to="foo")


def test_events_is_no_settable_key(nest):
    sr = nest.Create("spike_recorder")
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry, match="Unused dictionary items:  events"):
        sr.set(events={})


def test_time_in_steps_refused_after_simulate_even_unchanged(nest, tmp_path):
    # RecordingBackendMemory/ASCII::DeviceData::set_status: any time_in_steps after Simulate
    nest.data_path = str(tmp_path)   # the ascii file goes there, not into the working directory
    sr = nest.Create("spike_recorder")
    asc = nest.Create("spike_recorder", params={"record_to": "ascii"})
    scr = nest.Create("spike_recorder", params={"record_to": "screen"})
    nest.overwrite_files = True
    nest.Simulate(1.0)
    msg = "Property time_in_steps cannot be set after Simulate has been called."
    for dev in (sr, asc):
        with pytest.raises(nest.NESTErrors.BadProperty, match=msg):
            dev.set(time_in_steps=False)
    scr.set(time_in_steps=True)  # the screen backend does not check
    assert scr.get("time_in_steps") is True


def test_backend_entries_of_status(nest):
    sr = nest.Create("spike_recorder", params={"record_to": "ascii"})
    d = sr.get()
    assert "events" not in d
    assert (d["file_extension"], d["precision"], d["time_in_steps"]) == ("dat", 3, False)
    sr.set(record_to="screen")
    d = sr.get()
    assert "events" not in d and "file_extension" not in d and "filenames" not in d
    assert (d["precision"], d["time_in_steps"]) == (3, False)
    sr.set(record_to="memory")
    d = sr.get()
    assert "precision" not in d and list(d["events"]) == ["senders", "times"]


def test_switching_backend_starts_from_its_defaults(nest, tmp_path):
    # IOManager::enroll_recorder: enrolled afresh in the new backend, dropped by the others
    nest.data_path = str(tmp_path)
    n = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
    sr = nest.Create("spike_recorder", params={"time_in_steps": True, "label": "lab"})
    nest.Connect(n, sr)
    sr.set(record_to="ascii")
    # time_in_steps and the ascii file's label are the ascii backend's own: not carried over
    assert sr.get("time_in_steps") is False
    assert sr.get("label") == "lab"
    assert list(sr.get("filenames")) == [os.path.join(str(tmp_path), "spike_recorder-2-0.dat")]
    sr.set(precision=6, file_extension="txt", label="lab2")
    assert list(sr.get("filenames")) == [os.path.join(str(tmp_path), "lab2-2-0.txt")]
    sr.set(record_to="memory")
    sr.set(record_to="ascii")
    assert (sr.get("precision"), sr.get("file_extension")) == (3, "dat")
    assert list(sr.get("filenames")) == [os.path.join(str(tmp_path), "spike_recorder-2-0.dat")]
    # the memory backend's events are gone when the device leaves it; n_events is the device's
    sr.set(record_to="memory")
    nest.Simulate(20.0)
    k = sr.get("n_events")
    assert k > 0 and len(sr.get("events", "times")) == k
    sr.set(record_to="screen")
    sr.set(record_to="memory")
    assert sr.get("n_events") == k and len(sr.get("events", "times")) == 0


def test_model_defaults_cache_only_the_last_call(nest, tmp_path):
    # RecordingDevice::set_status of the prototype: backend_params_ is cleared and refilled each call;
    # get_status shows the backend's defaults overwritten by it; new devices are enrolled with it
    nest.data_path = str(tmp_path)
    nest.SetDefaults("spike_recorder", {"record_to": "ascii", "precision": 5})
    d = nest.GetDefaults("spike_recorder")
    assert "events" not in d
    assert (d["precision"], d["file_extension"], d["time_in_steps"]) == (5, "dat", False)
    assert list(d["filenames"]) == [os.path.join(str(tmp_path), ".dat")]
    nest.SetDefaults("spike_recorder", {"file_extension": "txt"})
    d = nest.GetDefaults("spike_recorder")
    assert (d["precision"], d["file_extension"]) == (3, "txt")
    nest.SetDefaults("spike_recorder", {"label": "lab"})
    sr = nest.Create("spike_recorder")
    # the label is the device's (Parameters_), not cached for the backend: the file has the model's name
    assert sr.get("label") == "lab"
    assert (sr.get("precision"), sr.get("file_extension")) == (3, "dat")
    assert list(sr.get("filenames")) == [os.path.join(str(tmp_path), "spike_recorder-1-0.dat")]
    # Create with a dictionary is Create + SetStatus for recorders: the label reaches the backend
    sr2 = nest.Create("spike_recorder", params={"label": "lab3"})
    assert list(sr2.get("filenames")) == [os.path.join(str(tmp_path), "lab3-2-0.dat")]
    nest.ResetKernel()
    nest.SetDefaults("spike_recorder", {"time_in_steps": True})
    assert nest.GetDefaults("spike_recorder", "time_in_steps") is True
    assert nest.Create("spike_recorder").get("time_in_steps") is True


# ---------------------------------------------------------------- multimeter


def test_multimeter_interval_and_offset_round_up_to_steps(nest):
    # multimeter::Parameters_::set: below one step refused, else Time::step(Time(ms).get_steps())
    mm = nest.Create("multimeter", params={"record_from": ["V_m"]})
    mm.set(interval=0.15, offset=0.25)
    assert mm.get("interval") == pytest.approx(0.2) and mm.get("offset") == pytest.approx(0.3)
    mm.set(interval=0.09999999)  # 100 tics: one step
    assert mm.get("interval") == pytest.approx(0.1)
    for v in (0.05, 0.0, -1.0):
        with pytest.raises(nest.NESTErrors.BadProperty,
                           match="The sampling interval must be at least as long as the simulation resolution."):
            mm.set(interval=v)
    for v in (0.05, -1.0):
        with pytest.raises(nest.NESTErrors.BadProperty, match="The offset for the sampling interval must be at "
                                                              "least as long as the simulation resolution."):
            mm.set(offset=v)
    mm.set(offset=0.0)
    n = nest.Create("iaf_psc_alpha")
    mm.set(interval=0.15, offset=0.05 * 3)
    nest.Connect(mm, n)
    nest.Simulate(1.3)
    assert list(mm.get("events", "times")) == pytest.approx([0.2, 0.4, 0.6, 0.8, 1.0])


def test_multimeter_record_from_must_be_a_list(nest):
    mm = nest.Create("multimeter")
    with pytest.raises(nest.NESTErrors.TypeMismatch,
                       match="^TypeMismatch in SLI function SetStatus_id: Expected datatype: arraytype\n"
                             "Provided datatype: stringtype$"):
        mm.set(record_from="V_m")
    mm.set(record_from=("V_m",))
    assert mm.get("record_from") == ("V_m",)


# ---------------------------------------------------------------- ascii backend files


def test_existing_file_without_overwrite_is_a_logged_ioerror(nest, tmp_path, capfd):
    # RecordingBackendASCII::DeviceData::open_file at Prepare: LOG(M_ERROR), then SLI's IOError() whose
    # message is empty (runprotected still puts ": " before it)
    nest.set_verbosity("M_ERROR")
    fn = tmp_path / "spike_recorder-1-0.dat"
    fn.write_text("x")
    nest.data_path = str(tmp_path)
    nest.Create("spike_recorder", params={"record_to": "ascii"})
    with pytest.raises(nest.NESTErrors.IOError) as e:
        nest.Simulate(1.0)
    assert str(e.value) == "IOError in SLI function Simulate_d: "
    out = " ".join(line.strip() for line in capfd.readouterr().out.splitlines())   # the message's lines joined
    assert ("RecordingBackendASCII::enroll() [Error]: The file '%s' already exists and overwriting files is "
            "disabled. To overwrite files, set the kernel property overwrite_files to true." % fn) in out
    assert fn.read_text() == "x"  # nothing written
    nest.Cleanup()
    nest.overwrite_files = True
    nest.Simulate(1.0)
    assert fn.read_text().splitlines()[2] == "sender\ttime_ms"


def test_ascii_negative_values_rounding_to_zero_keep_their_sign(nest, tmp_path):
    # std::fixed << setprecision(p), i.e. printf("%.pf"): -0.0001 -> "-0.000"
    nest.data_path = str(tmp_path)
    n = nest.Create("iaf_psc_alpha", params={"V_m": -0.0001, "E_L": -0.0001, "V_th": 100.0, "V_reset": -70.0})
    mm = nest.Create("multimeter", params={"record_to": "ascii", "record_from": ["V_m"], "interval": 0.1})
    nest.Connect(mm, n)
    nest.Simulate(3.0)
    lines = open(mm.get("filenames")[0]).read().splitlines()
    assert lines[3] == "1\t0.100\t-0.000"


# ---------------------------------------------------------------- stimulation devices


@pytest.mark.parametrize("source", ["", "0", "mpi"])
def test_stimulus_source_names_no_backend(nest, source):
    # StimulationDevice::Parameters_::set; NEST 3.9 without MPI has no stimulation backends
    assert nest.stimulation_backends == ()
    g = nest.Create("dc_generator")
    assert g.get("stimulus_source") == "0"
    with pytest.raises(nest.NESTErrors.BadProperty, match="Unknown input backend '%s'$" % source):
        g.set(stimulus_source=source)


def test_multimeter_record_from_empty_list(nest):
    mm = nest.Create("multimeter", params={"record_from": []})
    assert mm.get("record_from") == ()
