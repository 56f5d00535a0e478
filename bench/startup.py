"""Start-up: import eventwire and code a first and a second document in a fresh process.

    PYTHONPATH=src python bench/startup.py [--runs 3]

Each run is a new interpreter, so the figures include importing spaCy and eventwire, loading
the model and the gazetteer, and the first reads of the village index (the text names a
village and a town spelled otherwise than the gazetteer). Prints one line per run and the
range, with the CPU time the process spent to its first record (steadier than wall time on a
shared machine); timings on a shared machine vary, compare runs made side by side.
"""
from __future__ import annotations

import argparse
import subprocess
import sys

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
    args = ap.parse_args()
    totals, cpus = [], []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
        imp, first, second, rss, cpu = out.stdout.split()
        totals.append(float(imp) + float(first))
        cpus.append(float(cpu))
        print(f"import {float(imp):.2f} s, first document {float(first):.2f} s, import+first "
              f"{totals[-1]:.2f} s (CPU {cpus[-1]:.2f} s), second document {1000 * float(second):.0f} ms, "
              f"peak RSS {rss} MB")
    print(f"import+first: {min(totals):.2f}-{max(totals):.2f} s over {len(totals)} runs "
          f"(CPU {min(cpus):.2f}-{max(cpus):.2f} s)")


if __name__ == "__main__":
    main()
