"""pip install . (no build isolation, into a venv with Debian's site packages) gives a working
nestj that needs no source tree: the jars ship inside the package."""
import os
import subprocess
import sys
import venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_pip_install_runs_without_source_tree(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    py = str(env_dir / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NESTJ_JARS")}
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-build-isolation", "--no-deps", "--no-index", ROOT],
                   check=True, env=env, cwd=str(tmp_path))
    script = tmp_path / "s.py"
    script.write_text("import nest, nestj, os\n"
                      "assert 'site-packages' in nestj.__file__, nestj.__file__\n"
                      "n = nest.Create('iaf_psc_alpha', params={'I_e': 376.0})\n"
                      "sr = nest.Create('spike_recorder')\n"
                      "nest.Connect(n, sr)\n"
                      "nest.Simulate(1000.0)\n"
                      "print('spikes', sr.n_events)\n")
    out = subprocess.run([py, "-m", "nestj", str(script)], check=True, env=env, cwd=str(tmp_path),
                         capture_output=True, text=True).stdout
    assert "spikes 16" in out
