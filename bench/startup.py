"""Start-up: import eventwire and code a first and a second document in a fresh process.

    PYTHONPATH=src python bench/startup.py [--runs 3]

Each run is a new interpreter, so the figures include importing spaCy and eventwire, loading
the model and the gazetteer, and the first reads of the village index (the text names a
village and a town spelled otherwise than the gazetteer). Prints one line per run and the
range; timings on a shared machine vary, compare runs made side by side.
"""
from __future__ import annotations

import argparse
import subprocess
import sys

PROBE = r"""
import resource, time
t0 = time.perf_counter()
import eventwire
from eventwire.pipeline import extract
t1 = time.perf_counter()
text = ("KABUL (AP) - Gunmen attacked a police checkpoint in the village of Mainok on Monday, "
        "killing three officers, officials in Kandahar said. The attack came a day after "
        "fighting in Qamishli in northeastern Syria. Troops later shelled the town of Khan Shaykhun.")
extract(text, date="2024-03-15")
t2 = time.perf_counter()
extract("Police arrested twelve protesters in Lagos on Friday.", date="2024-03-15")
t3 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {rss:.0f}")
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    totals = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
        imp, first, second, rss = out.stdout.split()
        totals.append(float(imp) + float(first))
        print(f"import {float(imp):.2f} s, first document {float(first):.2f} s, import+first "
              f"{totals[-1]:.2f} s, second document {1000 * float(second):.0f} ms, peak RSS {rss} MB")
    print(f"import+first: {min(totals):.2f}-{max(totals):.2f} s over {len(totals)} runs")


if __name__ == "__main__":
    main()
