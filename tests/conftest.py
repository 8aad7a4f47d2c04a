import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = os.path.join(ROOT, "python")
if PY not in sys.path:
    sys.path.insert(0, PY)
os.environ.setdefault("MPLBACKEND", "Agg")
# NEST notes an OMP_NUM_THREADS in the environment at each ResetKernel (tests/test_log_messages.py
# tests that in a process of its own); the other tests' captured output should not depend on it
os.environ.pop("OMP_NUM_THREADS", None)


def reference_dir():
    env = os.environ.get("NESTJ_REFERENCE")
    if env:
        return env
    return os.path.join(os.path.dirname(ROOT), "shared", "nest-reference")


@pytest.fixture
def nest():
    import nestj
    nestj.ResetKernel()
    nestj.set_verbosity("M_ERROR")
    yield nestj
    nestj.ResetKernel()


@pytest.fixture
def refdir():
    d = reference_dir()
    if not os.path.isdir(d):
        pytest.fail("NEST reference recordings not found at %s (set NESTJ_REFERENCE)" % d)
    return d
