"""examples/nest_like/mat_psc_exp.py: the adaptive-threshold neuron fires more for larger steps, sublinearly."""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_mat_psc_exp_example():
    out = subprocess.run([sys.executable, "-m", "nestj", os.path.join(ROOT, "examples", "nest_like", "mat_psc_exp.py")],
                         capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), MPLBACKEND="Agg")).stdout
    rates = [float(x) for x in re.findall(r"spikes,\s+([\d.]+) spikes/s", out)]
    assert len(rates) == 3
    assert 0 < rates[0] < rates[1] < rates[2]
    # adaptation: the rate grows less than proportionally to the current (500, 700, 900 pA)
    assert rates[2] / rates[0] < 900.0 / 500.0 * 1.5
