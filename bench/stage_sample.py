"""Where the stages' CPU goes, by sampling: the eventwire line running every millisecond of CPU.

    PYTHONPATH=<src> .venv/bin/python bench/stage_sample.py [--rounds 3] [--corpus FILE] [--top 30]

cProfile times every call it sees, so a cheap call made often looks dear: under it, making a
spaCy ``Token`` (``Doc.__getitem__``, about 70 ns of CPU) came out as the largest cost of the
stages. A sampling profiler does not slow the calls it counts; py-spy is not installed here, so
this one uses the interpreter's own CPU timer (``SIGPROF``, Unix only). The corpus (default: the
bundled sample, 114 Wikinews articles) is parsed once and annotated once to warm the tables;
then --rounds rounds of ``annotate`` + ``to_json`` are sampled. Printed: the share of samples
whose innermost eventwire frame is on each line, and each eventwire function's inclusive share.

Caveat: Python runs a signal handler between bytecodes only, and timer expirations that fall in
one long C call (a regular-expression scan of a whole text) are delivered as one: long C calls
are under-counted (on the sample, about a third of the milliseconds became samples). Compare
lines with each other, and time a suspect directly before and after a change.
"""
from __future__ import annotations

import argparse
import collections
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SAMPLE_CORPUS, warm_round  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=SAMPLE_CORPUS)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    docs, one_round = warm_round(args.corpus)
    lines: collections.Counter = collections.Counter()
    functions: collections.Counter = collections.Counter()

    def sample(_signum, frame) -> None:
        innermost, seen = None, set()
        while frame is not None:
            name = frame.f_code.co_filename
            if "/eventwire/" in name:
                module = name.rsplit("/eventwire/", 1)[-1]
                if innermost is None:
                    innermost = f"{module}:{frame.f_lineno}"
                seen.add(f"{module}:{frame.f_code.co_name}")   # a recursive function once
            frame = frame.f_back
        lines[innermost or "(outside eventwire)"] += 1
        functions.update(seen)

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    try:
        for _ in range(args.rounds):
            one_round()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(lines.values()) or 1
    print(f"{len(docs)} documents, {args.rounds} rounds, {total} samples (1 ms of CPU each)")
    print("innermost eventwire line:")
    for key, n in lines.most_common(args.top):
        print(f"  {100 * n / total:5.1f}%  {key}")
    print("eventwire function, inclusive:")
    for key, n in functions.most_common(args.top):
        print(f"  {100 * n / total:5.1f}%  {key}")


if __name__ == "__main__":
    main()
