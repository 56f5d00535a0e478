"""Within-document coreference decisions on ECB+, pair by pair, counted by what the text shows.

``bench/events.py --only ecbplus`` counts false merges per event; this counts the decisions
behind them. Every pair of asserted events of one document, one category, each holding an
ECB+ action mention (ACTION_OCCURRENCE, annotated lines), is taken *before* coreference merges
them: merged or kept apart by ``events.coref``, and one ECB+ cluster or two. Each pair is
described by what its sentences show, so that a rule can be judged by counting before it is
written: one sentence or two; the same action word (first five letters of a word of the ECB+
mentions held); the places read in each sentence (shared, different, none); the time values
read in each sentence (the same); whether either record is sideless (no source and no target).

Dev topics' pairs can be printed (``--show-errors``); the validation topics
(``bench.coref_data.VALIDATION_TOPICS``) are counted only.

Usage: ``python bench/coref_pairs.py [--part dev|validation] [--show-errors]``
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import read_jsonl, require  # noqa: E402
from bench.coref_data import split_of_topic  # noqa: E402


def _record_merges():
    """Wrap the event coder's call of ``merge_coreferent`` to keep, per call, the events it was
    given and the clusters it formed (the same test it runs: ``corefer`` with every member)."""
    import eventwire.events.code as code
    from eventwire.events import coref

    calls = []
    merge = code.merge_coreferent

    def recording(events, told=frozenset(), linked=frozenset(), apart=frozenset(), *rest, **named):
        fights = rest[0] if rest else frozenset()   # the coder passes fights fifth, positionally
        clusters: list[list] = []
        for e in events:
            for c in clusters:
                if all(coref.corefer(o, e, told, linked, apart, fights, **named) for o in c):
                    c.append(e)
                    break
            else:
                clusters.append([e])
        calls.append((list(events), clusters))
        return merge(events, told, linked, apart, *rest, **named)

    code.merge_coreferent = recording
    return calls


def _pair_features(a, b, held, text: str, record) -> tuple[str, ...]:
    def words(e):
        return {w[:5].lower() for _, t in held(e) for w in t.split()}

    def places(e):
        return {p.name for p in record.places if e.sentence.start <= p.start < e.sentence.end}

    def times(e):
        return {t.value for t in record.times if e.sentence.start <= t.start < e.sentence.end and t.value}

    pa, pb, ta, tb = places(a), places(b), times(a), times(b)
    return ("one sentence" if a.sentence == b.sentence else "two sentences",
            "same word" if words(a) & words(b) else "other word",
            "places shared" if pa & pb else "places differ" if pa and pb else "a place missing",
            "times shared" if ta & tb else "times differ" if ta and tb else "a time missing",
            "sideless" if any(e.source is None and e.target is None for e in (a, b)) else "sides")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=("dev", "validation"), default="dev")
    ap.add_argument("--show-errors", action="store_true", help="print the dev topics' pairs")
    args = ap.parse_args()
    calls = _record_merges()
    from bench.events import run_pipeline

    docs = [d for d in read_jsonl(require("events/ecbplus_dev.jsonl")) if split_of_topic(d["topic"]) == args.part]
    records, _, _ = run_pipeline([(d["id"], d["text"], None) for d in docs])
    counts: Counter = Counter()
    for events, clusters in calls:
        d = next((d for d in docs if events and all(
            d["text"][e.evidence.start:e.evidence.end] == e.evidence.text for e in events)), None)
        if d is None:
            continue   # the bench's warm-up documents
        lines, starts = d["text"].split("\n"), [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        keep = [(starts[i], starts[i] + len(lines[i])) for i in d["annotated_lines"] if i < len(lines)]
        cluster_of = {m: c["id"] for c in d["clusters"] for m in c["mentions"]}
        gold = [(m["start"], m["end"], cluster_of.get(m["id"], "single-" + m["id"]), m["text"])
                for m in d["mentions"] if m["class"] == "ACTION_OCCURRENCE" and
                any(a <= m["start"] and m["end"] <= b for a, b in keep)]

        def held(e):
            return {(c, t) for s, end, c, t in gold if e.evidence.start < end and s < e.evidence.end}

        where = {id(e): k for k, c in enumerate(clusters) for e in c}
        on_gold = [e for e in events if e.modality == "asserted" and held(e)]
        for i, a in enumerate(on_gold):
            for b in on_gold[i + 1:]:
                if a.category != b.category:
                    continue
                one = bool({c for c, _ in held(a)} & {c for c, _ in held(b)})
                decision = ("merged" if where[id(a)] == where[id(b)] else "apart",
                            "one cluster" if one else "two clusters")
                feats = _pair_features(a, b, held, d["text"], records[d["id"]])
                counts[decision] += 1
                for f in feats:
                    counts[decision + (f,)] += 1
                if args.show_errors and args.part == "dev" and decision in (
                        ("merged", "two clusters"), ("apart", "one cluster")):
                    print(f"   {' / '.join(decision)} {d['id']} {a.evidence.text!r} + {b.evidence.text!r}: "
                          f"{', '.join(feats)}")
    print(f"== ECB+ {args.part} topics: same-category pairs of asserted events on ECB+ actions, before merging")
    for decision in (("merged", "one cluster"), ("merged", "two clusters"),
                     ("apart", "one cluster"), ("apart", "two clusters")):
        feats = sorted((k[2], n) for k, n in counts.items() if len(k) == 3 and k[:2] == decision)
        print(f"   {decision[0]}, {decision[1]}: {counts[decision]} pairs; " +
              ", ".join(f"{f} {n}" for f, n in feats))


if __name__ == "__main__":
    main()
