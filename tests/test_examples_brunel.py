"""The Brunel network ports in examples/nest_like print what NEST 3.9's scripts print: the delta
variant (the fastest of the three, about 10 s) is run as a script in a scratch directory, since it
writes its ascii spike files to the working directory."""
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = os.path.join(ROOT, "examples", "nest_like")


def test_brunel_delta_nest(tmp_path):
    out = subprocess.run([sys.executable, "-m", "nestj", os.path.join(EX, "brunel_delta_nest.py")],
                         capture_output=True, text=True, check=True, cwd=str(tmp_path),
                         env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), MPLBACKEND="Agg")).stdout
    rate_ex = float(re.search(r"^Excitatory rate\s*:\s*([\d.]+) spks/s", out, re.M).group(1))
    rate_in = float(re.search(r"^Inhibitory rate\s*:\s*([\d.]+) spks/s", out, re.M).group(1))
    n_syn = int(re.search(r"^Number of synapses:\s*(\d+)", out, re.M).group(1))
    # NEST 3.9 (upstream brunel_delta_nest.py): 32.10 / 31.90 spks/s, 15637600 synapses
    # (12500 x 1000 excitatory + 12500 x 250 inhibitory recurrent, 12500 from the generator, 100 to the recorders)
    assert rate_ex == pytest.approx(32.10, rel=0.15)
    assert rate_in == pytest.approx(31.90, rel=0.15)
    assert n_syn == 15637600
    # the spike files went to the scratch directory
    assert any(f.startswith("brunel-py-ex-") and f.endswith(".dat") for f in os.listdir(tmp_path))
