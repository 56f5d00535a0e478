"""Start-up: import eventwire and code a first and a second document in a fresh process.

    PYTHONPATH=src python bench/startup.py [--runs 3] [--tables warm|cold|off] [--bytecode cached|none]

Each run is a new interpreter, so the figures include importing spaCy and eventwire, loading
the model and the gazetteer, and the first reads of the village index (the text names a
village and a town spelled otherwise than the gazetteer). Prints one line per run and the
range, with the CPU time the process spent to its first record (steadier than wall time on a
shared machine); timings on a shared machine vary, compare runs made side by side.

``--tables``: ``warm`` (default) measures starts that find the table cache built (one
unmeasured start builds it first, in a directory of this run's own); ``cold`` gives every
start an empty cache (a machine's first start, which builds it); ``off`` builds every table
in the process (``EVENTWIRE_CACHE=off``, as before the cache).

``--bytecode``: ``cached`` (default) lets Python keep the modules' compiled bytecode (in a
directory of this run's own, ``PYTHONPYCACHEPREFIX``; the unmeasured first start writes it), as
an installed package has it; ``none`` compiles every eventwire module from source at each start,
as under ``PYTHONDONTWRITEBYTECODE=1`` (set on some machines; earlier figures in
bench/RESULTS.md were taken that way).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

PROBE = r"""
import resource, time
t0, c0 = time.perf_counter(), time.process_time()
import eventwire
from eventwire.pipeline import extract
t1 = time.perf_counter()
text = ("KABUL (AP) - Gunmen attacked a police checkpoint in the village of Mainok on Monday, "
        "killing three officers, officials in Kandahar said. The attack came a day after "
        "fighting in Qamishli in northeastern Syria. Troops later shelled the town of Khan Shaykhun.")
extract(text, date="2024-03-15")
t2, c2 = time.perf_counter(), time.process_time()
extract("Police arrested twelve protesters in Lagos on Friday.", date="2024-03-15")
t3 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {rss:.0f} {c2 - c0:.3f}")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tables", choices=("warm", "cold", "off"), default="warm")
    ap.add_argument("--bytecode", choices=("cached", "none"), default="cached")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-startup-") as scratch:
        run_probes(args, scratch)


def run_probes(args, scratch: str) -> None:
    env = dict(os.environ, EVENTWIRE_CACHE="off" if args.tables == "off" else os.path.join(scratch, "0"))
    if args.bytecode == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.path.join(scratch, "bytecode")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    if args.tables == "warm" or args.bytecode == "cached":
        subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, check=True)
    totals, cpus = [], []
    for run in range(args.runs):
        if args.tables == "cold":
            env["EVENTWIRE_CACHE"] = os.path.join(scratch, str(run + 1))
        out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                             check=True)
        imp, first, second, rss, cpu = out.stdout.split()
        totals.append(float(imp) + float(first))
        cpus.append(float(cpu))
        print(f"import {float(imp):.2f} s, first document {float(first):.2f} s, import+first "
              f"{totals[-1]:.2f} s (CPU {cpus[-1]:.2f} s), second document {1000 * float(second):.0f} ms, "
              f"peak RSS {rss} MB")
    print(f"import+first ({args.tables} tables, {args.bytecode} bytecode): {min(totals):.2f}-{max(totals):.2f} s over "
          f"{len(totals)} runs (CPU {min(cpus):.2f}-{max(cpus):.2f} s)")


if __name__ == "__main__":
    main()
