"""Example ports with GSL-integrated (and related) neuron models: brette_et_al_2007_coba, izhikevich."""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = os.path.join(ROOT, "examples", "nest_like")


def run_script(name, *args):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), MPLBACKEND="Agg")
    return subprocess.run([sys.executable, "-m", "nestj", os.path.join(EX, name + ".py")] + [str(a) for a in args],
                          capture_output=True, text=True, env=env, check=True, timeout=300).stdout


def coba_summary(out):
    def value(label):
        return float(re.search(r"^%s\s*:\s*([-+0-9.eE]+)" % label, out, re.M).group(1))
    return {k: value(lbl) for k, lbl in (("N", "Number of Neurons"), ("Nsyn", "Number of Synapses"),
                                           ("nE", "Excitatory spikes"), ("nI", "Inhibitory spikes"),
                                           ("rE", "Excitatory rate"), ("rI", "Inhibitory rate"))}


def test_brette_et_al_2007_coba():
    # full benchmark (1000 ms) and the first 200 ms of the same network: same seed, same connectivity, so the
    # short run is a prefix of the long one and the difference counts the spikes in (200, 1000] ms
    full = coba_summary(run_script("brette_et_al_2007_coba"))
    head = coba_summary(run_script("brette_et_al_2007_coba", 200))
    assert full["N"] == 4000
    assert full["Nsyn"] == (64 + 16) * 4000 + 2 * 500 + 50  # as benchmark.sli counts them
    assert full["nE"] > 0 and full["nI"] > 0
    # rates per recorded neuron as ComputeRate: n_events / (Nrec * simtime)
    assert abs(full["rE"] - full["nE"] / 500.0) < 1e-3 and abs(full["rI"] - full["nI"] / 500.0) < 1e-3
    # Brette et al. (2007) benchmark 1: self-sustained irregular activity at a low rate (nestj: about 14 spikes/s
    # in both populations). Bounds: a network whose activity dies with the
    # stimulus (50 neurons, 300 Hz Poisson for 50 ms, t_ref = 5 ms) cannot exceed 50 * 10 spikes / 500 neurons /
    # 1 s = 1 spike/s; a runaway network fires near 1 / t_ref = 200 spikes/s.
    for r in (full["rE"], full["rI"]):
        assert 5.0 < r < 40.0
    # E and I neurons are identical and receive the same input statistics: similar rates
    assert 0.75 < full["rE"] / full["rI"] < 1.33
    # the activity is sustained long after the stimulus ended at 51 ms: rate in (200, 1000] ms
    for n_full, n_head in ((full["nE"], head["nE"]), (full["nI"], head["nI"])):
        assert n_head < n_full
        assert 5.0 < (n_full - n_head) / (500 * 0.8) < 40.0


def test_izhikevich_firing_types():
    out = run_script("izhikevich")
    res = {}
    for m in re.finditer(r"\((\w+)\)\s+spikes:\s+(\d+)\s+first ISI:\s+([0-9.]+) ms\s+last ISI:\s+([0-9.]+) ms", out):
        res[m.group(1)] = (int(m.group(2)), float(m.group(3)), float(m.group(4)))
    assert set(res) == {"RS", "IB", "CH", "FS", "LTS"}
    for n, first, last in res.values():
        assert n >= 5  # every firing type fires repetitively during the 450 ms current step
    # fast spiking fires far more than regular spiking (weak, fast adaptation vs. strong, slow adaptation)
    assert res["FS"][0] > 3 * res["RS"][0]
    # regular spiking adapts: the interspike intervals lengthen
    assert res["RS"][2] > 1.5 * res["RS"][1]
    # intrinsically bursting: an initial burst (short first interval) followed by tonic spikes
    assert res["IB"][1] < 5.0 and res["IB"][2] > 4 * res["IB"][1]
    # chattering: bursts of closely spaced spikes, more spikes than regular spiking
    assert res["CH"][1] < 3.0 and res["CH"][0] > 2 * res["RS"][0]
    # low-threshold spiking fires at high frequency, between RS and FS
    assert res["RS"][0] < res["LTS"][0] < res["FS"][0]
