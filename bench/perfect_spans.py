"""How often SitEnt's clauses hold a perfect over a span ("have been killed since the start of
the conflict", "have fought since 1969", "has ruled for 30 years"), by SitEnt's label and by
what the episodic filter (``events/episodic.clause_kind``) makes of them: the count asked for
before a rule for them is written (issue 16, background-as-event).

Only the train fold is read (all genres; the news test fold is kept apart). A clause is
counted when its text holds "have/has/had" before a past participle and then "since ..." or
"for [the past] N years/months/weeks/days".

Usage: ``python bench/perfect_spans.py``
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import read_jsonl, require  # noqa: E402

PERFECT_OVER_A_SPAN = re.compile(
    r"\b(have|has|had|'ve)\b(\s+\w+){0,3}?\s+\w+(ed|en|wn|ght|t)\b.*\b(since|for\s+(the\s+(past|last)\s+)?"
    r"(\w+\s+)?(years?|months?|weeks?|decades?|days?|centuries|century))\b", re.I)


def sitent_label(r: dict) -> str:
    if r["se_type"] == "EVENT" and r["habituality"] == "EPISODIC":
        return "episodic"
    if r["se_type"] in ("GENERIC_SENTENCE", "GENERALIZING_SENTENCE") or r["habituality"] == "HABITUAL":
        return "generic/habitual"
    return r["se_type"].lower()


def main() -> None:
    from eventwire.events.episodic import EPISODIC, clause_kind
    from eventwire.nlp import load_nlp

    rows = [r for r in read_jsonl(require("events/sitent.jsonl")) if r["fold"] == "train"]
    found = [r for r in rows if r.get("verb") and r["text"] in r["sentence"] and PERFECT_OVER_A_SPAN.search(r["text"])]
    counts: Counter = Counter()
    for r, doc in zip(found, load_nlp().pipe([r["sentence"] for r in found], batch_size=64)):
        at = r["sentence"].find(r["text"])
        verb = next((t for t in doc if at <= t.idx < at + len(r["text"]) and t.text == r["verb"]), None)
        if verb is None:
            continue
        voice = "passive" if any(c.dep_ == "auxpass" for c in verb.children) else "active"
        kept = "kept as episodic" if clause_kind(verb) == EPISODIC else "flagged"
        counts[("news" if r["genre"] == "news" else "other genres", sitent_label(r), voice, kept)] += 1
    print(f"== SitEnt train: {len(found)} of {len(rows)} clauses hold a perfect over a span")
    for key in sorted(counts):
        print(f"   {counts[key]:4d}  {' / '.join(key)}")


if __name__ == "__main__":
    main()
