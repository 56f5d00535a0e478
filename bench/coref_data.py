"""Cross-document event coreference gold from ECB+ (``shared/data/events/ecbplus_dev.jsonl``).

Only the topics about crime and violence are used (shootings, murders, arrests, piracy, the
Israeli strike on Gaza, Sudan's bombing of Yida camp; see the data's README): the others
(celebrities, sports, business, earthquakes) hold no political event for the coder to find.
Each topic has two seminal events of one kind (two shootings, two arrests), so the pairs
across its two halves are near misses by construction.

Documents get the publication date a reader would find in the page's header lines ("Updated :
November 11 , 2011", "11 / 30 / 09 05 : 40 PM ET"); most older (``ecb``) documents have none.
Evaluation keeps to the lines ECB+ annotated, as ECB+ asks.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re

POLITICAL_TOPICS = (3, 12, 16, 18, 21, 22, 24, 26, 35, 41)

_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s*\.?"
_DATES = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<mm>\d{1,2})\s*/\s*(?P<day>\d{1,2})\s*/\s*(?P<year>(?:19|20)?\d\d)\b"),
]
HEADER_LINES = 4


def publication_date(text: str) -> dt.date | None:
    """The first date written in the document's first lines, where pages print theirs."""
    for line in text.split("\n")[:HEADER_LINES]:
        for pattern in _DATES:
            m = pattern.search(line)
            if not m:
                continue
            groups = m.groupdict()
            month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["mm"])
            year = int(groups["year"])
            year += 2000 if year < 100 else 0
            try:
                return dt.date(year, month, int(groups["day"]))
            except ValueError:
                continue
    return None


def _topic_hash(topic: int) -> str:
    return hashlib.sha1(f"ecb{topic}".encode()).hexdigest()


# The three topics whose hashes come first are kept apart for validation; tune on the rest.
VALIDATION_TOPICS = frozenset(sorted(POLITICAL_TOPICS, key=_topic_hash)[:3])


def story_of(doc_id: str) -> tuple[int, bool]:
    """Which of its topic's two seminal events a document reports: ECB+ put one in the
    ``ecb`` documents and the other in the ``ecbplus`` ones ("12_3ecbplus.xml")."""
    return int(doc_id.split("_", 1)[0]), "ecbplus" in doc_id


def split_of_topic(topic: int) -> str:
    return "validation" if topic in VALIDATION_TOPICS else "dev"


def line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def gold_actions(doc: dict) -> list[dict]:
    """The document's action mentions on annotated lines, each with its gold instance: the
    ECB+ cluster id, or a singleton id of its own."""
    cluster_of = {}
    for cluster in doc["clusters"]:
        for mid in cluster["mentions"]:
            cluster_of[mid] = cluster["id"]
    starts = line_starts(doc["text"])
    annotated = set(doc["annotated_lines"])
    out = []
    for m in doc["mentions"]:
        if not (m["class"].startswith("ACTION") or m["class"].startswith("NEG_ACTION")):
            continue
        line = max(i for i, s in enumerate(starts) if s <= m["start"])
        if line not in annotated:
            continue
        out.append({"start": m["start"], "end": m["end"], "text": m["text"],
                    "instance": cluster_of.get(m["id"], f"{doc['id']}#{m['id']}")})
    return out


def align(event: dict, actions: list[dict]) -> dict | None:
    """The gold action an event stands for: the one its evidence overlaps (the shortest when
    several do). The event's other mentions are not used: coreference within the document
    links them, and a wrong link would score the merge for the coder's mistake."""
    start, end = event["evidence_start"], event["evidence_end"]
    hits = [a for a in actions if a["start"] < end and start < a["end"]]
    return min(hits, key=lambda a: a["end"] - a["start"]) if hits else None


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _scores(items: int, tp: int, fp: int, fn: int, b3p: float, b3r: float) -> dict:
    """The score table of pair counts and summed B³ precision and recall over ``items``."""
    n = items or 1
    return {"items": items, "tp": tp, "fp": fp, "fn": fn,
            "pairwise": _prf(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0),
            "b3": _prf(b3p / n, b3r / n)}


def coreference_scores(items: list[tuple[str, str, str]]) -> dict:
    """Pairwise and B³ precision, recall and F1 of (document, gold instance, merged event)
    items. Pairs inside one document are left out (merging never joins them; that is
    within-document coreference), and a document's repeated items of one gold instance
    count once."""
    seen, kept = set(), []
    for doc, gold, pred in items:
        if (doc, gold) not in seen:
            seen.add((doc, gold))
            kept.append((doc, gold, pred))
    tp = fp = fn = 0
    for i, (da, ga, pa) in enumerate(kept):
        for db, gb, pb in kept[i + 1:]:
            if da == db:
                continue
            same_gold, same_pred = ga == gb, pa == pb
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    by_gold, by_pred = {}, {}
    for k, (_, g, p) in enumerate(kept):
        by_gold.setdefault(g, set()).add(k)
        by_pred.setdefault(p, set()).add(k)
    b3p = b3r = 0.0
    for k, (_, g, p) in enumerate(kept):
        both = len(by_gold[g] & by_pred[p])
        b3p += both / len(by_pred[p])
        b3r += both / len(by_gold[g])
    return _scores(len(kept), tp, fp, fn, b3p, b3r)


def within_document_scores(items: list[tuple[str, str, object]]) -> dict:
    """Pairwise and B³ precision, recall and F1 of within-document event coreference over
    (document, gold cluster, coded event) items, one per gold action mention that lies in a
    coded event: pairs and B³ sets never cross documents."""
    tp = fp = fn = 0
    by_doc: dict[str, list[tuple[str, object]]] = {}
    for doc, gold, pred in items:
        by_doc.setdefault(doc, []).append((gold, pred))
    b3p = b3r = 0.0
    for mentions in by_doc.values():
        for i, (ga, pa) in enumerate(mentions):
            for gb, pb in mentions[i + 1:]:
                same_gold, same_pred = ga == gb, pa == pb
                tp += same_gold and same_pred
                fp += same_pred and not same_gold
                fn += same_gold and not same_pred
        for g, p in mentions:
            in_gold = [q for h, q in mentions if h == g]
            in_pred = [h for h, q in mentions if q == p]
            both = sum(1 for q in in_gold if q == p)
            b3p += both / len(in_pred)
            b3r += both / len(in_gold)
    return _scores(len(items), tp, fp, fn, b3p, b3r)
