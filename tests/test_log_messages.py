"""NEST's log messages (LOG in the kernel, printed by SLIInterpreter::message): which ones Simulate,
Run and SetKernelStatus give, their texts, and their form on stdout (time, sender, level, the text
indented by four spaces and wrapped at 78 columns without splitting words)."""
import re

import pytest

from nestj.ll_api import format_message

HEADER = re.compile(r"^\w{3} [ \d]\d \d\d:\d\d:\d\d (\S+) \[(\w+)\]: $")


def messages(out):
    """(sender, level, text) of each message in out, the text's lines joined by newlines."""
    found = []
    for line in out.split("\n"):
        m = HEADER.match(line)
        if m:
            found.append([m.group(1), m.group(2), []])
        elif found and line.startswith("    "):
            found[-1][2].append(line[4:])
    return [(s, lv, "\n".join(t)) for s, lv, t in found]


def test_wrapping_as_nest_prints_it(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    text = ("The requested simulation time is not an integer multiple of the minimal delay in the network. This "
            "may result in inconsistent results under the following conditions: (i) A network contains more than "
            "one source of randomness, e.g., two different poisson_generators, and (ii) Simulate is called "
            "repeatedly with simulation times that are not multiples of the minimal delay.")
    s = format_message("Warning", "SimulationManager::run", text, now=0)
    lines = s.split("\n")
    assert lines[0] == ""   # an empty line first
    assert HEADER.match(lines[1]).groups() == ("SimulationManager::run", "Warning")
    # the lines of NEST 3.9's own output (upstream-logs), trailing spaces included
    assert lines[2:5] == ["    The requested simulation time is not an integer multiple of the minimal ",
                          "    delay in the network. This may result in inconsistent results under the ",
                          "    following conditions: (i) A network contains more than one source of "]
    assert lines[-1] == "" and lines[-2] == "    minimal delay."
    # embedded line breaks start indented lines; the width follows COLUMNS
    assert format_message("Info", "x", "a\nb", now=0).split("\n")[2:] == ["    a", "    b", ""]
    monkeypatch.setenv("COLUMNS", "20")
    assert format_message("Info", "x", "aaaa bbbb cccc dddd eeee", now=0).split("\n")[2:] == [
        "    aaaa bbbb cccc ", "    dddd eeee", ""]


def test_simulate_reports_as_nest(nest, capfd):
    nest.set_verbosity("M_INFO")
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Create("spike_recorder")
    n[2].frozen = True
    nest.Connect(n, n, syn_spec={"delay": 1.0})
    capfd.readouterr()
    nest.Simulate(20.0)
    assert messages(capfd.readouterr().out) == [
        ("NodeManager::prepare_nodes", "Info", "Preparing 3 nodes for simulation."),   # the frozen one is not
        ("SimulationManager::start_updating_", "Info",
         "Number of local nodes: 3\nSimulation time (ms): 20\nNumber of OpenMP threads: 1\nNot using MPI"),
        ("SimulationManager::run", "Info", "Simulation finished.")]
    # a time that is no multiple of min_delay: NEST's warning before the run
    nest.Simulate(2.5)
    got = messages(capfd.readouterr().out)
    assert [(s, lv) for s, lv, _ in got] == [("NodeManager::prepare_nodes", "Info"), ("SimulationManager::run", "Warning"),
                                           ("SimulationManager::start_updating_", "Info"),
                                           ("SimulationManager::run", "Info")]
    assert got[1][2].replace("\n", " ").startswith("The requested simulation time is not an integer multiple of the")
    assert "Simulation time (ms): 2.5" in got[2][2]
    # RunManager: one preparation, a start and an end per Run
    with nest.RunManager():
        nest.Run(10.0)
        nest.Run(10.0)
    assert [s for s, _, _ in messages(capfd.readouterr().out)] == [
        "NodeManager::prepare_nodes", "SimulationManager::start_updating_", "SimulationManager::run",
        "SimulationManager::start_updating_", "SimulationManager::run"]
    # the verbosity silences them
    nest.set_verbosity("M_WARNING")
    nest.Simulate(10.0)
    assert capfd.readouterr().out == ""


def test_devices_count_once_per_thread(nest, capfd):
    # NEST keeps a copy of each device on every thread, and prepare_nodes counts them all
    nest.local_num_threads = 2
    nest.set_verbosity("M_INFO")
    nest.Create("iaf_psc_alpha", 5)
    nest.Create("poisson_generator")
    capfd.readouterr()
    nest.Simulate(1.0)
    got = dict((s, t) for s, _, t in messages(capfd.readouterr().out))
    assert got["NodeManager::prepare_nodes"] == "Preparing 7 nodes for simulation."
    assert "Number of local nodes: 7\n" in got["SimulationManager::start_updating_"]
    assert "Number of OpenMP threads: 2" in got["SimulationManager::start_updating_"]


def test_resolution_change_and_run_errors_are_logged(nest, capfd):
    nest.set_verbosity("M_INFO")
    capfd.readouterr()
    nest.resolution = 0.01
    assert messages(capfd.readouterr().out) == [
        ("SimulationManager::set_status", "Info", "Temporal resolution changed from 0.1 to 0.01 ms.")]
    nest.SetKernelStatus({"tics_per_ms": 10000.0, "resolution": 0.05})
    [(s, lv, text)] = [m for m in messages(capfd.readouterr().out) if m[0] == "SimulationManager::set_status"]
    assert (s, lv) == ("SimulationManager::set_status", "Info")
    assert text.replace(" \n", " ") == ("Tics per ms and resolution changed from 1000 tics and 0.01 ms to 10000 tics "
                                        "and 0.05 ms.")
    # SimulationManager::run logs its errors before it raises
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.Run(10.0)
    assert messages(capfd.readouterr().out) == [("SimulationManager::run", "Error", "Run called without calling Prepare.")]


def test_detector_defaults_and_off_grid_models_are_logged(nest, capfd):
    nest.set_verbosity("M_INFO")
    capfd.readouterr()
    # the correlation detectors' default delta_tau follows the resolution (calibrate_time), in NEST's
    # order of the models, before the resolution's own message
    nest.resolution = 1.0
    assert messages(capfd.readouterr().out) == [
        ("correlation_detector", "Info", "Default for delta_tau changed from 0.5 to 5 ms"),
        ("correlomatrix_detector", "Info", "Default for delta_tau changed from 0.5 to 5 ms"),
        ("correlospinmatrix_detector", "Info", "Default for delta_tau changed from 0.1 to 1 ms"),
        ("SimulationManager::set_status", "Info", "Temporal resolution changed from 0.1 to 1 ms.")]
    nest.ResetKernel()
    nest.resolution = 0.5   # 0.5 ms is a step now: only correlospinmatrix_detector's default changes
    assert [s for s, _, _ in messages(capfd.readouterr().out)] == ["correlospinmatrix_detector",
                                                                  "SimulationManager::set_status"]
    nest.Create("iaf_psc_alpha")
    assert capfd.readouterr().out == ""
    nest.Create("iaf_psc_delta_ps")   # NodeManager::add_node, for each Create of an off-grid model
    got = messages(capfd.readouterr().out)
    assert len(got) == 1, got
    [(s, lv, text)] = got
    assert (s, lv) == ("NodeManager::add_node", "Info")
    assert text.split("\n") == ["Neuron models emitting precisely timed spikes exist: the kernel property ",
                                "off_grid_spiking has been set to true.", "",
                                "NOTE: Mixing precise-spiking and normal neuron models may lead to inconsistent results."]


def test_kernel_settings_log_as_nest(nest, capfd):
    nest.set_verbosity("M_INFO")
    capfd.readouterr()
    nest.wfr_comm_interval = 2.0
    assert messages(capfd.readouterr().out) == [
        ("SimulationManager::set_status", "Info", "Waveform communication interval changed successfully. ")]
    # SimulationManager::set_status logs the reason of its KernelException first
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.wfr_tol = -1.0
    assert messages(capfd.readouterr().out) == [("SimulationManager::set_status", "Error", "Tolerance must be zero or positive")]


def test_print_time_progress_comes_between_the_messages(nest, capfd):
    # NEST logs start_updating_ before its first progress line and "Simulation finished." after the run
    nest.set_verbosity("M_INFO")
    nest.print_time = True
    nest.Create("iaf_psc_alpha")
    capfd.readouterr()
    print("before")
    nest.Simulate(5.0)
    out = capfd.readouterr().out
    at = [out.index(s) for s in ("before", "Preparing 1 node for simulation.", "Not using MPI", "[ 100% ] Model time: 5.0 ms",
                                 "Simulation finished.")]
    assert at == sorted(at)


def test_connect_after_get_connections_warns_once(nest, capfd):
    # ConnectionManager::set_connections_have_changed after a GetConnections (and only then)
    nest.set_verbosity("M_WARNING")
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n, n)
    capfd.readouterr()
    c = nest.GetConnections()
    nest.Connect(n, n)
    warning = ("ConnectionManager", "Warning",
               "New connections created, connection descriptors previously obtained using \n'GetConnections' are now invalid.")
    assert messages(capfd.readouterr().out) == [warning]
    nest.Connect(n, n)
    assert len(c.get("weight")) == 9   # nestj's own look-ups of the collection do not count as GetConnections
    nest.Connect(n, n)
    assert capfd.readouterr().out == ""
    nest.GetConnections(n[0])
    nest.Disconnect(n, n, conn_spec="one_to_one")
    assert messages(capfd.readouterr().out) == [warning]
    nest.Connect(n, n, return_synapsecollection=True)   # PyNEST's GetConnections inside
    nest.Connect(n, n)
    assert messages(capfd.readouterr().out) == [warning]
    nest.GetConnections()
    nest.ResetKernel()   # ConnectionManager::initialize forgets the GetConnections
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n, n)
    assert capfd.readouterr().out == ""


def test_builder_model_and_kernel_notes(nest, capfd):
    nest.set_verbosity("M_INFO")
    n = nest.Create("iaf_psc_alpha", 5)
    m = nest.Create("iaf_psc_alpha", 5)
    capfd.readouterr()
    nest.Connect(n, m, {"rule": "fixed_indegree", "indegree": 5, "allow_autapses": False, "allow_multapses": False})
    nest.Connect(n, m, {"rule": "fixed_outdegree", "outdegree": 5, "allow_multapses": False})   # allowed autapses
    nest.Connect(n, m, {"rule": "fixed_indegree", "indegree": 4, "allow_multapses": False})
    got = messages(capfd.readouterr().out)
    assert [(s, lv) for s, lv, _ in got] == [("FixedInDegreeBuilder::connect", "Warning"),
                                           ("FixedOutDegreeBuilder::connect", "Warning")]
    assert got[0][2].replace("\n", " ").startswith("Multapses and autapses prohibited. When the sources and the targets")
    assert got[1][2].replace(" \n", " ") == ("Multapses are prohibited and you request more than 90% connectivity. "
                                            "Expect long connecting times!")
    # where NEST's builder would loop for ever, nestj refuses after the same warning
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Connect(n, n, {"rule": "fixed_indegree", "indegree": 5, "allow_autapses": False, "allow_multapses": False})
    assert [s for s, _, _ in messages(capfd.readouterr().out)] == ["FixedInDegreeBuilder::connect"]
    nest.ResetKernel()
    nest.SetKernelStatus({"min_delay": 0.5, "max_delay": 3.0})
    nest.Create("izhikevich", params={"consistent_integration": False})
    assert messages(capfd.readouterr().out) == [
        ("DelayChecker::set_min_max_delay_", "Info", "Minimum and maximum delays were changed to 0.5 ms and 3 ms."),
        ("Parameters_::set", "Info", "Use 1.0 ms as resolution for consistency.")]


def test_noise_generator_default_dt_follows_the_resolution(nest, capfd):
    # noise_generator::calibrate_time: a dt that is no multiple of the new step becomes ten steps
    nest.set_verbosity("M_INFO")
    nest.resolution = 0.25
    assert nest.GetDefaults("noise_generator")["dt"] == 1.0
    assert "noise_generator" not in capfd.readouterr().out
    nest.ResetKernel()
    nest.resolution = 0.3
    assert nest.GetDefaults("noise_generator")["dt"] == 3.0
    assert ("noise_generator", "Info", "Default for dt changed from 1 to 3 ms") in messages(capfd.readouterr().out)


def test_omp_num_threads_is_noted_as_nest_notes_it():
    # VPManager::initialize (at the start and at each ResetKernel) and VPManager::set_status
    import os
    import subprocess
    import sys
    code = ("import nestj as nest\nprint('-- started')\nnest.local_num_threads = 2\nprint('-- threads')\n"
            "nest.ResetKernel()\n")
    env = dict(os.environ, OMP_NUM_THREADS="4", PYTHONPATH=os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), "python"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    started, threads, reset = out.split("-- started\n")[0], *out.split("-- started\n")[1].split("-- threads\n")
    note = ("OMP_NUM_THREADS is set in your environment, but NEST ignores it.\n"
            "For details, see the Guide to parallel computing in the NEST Documentation.")
    assert messages(started) == [("VPManager::initialize()", "Info", note)]
    assert messages(threads) == [("VPManager::set_status()", "Warning", note)]
    assert messages(reset) == [("VPManager::initialize()", "Info", note)]


def test_resetting_the_simulation_time_warns(nest, capfd):
    nest.set_verbosity("M_WARNING")
    nest.Create("iaf_psc_alpha")
    nest.biological_time = 0.0   # nothing simulated yet: no warning
    nest.Simulate(5.0)
    capfd.readouterr()
    nest.biological_time = 0.0
    [(s, lv, text)] = messages(capfd.readouterr().out)
    assert (s, lv) == ("SimulationManager::set_status", "Warning")
    assert text.replace(" \n", " ").startswith("Simulation time reset to t=0.0. Resetting the simulation time is not fully")
    assert nest.biological_time == 0.0


def test_noise_generator_notes_new_targets(nest, capfd):
    nest.set_verbosity("M_INFO")
    ng = nest.Create("noise_generator", params={"std": 1.0})
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(ng, n[0])
    nest.Simulate(5.0)
    assert "noise_generator::pre_run_hook()" not in capfd.readouterr().out
    nest.Connect(ng, n[1])
    nest.Simulate(5.0)
    assert ("noise_generator::pre_run_hook()", "Info", "The number of targets has changed, drawing new amplitudes.") in \
        messages(capfd.readouterr().out)


def test_precise_spike_train_injector_switches_to_off_grid_at_each_run(nest, capfd):
    nest.set_verbosity("M_INFO")
    inj = nest.Create("spike_train_injector", params={"spike_times": [1.23], "precise_times": True})
    assert nest.off_grid_spiking is False   # the model is not off-grid: NEST's add_node leaves it
    capfd.readouterr()
    nest.Simulate(5.0)
    assert nest.off_grid_spiking is True
    senders = [s for s, _, _ in messages(capfd.readouterr().out)]
    assert senders.count("spike_train_injector::pre_run_hook") == 1
    nest.Simulate(5.0)
    assert [s for s, _, _ in messages(capfd.readouterr().out)].count("spike_train_injector::pre_run_hook") == 1
    assert inj.get("precise_times") is True
