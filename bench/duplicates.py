"""Real-news duplicates bucketed by why the within-article merge kept them apart (issue 16).

A duplicate (`realnews.unmatched_as`, as `score_article` counts it) is a coded asserted event
that matched no gold event although its spans or its sentence reach one, which another coded
event took: one happening coded twice. Each is paired with the coded event that took its gold
event and bucketed by the first test of `coref.corefer` that keeps the two apart, as coref
itself names it (`coref.kept_apart_by`) on the events as coded: another category, another
modality, told apart (listed as two, or one told as another), a plan told after the deed,
another mode, told dates that differ, places that differ, an assault on the other's doer, an
assault answering the other, sides (source, target); "joinable" when corefer now accepts them
(another member of a cluster, or a field a merge filled, kept them apart). Rows with text
are printed for the dev split only; the kept-apart splits print counts.

    EVENTWIRE_SHARED_DATA=... PYTHONPATH=src:. python bench/events.py --only realnews-duplicates --split dev
"""
from __future__ import annotations

import contextlib
from collections import Counter

from eventwire.events import coref


def why_kept_apart(a, b, told=frozenset(), linked=frozenset(), apart=frozenset(), fights=frozenset(),
                   reported=frozenset()) -> str:
    """The test of ``coref.corefer`` that keeps coded events ``a`` and ``b`` apart, as coref
    names it (``coref.kept_apart_by``); "joinable" when none does. ``told``: ids of the events
    dated by their own sentence; ``linked``, ``apart``, ``fights``, ``reported`` as corefer
    takes them."""
    return coref.kept_apart_by(a, b, told, linked, apart, fights, reported) or "joinable"


def duplicate_pairs(gold: dict, record) -> list[tuple[object, object | None, dict]]:
    """(duplicate, the coded event that took its gold event or None, that gold event) for each
    duplicate of one article, as `realnews.score_article` counts duplicates."""
    from bench import realnews

    preds = list(getattr(record, "events", []) or [])
    golds = list(gold.get("events", []))
    non_events = [(n["start"], n["end"]) for n in gold.get("non_events", []) if n.get("kind") != "non-political"]
    pmatch, would_match = realnews.pair_events(preds, golds)
    taken = {g: p for p, g in pmatch.items()}
    out = []
    for k, p in enumerate(preds):
        if p.modality != "asserted" or k in pmatch or \
                realnews.unmatched_as(k, p, would_match, non_events) != "duplicate":
            continue
        spans, sent = realnews._pred_spans(p), [(p.sentence.start, p.sentence.end)]
        reached = [j for j, g in enumerate(golds) if realnews._overlap(spans, realnews._gold_spans(g)) or (
            g["category"] == p.category and realnews._overlap(sent, realnews._gold_spans(g)))]
        # the gold event of its own category another event took, else any taken one it reaches
        j = next((j for j in reached if golds[j]["category"] == p.category and j in taken),
                 next((j for j in reached if j in taken), reached[0]))
        out.append((p, preds[taken[j]] if j in taken else None, golds[j]))
    return out


@contextlib.contextmanager
def merge_inputs():
    """What `code_events` gives `merge_coreferent` for each document coded inside the block:
    a list, one (events, told, linked, apart, fights, reported) per document."""
    from eventwire.events import code

    seen: list[tuple] = []
    merge = code.merge_coreferent

    def spy(events, told=frozenset(), linked=frozenset(), apart=frozenset(), fights=frozenset(),
            reported=frozenset()):
        seen.append((list(events), set(told), linked, apart, fights, set(reported)))
        return merge(events, told, linked, apart, fights, reported)

    code.merge_coreferent = spy
    try:
        yield seen
    finally:
        code.merge_coreferent = merge


def _by_span(events: list, told: set) -> set[tuple[int, int]]:
    return {(e.evidence.start, e.evidence.end) for e in events if id(e) in told}


def bench_duplicates(split: str, limit: int | None = None) -> None:
    from bench import realnews
    from eventwire import pipeline
    from eventwire.document import Document, parse_date

    gold, articles = realnews.load_gold(), realnews.load_articles()
    ids = sorted(i for i in gold if i in articles and split in ("all", realnews.split_of(i)))[:limit]
    buckets: dict[str, Counter] = {}
    for i in ids:
        doc = Document(id=i, text=articles[i]["text"], date=parse_date(articles[i]["date"]))
        with merge_inputs() as seen:
            _, record = next(iter(pipeline.extract_many([doc])))
        # the merged events are copies: a date is its own sentence's when its evidence was
        told_spans = _by_span(seen[-1][0], seen[-1][1]) if seen else set()
        reported_spans = _by_span(seen[-1][0], seen[-1][5]) if seen else set()
        part = realnews.split_of(i)
        for dup, took, g in duplicate_pairs(gold[i], record):
            if took is None:
                why = "its gold event taken by no asserted event"
            else:
                told, reported = ({id(e) for e in (dup, took) if (e.evidence.start, e.evidence.end) in spans}
                                  for spans in (told_spans, reported_spans))
                why = why_kept_apart(took, dup, told, reported=reported)
            buckets.setdefault(part, Counter())[why] += 1
            if part == "dev":   # rows of the kept-apart splits are never printed
                print(f"   ## {i}: {why}\n      GOLD {g['category']} | {g['evidence']['text'][:90]!r}")
                for tag, e in (("TOOK", took), ("DUP ", dup)):
                    if e is not None:
                        print(f"      {tag} {e.category:<9} {e.mode or '-':<10} "
                              f"{e.source and (e.source.text, e.source.country, e.source.sector)} -> "
                              f"{e.target and (e.target.text, e.target.country, e.target.sector)} "
                              f"d={e.date} pl={e.place and e.place.name} | {e.evidence.text[:80]!r}")
    for part in sorted(buckets):
        print(f"-- duplicates by why they were kept apart, {part}: {sum(buckets[part].values())}")
        for why, n in buckets[part].most_common():
            print(f"   {n:>3}  {why}")
