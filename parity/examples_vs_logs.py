#!/usr/bin/env python3
"""Runs NEST 3.9's own pynest/examples through nestj and compares what they print with what NEST 3.9
printed for them (../shared/nest-reference/upstream-logs/<dir>__<script>.log).

  python3 parity/examples_vs_logs.py                      # every script that has a log
  python3 parity/examples_vs_logs.py --only one_neuron,twoneurons --show 20

The scripts are taken from a checkout of nest/nest-simulator (default: the fetched mirror's tag v3.9,
extracted to a temporary directory; they are not part of this repository) and run unmodified with
`python3 -m nestj` under matplotlib's Agg backend, each in its own directory. Both outputs are reduced
to their lines that hold a number, without NEST's banner, log-message headers and progress lines; lines
that name wall-clock times (build/simulation time, real-time factor) are left out. The report gives,
per script, "same" (every such line equal), "differs" (with the first differing lines: a number that
depends on random streams or on time may differ within the statistical spread; a deterministic script
should not differ), "error" (exit code, last lines of its output) or "timeout"; with --times also nestj's wall
time per script and the span of NEST's time-stamped log messages (seconds, a lower bound of NEST's own run
time). It is a tool for
reading, not a test: it judges nothing statistical.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOGS = os.path.join(ROOT, "..", "shared", "nest-reference", "upstream-logs")
MIRROR = "/work/.mirror/nest+nest-simulator/repo"

# log name -> script and arguments, where the log's name does not say it
SPECIAL = {"pong__run_simulations_200.log": ("pong/run_simulations.py", ["--runs", "200"])}
SKIP_BY_DEFAULT = {"pong__run_simulations_200.log"}   # about an hour under NEST

_NOISE = re.compile(r"(time|Time)\s*[:(]|real-time|Real-time|elapsed|Built:|Version:|took \d|seconds|\bsec\b")
_PROGRESS = re.compile(r"\[\s*\d+%\s*\] Model time: [^\[]*")
_NUMBER = re.compile(r"\d")


_LOG_HEADER = re.compile(r"^\w{3} +\d+ \d\d:\d\d:\d\d \S+ \[(Info|Warning|Error|Deprecated|Fatal)\]:")


def reduce(text):
    """The lines of a script's output that hold a number, as compared (log messages left out: a header
    line "<date> <where> [Info]:" and the lines of its message, indented by four spaces)."""
    out = []
    in_log = False
    for line in text.replace("\r", "\n").splitlines():
        if _LOG_HEADER.match(line):
            in_log = True
            continue
        if in_log and line.startswith("    "):
            continue
        in_log = False
        line = _PROGRESS.sub("", line).rstrip()
        if not line or not _NUMBER.search(line) or _NOISE.search(line):
            continue
        if "N E S T" in line or "Copyright" in line or "nest-simulator.org" in line:
            continue
        out.append(" ".join(line.split()))
    return out


def extract_examples(dest):
    """pynest/examples of v3.9 from the fetched mirror into dest (files whose content the mirror lacks,
    such as some images, are left out); returns the examples directory."""
    tree = subprocess.run(["git", "-C", MIRROR, "ls-tree", "-r", "v3.9", "pynest/examples"], check=True,
                          capture_output=True, text=True).stdout
    for row in tree.splitlines():
        meta, path = row.split("\t", 1)
        blob = meta.split()[2]
        data = subprocess.run(["git", "-C", MIRROR, "cat-file", "blob", blob], capture_output=True)
        if data.returncode != 0:
            continue
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data.stdout)
    return os.path.join(dest, "pynest", "examples")


_STAMP = re.compile(r"^\w{3} +\d+ (\d\d):(\d\d):(\d\d) \S+ \[(Info|Warning|Error|Deprecated|Fatal)\]:", re.M)


def messages(text):
    """The log messages of an output in order, as "<where> [<level>]: <text>" (the text's lines joined by
    single spaces; the time left out)."""
    found = []
    for line in text.replace("\r", "\n").splitlines():
        m = _LOG_HEADER.match(line)
        if m:
            found.append([line.split()[3], m.group(1), []])
        elif found and line.startswith("    ") and found[-1] is not None:
            found[-1][2].append(line.strip())
        elif line.strip():
            found.append(None)   # the message ended
    return ["%s [%s]: %s" % (w, lv, " ".join(t for t in body if t)) for w, lv, body in (f for f in found if f)]


def log_span(text):
    """Seconds between the first and the last time-stamped log message of a NEST log (a lower bound of
    NEST's run time: without the import and what follows the last message), or None."""
    t = [3600 * int(h) + 60 * int(m) + int(s) for h, m, s, _ in _STAMP.findall(text)]
    if len(t) < 2:
        return None
    return (t[-1] - t[0]) % 86400


def run_one(examples, log, timeout, compare_messages=False):
    """(status, details, script, nestj's wall time in s, NEST's log span in s or None); with
    compare_messages the log messages are compared instead of the printed numbers."""
    script, args = SPECIAL.get(log, (log[:-len(".log")].replace("__", "/"), []))
    path = os.path.join(examples, script)
    if not os.path.exists(path):
        return "missing", [], script, 0.0, None
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=os.path.join(ROOT, "python"))
    t0 = time.time()
    try:
        p = subprocess.run([sys.executable, "-m", "nestj", os.path.basename(path)] + args, cwd=os.path.dirname(path),
                           env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", [], script, time.time() - t0, None
    wall = time.time() - t0
    out = p.stdout + p.stderr
    with open(os.path.join(LOGS, log), errors="replace") as f:
        ref_text = f.read()
    span = log_span(ref_text)
    if p.returncode != 0:
        return "error", out.strip().splitlines()[-5:], script, wall, span
    ref, got = (messages(ref_text), messages(p.stdout)) if compare_messages else (reduce(ref_text), reduce(out))
    diffs = [(a, b) for a, b in zip(ref, got) if a != b]
    if len(ref) != len(got):
        diffs.append(("<%d lines>" % len(ref), "<%d lines>" % len(got)))
    return ("same" if not diffs else "differs"), diffs, script, wall, span


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="comma-separated log names or script stems")
    ap.add_argument("--examples", help="a pynest/examples directory (default: extracted from the mirror)")
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--show", type=int, default=6, help="differing line pairs shown per script")
    ap.add_argument("--all", action="store_true", help="include the scripts skipped by default (pong 200 runs)")
    ap.add_argument("--messages", action="store_true",
                    help="compare the log messages (where, level, text) instead of the printed numbers")
    ap.add_argument("--times", action="store_true",
                    help="also print nestj's wall time per script and the span of NEST's time-stamped log messages")
    a = ap.parse_args()
    logs = sorted(f for f in os.listdir(LOGS) if f.endswith(".log"))
    if a.only:
        want = a.only.split(",")
        logs = [f for f in logs if any(w in f for w in want)]
    elif not a.all:
        logs = [f for f in logs if f not in SKIP_BY_DEFAULT]
    with tempfile.TemporaryDirectory() as tmp:
        examples = a.examples or extract_examples(tmp)
        counts = {}
        for log in logs:
            status, detail, script, wall, span = run_one(examples, log, a.timeout, a.messages)
            counts[status] = counts.get(status, 0) + 1
            times = ""
            if a.times:
                times = "  [nestj %.1f s, NEST log span %s]" % (wall, "-" if span is None else "%d s" % span)
            print("%-8s %s%s" % (status, script, times), flush=True)
            if status == "differs":
                for ref, got in detail[:a.show]:
                    print("    NEST : %s\n    nestj: %s" % (ref, got))
            elif status == "error":
                for line in detail:
                    print("    " + line)
        print("summary: " + ", ".join("%d %s" % (n, s) for s, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
