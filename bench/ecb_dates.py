"""Event-date gold derived from ECB+ (``shared/data/events/ecbplus_dev.jsonl``).

ECB+ annotates times (``TIME_DATE``) as components of the events its documents report, but the
release keeps no link between an action and its time: its only relations are coreference
clusters. The gold here is therefore derived, and says so:

- **own sentence**: an action mention (``ACTION_OCCURRENCE`` on an annotated line, in a
  coreference cluster) whose sentence holds exactly one ``TIME_DATE`` mention takes that time.
  Sentences with two or more are left out (which one is the action's is what would be
  measured, and the release does not say).
- **among several**: a mention whose sentence names two or more dates, one of them (and only
  one) the date its cluster's own-sentence mentions agree on, takes that one: the sentence
  then tests which of its times the event is given (a time of another clause taken or not).
- **told elsewhere**: another mention of the same cluster in the same document, on an
  annotated line with no ``TIME_DATE`` of its own, takes the date its cluster's own-sentence
  mentions agree on (none when they disagree). This tests the paths that date an undated
  sentence (the story-day chain, the later-paragraph rule, the lead's day).

The time's value is the one the times stage gives the gold span, against the publication
date read from the page's header (``bench.coref_data.publication_date``): the measure is about
which time (or which path) dates the event, not about normalizing it (TempEval measures that).
Documents without a publication date are kept: the coder then has no day to count from, and
only the gold times it can still resolve (written dates) are scored.

All 27 topics are read (the coder codes arrests, shootings and deaths in the "non-political"
ones too). The political topics keep ``bench.coref_data``'s split; of the others, the quarter
whose topic hashes sort first is kept apart the same way (scored only).
"""
from __future__ import annotations

from collections import defaultdict

from bench.coref_data import POLITICAL_TOPICS, VALIDATION_TOPICS, _topic_hash, line_starts

ALL_TOPICS = (1, 3, 4, 5, 7, 9, 10, 11, 12, 16, 18, 20, 21, 22, 24, 26, 28, 29, 30, 31, 35, 38,
              40, 41, 42, 43, 44)
_OTHER = [t for t in ALL_TOPICS if t not in POLITICAL_TOPICS]
KEPT_APART_TOPICS = VALIDATION_TOPICS | frozenset(sorted(_OTHER, key=_topic_hash)[:len(_OTHER) // 4])


def split_of(topic: int) -> str:
    return "validation" if topic in KEPT_APART_TOPICS else "dev"


def _line_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def time_value(times, start: int, end: int) -> tuple[str | None, str | None]:
    """(date, precision) the times stage gives the expression overlapping [start, end), the
    one overlapping most; (None, None) when it found none or it is no usable date."""
    from eventwire.times.calendar import precision_of

    best, best_overlap = None, 0
    for t in times:
        overlap = min(end, t.end) - max(start, t.start)
        if overlap > best_overlap and t.type in ("DATE", "TIME"):
            best, best_overlap = t, overlap
    return precision_of(best.value) if best is not None else (None, None)


def date_rows(doc: dict, times) -> list[dict]:
    """The document's gold-dated action mentions: ``{start, end, text, date, precision, kind}``
    with kind ``own``, ``several`` or ``elsewhere``; ``date`` None where the times stage gave the gold time
    no usable value (counted apart by the scorer)."""
    mentions = {m["id"]: m for m in doc["mentions"]}
    cluster_of = {mid: c["id"] for c in doc["clusters"] for mid in c["mentions"]}
    starts = line_starts(doc["text"])
    annotated = set(doc["annotated_lines"])
    dates_on: dict[int, list[dict]] = defaultdict(list)
    for m in mentions.values():
        if m["class"] == "TIME_DATE":
            dates_on[_line_of(starts, m["start"])].append(m)
    rows, undated, among = [], [], []
    values: dict[str, set] = defaultdict(set)
    for m in mentions.values():
        if m["class"] != "ACTION_OCCURRENCE" or m["id"] not in cluster_of:
            continue
        line = _line_of(starts, m["start"])
        if line not in annotated:
            continue
        here = dates_on.get(line, [])
        if len(here) == 1:
            date, precision = time_value(times, here[0]["start"], here[0]["end"])
            rows.append({"start": m["start"], "end": m["end"], "text": m["text"], "date": date,
                         "precision": precision, "kind": "own"})
            if date is not None:
                values[cluster_of[m["id"]]].add((date, precision))
        elif not here:
            undated.append(m)
        else:
            among.append((m, here))
    for m, here in among:
        told = values.get(cluster_of[m["id"]], set())
        if len(told) != 1:
            continue
        (date, precision), = told
        same = [t for t in here if time_value(times, t["start"], t["end"]) == (date, precision)]
        if len(same) == 1:
            rows.append({"start": m["start"], "end": m["end"], "text": m["text"], "date": date,
                         "precision": precision, "kind": "several"})
    for m in undated:
        told = values.get(cluster_of[m["id"]], set())
        if len(told) == 1:
            (date, precision), = told
            rows.append({"start": m["start"], "end": m["end"], "text": m["text"], "date": date,
                         "precision": precision, "kind": "elsewhere"})
    return sorted(rows, key=lambda r: r["start"])
