"""CPU time of each stage in one warm process, for comparing two source trees side by side.

    PYTHONPATH=<src> .venv/bin/python bench/stage_cpu.py [--rounds 3] [--corpus FILE]

The corpus (default: the bundled sample, 114 Wikinews articles) is parsed once; one round of
``annotate`` + ``to_json`` over every article warms the tables and caches; then --rounds rounds
are timed with ``time.process_time``: each round's total, and each stage's mean per round (its
``run``, not the merges after the last stage). CPU time of one process moves less than wall time
on a shared machine, but processes still differ by several per cent: compare before and after
alternated (A, B, A, B, A, B, ``PYTHONHASHSEED`` fixed) and take medians.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SAMPLE_CORPUS, warm_round  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=SAMPLE_CORPUS)
    args = ap.parse_args()

    from eventwire import pipeline

    docs, one_round = warm_round(args.corpus)
    spent: collections.Counter = collections.Counter()
    for stage in pipeline.STAGES:
        _time_stage(stage, spent)
    totals = []
    for _ in range(args.rounds):
        start = time.process_time()
        one_round()
        totals.append(time.process_time() - start)
    print(f"{len(docs)} documents, {args.rounds} rounds; CPU per round: "
          + " ".join(f"{t:.3f}" for t in totals) + f" s (fastest {min(totals):.3f} s)")
    for name, seconds in spent.most_common():
        print(f"  {name:10s} {seconds / args.rounds:.3f} s")


def _time_stage(stage, spent: collections.Counter) -> None:
    run = stage.run

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return run(*args, **kwargs)
        finally:
            spent[stage.name] += time.process_time() - start

    if dataclasses.is_dataclass(stage) and getattr(stage, "__dataclass_params__").frozen:
        object.__setattr__(stage, "run", timed)
    else:
        stage.run = timed


if __name__ == "__main__":
    main()
