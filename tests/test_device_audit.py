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
    assert "SetStatus [Error]: \n    Data prefix must not contain path elements." in capfd.readouterr().err
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
