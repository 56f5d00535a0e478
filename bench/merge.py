"""Cross-article merging: quality on three kinds of data, and cost as the store grows.

    .venv/bin/python scripts/make_duplicates.py -o bench/data/duplicates.jsonl
    .venv/bin/python bench/merge.py --corpus bench/data/duplicates.jsonl --sizes 1000 10000 50000
    .venv/bin/python bench/merge.py --only ecbplus --thresholds 0.6 0.7 0.8   # tuning
    .venv/bin/python bench/merge.py --only articles --articles PATH            # real news kept elsewhere

ECB+ (``shared/data/events/ecbplus_dev.jsonl``, crime and violence topics; see
``bench/coref_data.py``): every document through the real pipeline into one store; each coded
event aligned to the gold action its evidence overlaps; pairs of aligned events from different
documents scored against ECB+'s cross-document instances, pairwise and B³, on the dev topics
(tune here) and the validation topics (kept apart).

Generated duplicates: every document of the corpus (originals, same-story rewrites by other
outlets, copies moved to another city) is ingested into a fresh store through the real
pipeline. Each coded event is aligned to a sentence of its family's original (word overlap
≥ 0.5). Pairs of events from different documents are then scored:
- same family, both same-story, same original sentence, same category → should merge;
- an event of the moved copy and a same-story event of the same sentence and category,
  where the original event's place was the moved city → must not merge (unless both events
  are placed alike: then another event of that sentence was the moved city's);
- events of different families are not scored (two sample articles may well report the
  same real event: the bench prints how many merged events join families, for reading);
- other pairs (unaligned events, moved copies where the city was not the event's place) are
  not scored.

Real news (``--articles``): article pairs that report one event, see :func:`articles`.

Cost: store writes (with merging) per document while the store grows to each size, using
copies of the coded records spread over a daily feed (about 30 articles a day);
``--profile-sql`` also prints, at each size, the CPU time of each SQL statement per document and
the COMMITs in which DuckDB checkpointed (their CPU time and the log they flushed); ``--window``
sets how many documents before each size are measured (wide enough to hold a few checkpoints).

``--thresholds`` merges the same coded records with each threshold in turn; ``--cache DIR``
keeps the coded records so that tuning does not recode (delete it after changing the coder).
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def quality(corpus: Path, db: Path, cache: Path | None, thresholds: list[float | None]) -> None:
    meta, results = duplicates_coded(corpus, cache)
    for threshold in thresholds:
        events = merged_events(results, db, threshold, "e.doc_id, e.event_id, e.category, e.place_name, e.merged_id, "
                               "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence")
        score_duplicates(meta, events, threshold)


def duplicates_coded(corpus: Path, cache: Path | None) -> tuple[dict, list[tuple]]:
    """The generated duplicates' rows by id and their (document, record) through the pipeline."""
    from eventwire.document import Document

    rows = [json.loads(l) for l in corpus.read_text(encoding="utf-8").splitlines() if l.strip()]
    docs = [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"]), title=r["title"],
                     url=r["url"]) for r in rows]
    t0 = time.perf_counter()
    results = coded_documents(docs, cache)
    print(f"generated duplicates: {len(docs)} documents coded in {time.perf_counter() - t0:.1f} s")
    return {r["id"]: r for r in rows}, results


def score_duplicates(meta: dict, events: list[dict], threshold: float | None) -> None:
    tp = fp = fn = tn = 0
    for a, b, gold in duplicate_pair_truths(meta, events):
        predicted = a["merged_id"] == b["merged_id"]
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not gold and not predicted
    # Across families the truth is unknown (two sample articles can report the same strike),
    # so those merges are counted and listed for reading, not scored.
    merged_groups = defaultdict(set)
    for e in events:
        merged_groups[e["merged_id"]].add((e["family"], e["doc_id"], e["event_id"]))
    cross = sum(a[0] != b[0] for members in merged_groups.values()
                for a, b in itertools.combinations(members, 2))
    spanning = sum(len({m[0] for m in members}) > 1 for members in merged_groups.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"threshold {threshold_label(threshold)}: {len(events)} events, {tp + fp + fn + tn} scored pairs within "
          f"families; merged events: {len(merged_groups)}")
    print(f"generated duplicates pairwise merging: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (TP {tp}, FP {fp}, FN {fn})")
    print(f"unscored: {spanning} merged events join different sample articles ({cross} event pairs)")


def duplicate_pair_truths(meta: dict, events: list[dict]):
    """The scored pairs of events from two documents of one family, each with whether the two
    should merge (see the module's docstring); the events gain ``aligned``, ``family`` and ``kind``."""
    # Align each event to a sentence of its family's original.
    originals = defaultdict(list)  # family -> [(sentence words, sentence, place)]
    for e in events:
        if meta[e["doc_id"]]["kind"] == "original":
            originals[meta[e["doc_id"]]["family"]].append(e)
    sent_index: dict[str, list[tuple[str, set]]] = {}
    for fam, evs in originals.items():
        seen = {}
        for e in evs:
            seen.setdefault(e["sentence"], words(e["sentence"]))
        sent_index[fam] = list(seen.items())

    def align(e) -> str | None:
        fam = meta[e["doc_id"]]["family"]
        w = words(e["sentence"])
        best, best_j = None, 0.5
        for sent, ow in sent_index.get(fam, []):
            j = len(w & ow) / max(1, len(w | ow))
            if j >= best_j:
                best, best_j = sent, j
        return best

    original_place = {(meta[e["doc_id"]]["family"], e["sentence"], e["category"]): e["place_name"]
                      for e in events if meta[e["doc_id"]]["kind"] == "original"}
    for e in events:
        e["aligned"] = align(e)
        e["family"] = meta[e["doc_id"]]["family"]
        e["kind"] = meta[e["doc_id"]]["kind"]

    by_family = defaultdict(list)
    for e in events:
        by_family[e["family"]].append(e)
    for fam, evs in by_family.items():
        for a, b in itertools.combinations(evs, 2):
            if a["doc_id"] == b["doc_id"] or a["aligned"] is None or b["aligned"] is None:
                continue
            same_sentence = a["aligned"] == b["aligned"] and a["category"] == b["category"]
            kinds = {a["kind"], b["kind"]}
            if "elsewhere" not in kinds:
                gold = same_sentence
            elif kinds == {"elsewhere"}:
                continue
            else:
                moved = meta[(a if a["kind"] == "elsewhere" else b)["doc_id"]]["moved"][0]
                place = original_place.get((fam, a["aligned"], a["category"]))
                if not same_sentence or place != moved:
                    continue  # not a claim about this city's event
                if a["place_name"] is not None and a["place_name"] == b["place_name"]:
                    continue  # both copies place this event alike: the moved city is not its place
                gold = False
            yield a, b, gold


def coded_documents(docs: list, cache: Path | None) -> list[tuple]:
    """(document, record) for each document through the real pipeline; with ``cache``, the
    records are kept in that file and read back on the next run (for tuning the merger
    without recoding; delete the file after changing the coder)."""
    from eventwire.pipeline import extract_many
    from eventwire.record import ErrorRecord, Record

    if cache and cache.exists():
        stored = {}
        for line in cache.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            stored[data["id"]] = (ErrorRecord if "error" in data else Record).model_validate(data)
        if all(d.id in stored for d in docs):
            return [(d, stored[d.id]) for d in docs]
    results = list(extract_many(iter(docs), batch_size=16))
    if cache:
        cache.write_text("".join(r.to_json() + "\n" for _, r in results), encoding="utf-8")
    return results


def ecbplus_coded(path: Path, cache: Path | None) -> tuple[list[dict], list[tuple]]:
    """ECB+'s documents of the political topics and their (document, record) through the pipeline."""
    from bench.coref_data import POLITICAL_TOPICS, publication_date
    from eventwire.document import Document

    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    rows = [r for r in rows if r["topic"] in POLITICAL_TOPICS]
    docs = [Document(id=r["id"], text=r["text"], date=publication_date(r["text"]), url=r["url"]) for r in rows]
    t0 = time.perf_counter()
    results = coded_documents(docs, cache)
    secs = time.perf_counter() - t0
    dated = sum(d.date is not None for d in docs)
    print(f"ECB+ topics {', '.join(map(str, POLITICAL_TOPICS))}: {len(docs)} documents ({dated} with a "
          f"publication date), coded in {secs:.0f} s")
    return rows, results


def ecbplus(path: Path, tmp: Path, cache: Path | None, thresholds: list[float | None],
            decompose: bool = False) -> None:
    """Cross-document event coreference on ECB+'s crime and violence topics (bench/coref_data.py):
    every document through the real pipeline into one store; each coded event aligned to the
    gold action mention its evidence overlaps; pairs of aligned events from different
    documents scored against the gold instances, per split."""
    rows, results = ecbplus_coded(path, cache)
    for threshold in thresholds:
        events = merged_events(results, tmp / "ecbplus.duckdb", threshold, "e.*" if decompose else
                               "doc_id, event_id, evidence_start, evidence_end, merged_id")
        score_ecbplus(rows, events, threshold)
        if decompose:
            decompose_ecbplus(rows, events, threshold)


def ecbplus_scores(rows: list[dict], events: list[dict]) -> tuple[int, dict]:
    """(events aligned to a gold action, {split: coreference scores}) of stored ECB+ events."""
    from bench.coref_data import align, coreference_scores, gold_actions, split_of_topic

    by_doc = {r["id"]: r for r in rows}
    actions = {r["id"]: gold_actions(r) for r in rows}
    items: dict[str, list] = {"dev": [], "validation": []}
    aligned = 0
    for e in events:
        gold = align(e, actions[e["doc_id"]])
        if gold is None:
            continue
        aligned += 1
        items[split_of_topic(by_doc[e["doc_id"]]["topic"])].append((e["doc_id"], gold["instance"], e["merged_id"]))
    return aligned, {split: coreference_scores(split_items) for split, split_items in items.items()}


def score_ecbplus(rows: list[dict], events: list[dict], threshold: float | None) -> None:
    from bench.coref_data import split_of_topic

    aligned, scores = ecbplus_scores(rows, events)
    print(f"threshold {threshold_label(threshold)}: {len(events)} events, {aligned} aligned to a gold action")
    for split, s in scores.items():
        topics = sorted({r["topic"] for r in rows if split_of_topic(r["topic"]) == split})
        print(f"ECB+ {split} (topics {', '.join(map(str, topics))}; {s['items']} items): {scores_line(s)}")


def scores_line(s: dict) -> str:
    (pp, pr, pf), (bp, br, bf) = s["pairwise"], s["b3"]
    return (f"pairwise P {pp:.3f} R {pr:.3f} F1 {pf:.3f} (TP {s['tp']}, FP {s['fp']}, FN {s['fn']}); "
            f"B3 P {bp:.3f} R {br:.3f} F1 {bf:.3f}")


# Where a gold pair of ECB+ is lost, in the order the pipeline loses it (see decompose_ecbplus).
LOSSES = [
    ("no_event", "the coder gave no event for the mention in one or both documents"),
    ("category", "the coder gave the two reports other categories"),
    ("modality", "the same category, another modality (asserted / negated / planned ...)"),
    ("one_undated", "one report dated, the other not (an undated report meets a dated one only when nothing "
                    "places it in time and the country is the same)"),
    ("days_apart", "both dated, two or more days apart (or a day outside the other's month)"),
    ("publication", "a coarse date and articles published more than 30 days apart"),
    ("place", "places that rule the pair out (too far apart, another province)"),
    ("blocked", "the candidate query does not fetch one for the other"),
    ("timeless_margin", "one report dated, nothing places the other in time: under the threshold plus the margin"),
    ("undated_days_apart", "over the threshold, refused: an undated report would join two events days apart"),
    ("under_threshold", "compared, scored under the threshold, and not joined through others"),
    ("closure", "linked: through other reports of the group (transitive closure)"),
    ("direct", "linked: the pair itself scores over the threshold"),
]


def loss_of_pair(a: dict, b: dict, threshold: float) -> str:
    """Where the pair of reports ``a`` and ``b`` (of one gold instance) stops on its way to one
    merged event: the first of :data:`LOSSES` that applies."""
    from eventwire import merge
    from eventwire.store.write import _block_days, _block_probe

    if a["merged_id"] == b["merged_id"]:
        return "direct" if merge.match_score(a, b) >= threshold else "closure"
    if a["category"] != b["category"]:
        return "category"
    if a.get("modality") != b.get("modality"):
        return "modality"
    if merge._date_evidence(a, b) is None:
        if (a["day"] is None) != (b["day"] is None):
            return "one_undated"
        pa, pb = a.get("doc_date"), b.get("doc_date")
        if ((merge.is_coarse(a) or merge.is_coarse(b)) and pa and pb
                and abs((pa - pb).days) > merge.PUBLICATION_WINDOW_DAYS):
            return "publication"
        return "days_apart"
    if merge._place_evidence(a, b) is None:
        return "place"
    reach = {(a["category"], d) for d in _block_days(_block_probe(a))} | \
        {(b["category"], d) for d in _block_days(_block_probe(b))}
    if (b["category"], b["day"]) not in reach and (a["category"], a["day"]) not in reach:
        return "blocked"
    evidence = merge.compare(a, b)
    if evidence.score() >= threshold:
        return "undated_days_apart"  # the store refuses only such a link of a pair over the threshold
    if evidence.timeless and evidence.score() + merge.TIMELESS_MARGIN >= threshold:
        return "timeless_margin"
    return "under_threshold"


def decompose_ecbplus(rows: list[dict], events: list[dict], threshold: float | None) -> None:
    """Every cross-document gold pair of one ECB+ instance (a document's mentions of one
    instance count once, as in the score), by where it is lost (:data:`LOSSES`). A mention
    the coder has an event for stands for the first such event, as in the score."""
    from bench.coref_data import align, gold_actions, split_of_topic
    from eventwire import merge

    threshold = merge.MATCH_THRESHOLD if threshold is None else threshold
    by_doc = {r["id"]: r for r in rows}
    report: dict[tuple, dict] = {}  # (document, instance) -> the first event aligned to it
    for e in events:
        gold = align(e, gold_actions(by_doc[e["doc_id"]]))
        if gold is not None:
            report.setdefault((e["doc_id"], gold["instance"]), e)
    for split in ("dev", "validation"):
        mentions: dict[str, set] = defaultdict(set)  # instance -> documents that mention it
        for r in rows:
            if split_of_topic(r["topic"]) == split:
                for action in gold_actions(r):
                    mentions[action["instance"]].add(r["id"])
        counts = {name: 0 for name, _ in LOSSES}
        for instance, docs in mentions.items():
            for da, db in itertools.combinations(sorted(docs), 2):
                a, b = report.get((da, instance)), report.get((db, instance))
                counts["no_event" if a is None or b is None else loss_of_pair(a, b, threshold)] += 1
        total = sum(counts.values())
        coded = total - counts["no_event"]
        print(f"ECB+ {split}, threshold {threshold:.2f}: {total} gold pairs across documents, {coded} with an "
              f"event on both sides")
        for name, why in LOSSES:
            n = counts[name]
            share_coded = "" if name == "no_event" else f"  {n / max(1, coded):6.1%} of those coded"
            print(f"  {name:<18} {n:>5}  {n / max(1, total):6.1%} of all{share_coded}  — {why}")
        wrong_links(rows, [(k, e) for k, e in report.items() if split_of_topic(by_doc[k[0]]["topic"]) == split],
                    threshold, events)


def _linked(a: dict, b: dict, threshold: float) -> bool:
    """Whether the store links the two reports itself: other articles, within the candidate
    query's reach, and a score at the threshold."""
    from eventwire import merge
    from eventwire.store.write import _block_days, _block_probe

    if a.get("doc_key") == b.get("doc_key"):
        return False
    reach = {(a["category"], d) for d in _block_days(_block_probe(a))} | \
        {(b["category"], d) for d in _block_days(_block_probe(b))}
    return ((a["category"], a["day"]) in reach or (b["category"], b["day"]) in reach) and \
        merge.match_score(a, b) >= threshold


def how_wrongly_linked(a: dict, b: dict, group: list[dict], instance_of, held, threshold: float) -> str:
    """What joined two reports of two gold instances into one merged event (``group``, all its
    reports): the bench's own alignment (one report's evidence also holds a gold action of the
    other's instance: it was stood for another action it holds), the pair's own score (both
    undated, or dated alike), or the closure: through a report aligned to no gold action, or
    through links between reports aligned to other instances."""
    from eventwire import merge

    if instance_of(b) in held(a) or instance_of(a) in held(b):
        return "the evidence also holds the other's gold action"
    if _linked(a, b, threshold):
        if a["day"] is None and b["day"] is None:
            return "direct, both undated"
        return "direct, one dated, nothing places the other in time" if merge.compare(a, b).timeless else \
            "direct, dated alike"
    aligned = [e for e in group if instance_of(e) is not None]
    parent = {id(e): id(e) for e in aligned}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in itertools.combinations(aligned, 2):
        if _linked(x, y, threshold):
            parent[find(id(x))] = find(id(y))
    return ("closure, through reports of other gold instances" if find(id(a)) == find(id(b)) else
            "closure, through a report aligned to no gold action")


def wrong_links(rows: list[dict], items: list[tuple], threshold: float, events: list[dict]) -> None:
    """The scored pairs of reports of two gold instances that one merged event holds, by what
    joined them (:func:`how_wrongly_linked`) and by story: one story (the same seminal event of
    the topic: mostly ECB+'s finer actions of one incident, "shot" and "killed"), the topic's
    other story, or another topic. And the linked and wrong pairs of each topic (a pairwise
    figure weighs a topic by its pairs)."""
    from bench.coref_data import align, gold_actions, story_of

    by_doc = {r["id"]: r for r in rows}
    topic = {r["id"]: r["topic"] for r in rows}
    group: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        group[e["merged_id"]].append(e)

    def instance_of(e):
        gold = align(e, gold_actions(by_doc[e["doc_id"]]))
        return None if gold is None else gold["instance"]

    def held(e):
        return {g["instance"] for g in gold_actions(by_doc[e["doc_id"]])
                if g["start"] < e["evidence_end"] and e["evidence_start"] < g["end"]}

    kinds: dict[tuple, int] = defaultdict(int)
    by_topic: dict[object, list[int]] = defaultdict(lambda: [0, 0])
    for ((da, ga), a), ((db, gb), b) in itertools.combinations(items, 2):
        if da == db or a["merged_id"] != b["merged_id"]:
            continue
        where = topic[da] if topic[da] == topic[db] else "across topics"
        by_topic[where][ga != gb] += 1
        if ga != gb:
            how = how_wrongly_linked(a, b, group[a["merged_id"]], instance_of, held, threshold)
            story = ("one story" if story_of(da) == story_of(db) else
                     "the topic's other story" if topic[da] == topic[db] else "another topic")
            kinds[(how, story)] += 1
    print(f"  wrong links, {sum(kinds.values())}:")
    for how in sorted({h for h, _ in kinds}):
        print(f"    {how}: " + "; ".join(f"{story} {n}" for (h, story), n in sorted(kinds.items()) if h == how))
    print("  linked pairs right / wrong by topic: " + "; ".join(
        f"{t}: {right} / {wrong}" for t, (right, wrong) in sorted(by_topic.items(), key=lambda kv: str(kv[0]))))


def articles(path: Path, tmp: Path, cache: Path | None, thresholds: list[float | None]) -> None:
    """Real news: article pairs that report the same event, as the issue measures them.

    ``path`` is JSON Lines: ``id``, ``text``, ``date`` (YYYY-MM-DD), optional ``title`` and
    ``url``, and ``event``, the gold label (articles with one label report one real event).
    Two articles are linked when one merged event holds asserted reports of both; an event is
    merged completely when one merged event holds reports of all its articles."""
    from eventwire.document import Document

    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    gold = {r["id"]: r["event"] for r in rows}
    docs = [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
                     title=r.get("title"), url=r.get("url")) for r in rows]
    results = coded_documents(docs, cache)
    stories = defaultdict(set)
    for doc_id, label in gold.items():
        stories[label].add(doc_id)
    for threshold in thresholds:
        events = merged_events(results, tmp / "articles.duckdb", threshold, "e.doc_id, e.merged_id, e.modality")
        holds = defaultdict(set)
        for e in events:
            if e["modality"] == "asserted":
                holds[e["merged_id"]].add(e["doc_id"])
        linked = {pair for docs_ in holds.values() for pair in itertools.combinations(sorted(docs_), 2)}
        tp = fp = fn = 0
        for a, b in itertools.combinations(sorted(gold), 2):
            same, link = gold[a] == gold[b], (a, b) in linked
            tp += same and link
            fp += link and not same
            fn += same and not link
        complete = sum(any(members <= docs_ for docs_ in holds.values())
                       for members in stories.values() if len(members) > 1)
        multi = sum(len(m) > 1 for m in stories.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"articles ({path.name}; {len(rows)} articles, {len(stories)} events; threshold "
              f"{threshold_label(threshold)}): article pairs P {p:.3f} R {r:.3f} F1 {f1:.3f} "
              f"(TP {tp}, FP {fp}, FN {fn}); {complete} of {multi} events told by several articles merged completely")


def threshold_label(threshold: float | None) -> str:
    from eventwire import merge

    return f"{merge.MATCH_THRESHOLD if threshold is None else threshold:.2f}" + (" (default)" if threshold is None else "")


def merged_events(results: list[tuple], db: Path, threshold: float | None, columns: str) -> list[dict]:
    """Store coded results in a fresh store, merging with ``threshold`` (None: the default)."""
    from eventwire.store import open_store

    db.unlink(missing_ok=True)
    with (open_store(db) if threshold is None else open_store(db, match_threshold=threshold)) as store:
        for k in range(0, len(results), 32):
            store.write_batch(results[k:k + 32])
        return store._rows(f"SELECT {columns} FROM events e JOIN documents d USING (doc_key)")


class _StatementClock:
    """The store's connection, with the CPU time of each SQL statement added up by its text
    (``process_time`` counts DuckDB's threads too; wall time on a shared machine counts waits)."""

    def __init__(self, con, spent: dict):
        self._con, self._spent = con, spent

    def execute(self, sql, *args):
        start = time.process_time()
        try:
            return self._con.execute(sql, *args)
        finally:
            entry = self._spent.setdefault(" ".join(sql.split())[:70], [0.0, 0])
            entry[0] += time.process_time() - start
            entry[1] += 1

    def __getattr__(self, name):
        return getattr(self._con, name)


def growth(source_db: Path, sizes: list[int], tmp: Path, profile_sql: bool = False, window: int = 200) -> None:
    from eventwire.document import Document
    from eventwire.record import Record
    from eventwire.store import open_store

    with open_store(source_db, read_only=True) as store:
        records = [Record.model_validate(r) for r in store.records()]
    records = [r for r in records if r.events]
    if not records:
        print("growth: no coded events to replay; nothing measured")
        return
    base = dt.date(2015, 1, 1)
    per_day = 30
    target = max(sizes)
    marks = sorted(sizes)
    wal = Path(f"{tmp / 'growth.duckdb'}.wal")
    with open_store(tmp / "growth.duckdb") as store:
        statement_cpu: dict = {}
        if profile_sql:
            store.con = _StatementClock(store.con, statement_cpu)
        n = 0
        batch = []
        timings, cpu_timings = {}, {}
        t_window, cpu_window, n_window = 0.0, 0.0, 0
        # DuckDB checkpoints inside a COMMIT once the write-ahead log passes its threshold (16 MiB),
        # every few hundred documents here: a window may hold none or two. A batch after which
        # the log is shorter than before it checkpointed; its COMMIT is counted apart.
        checkpoints: list[tuple[float, float]] = []  # (COMMIT CPU seconds, MiB of log flushed)
        wal_before = 0
        while n < target:
            rec = records[n % len(records)]
            shift = (base + dt.timedelta(days=n // per_day)) - dt.date.fromisoformat(rec.date)
            events = []
            for ev in rec.events:
                date = ev.date
                if date:  # move the event with its article, keeping the date's precision
                    moved = (dt.date.fromisoformat((date + "-01-01")[:10]) + shift).isoformat()
                    date = moved[:len(date)]
                events.append(ev.model_copy(update={"date": date}))
            new = rec.model_copy(update={"id": f"{rec.id}-{n}", "date": (dt.date.fromisoformat(rec.date) + shift).isoformat(),
                                         "events": events})
            doc = Document(id=new.id, text=new.text, date=dt.date.fromisoformat(new.date))
            batch.append((doc, new))
            n += 1
            if len(batch) == 50:
                if n_window == 0:
                    statement_cpu.clear()
                commit_before = statement_cpu.get("COMMIT", [0.0])[0]
                t0, c0 = time.perf_counter(), time.process_time()
                store.write_batch(batch)
                spent, cpu = time.perf_counter() - t0, time.process_time() - c0
                batch = []
                wal_after = wal.stat().st_size if wal.exists() else 0
                if profile_sql and wal_after < wal_before and marks and n > marks[0] - window:
                    checkpoints.append((statement_cpu["COMMIT"][0] - commit_before, wal_before / 2 ** 20))
                wal_before = wal_after
                if marks and n > marks[0] - window:
                    t_window += spent
                    cpu_window += cpu
                    n_window += 50
                    if n >= marks[0]:
                        timings[marks[0]] = t_window / n_window * 1000
                        cpu_timings[marks[0]] = cpu_window / n_window * 1000
                        print(f"store at {marks[0]:>6} documents: {timings[marks[0]]:.2f} ms per document "
                              f"(write + merge, mean over the last {n_window}), CPU {cpu_timings[marks[0]]:.2f} ms "
                              f"(load average {os.getloadavg()[0]:.1f})", flush=True)
                        for text, (cpu_s, calls) in sorted(statement_cpu.items(), key=lambda kv: -kv[1][0])[:12]:
                            print(f"    {cpu_s / n_window * 1000:6.2f} ms CPU per document, {calls:4d} calls: {text}")
                        if statement_cpu:
                            print(f"    {sum(c for c, _ in statement_cpu.values()) / n_window * 1000:6.2f} ms CPU per "
                                  "document in SQL statements, the rest is Python", flush=True)
                            spent_ckpt = sum(c for c, _ in checkpoints)
                            print(f"    {len(checkpoints)} COMMITs checkpointed in the window: "
                                  + ", ".join(f"{c * 1000:.0f} ms CPU for {mib:.1f} MiB of log" for c, mib in checkpoints)
                                  + f"; CPU per document without them {(cpu_window - spent_ckpt) / n_window * 1000:.2f} ms",
                                  flush=True)
                            checkpoints.clear()
                        marks.pop(0)
                        t_window, cpu_window, n_window = 0.0, 0.0, 0
        if batch:
            store.write_batch(batch)
    first, last = min(timings), max(timings)
    # CPU time (this process's, all its threads) moves less with other jobs on a shared machine
    # than wall time, which also counts the waits for a core.
    print(f"cost at {last} / cost at {first}: {timings[last] / timings[first]:.2f} (wall), "
          f"{cpu_timings[last] / cpu_timings[first]:.2f} (CPU)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO / "bench" / "data" / "duplicates.jsonl")
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    ap.add_argument("--ecbplus", type=Path, default=None,
                    help="ECB+ development file (default: events/ecbplus_dev.jsonl of the shared data)")
    ap.add_argument("--only", choices=["duplicates", "ecbplus", "articles"], default=None)
    ap.add_argument("--articles", type=Path, default=None,
                    help="real news with gold event labels, kept outside the repository (see articles())")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the coded records of both corpora in this folder and reuse them (tuning the merger)")
    ap.add_argument("--profile-sql", action="store_true",
                    help="growth replay: also print the CPU time of each SQL statement per document at each size")
    ap.add_argument("--window", type=int, default=200,
                    help="growth replay: documents measured before each size (a multiple of the batch, 50)")
    ap.add_argument("--decompose", action="store_true",
                    help="ECB+: also print where each gold pair is lost (coder, rules, blocking, score)")
    ap.add_argument("--thresholds", type=float, nargs="*", default=None,
                    help="merge with each of these thresholds in turn (tuning; default: merge.MATCH_THRESHOLD)")
    args = ap.parse_args()
    thresholds = args.thresholds or [None]
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)

    def cached(name: str) -> Path | None:
        return args.cache / f"{name}.jsonl" if args.cache else None

    print(f"cores: {os.cpu_count()}")
    if args.articles and args.only in (None, "articles"):
        with tempfile.TemporaryDirectory() as tmp:
            articles(args.articles, Path(tmp), cached("articles"), thresholds)
    if args.only == "articles":
        return
    if args.only != "duplicates":
        from bench.common import require

        with tempfile.TemporaryDirectory() as tmp:
            ecbplus(args.ecbplus or require("events/ecbplus_dev.jsonl"), Path(tmp), cached("ecbplus"), thresholds,
                    args.decompose)
        if args.only == "ecbplus":
            return
    if not args.corpus.exists():
        print(f"{args.corpus} not found: run scripts/make_duplicates.py first", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "merge.duckdb"
        quality(args.corpus, db, cached("duplicates"), thresholds)
        if args.sizes:
            growth(db, args.sizes, Path(tmp), args.profile_sql, args.window)


if __name__ == "__main__":
    main()
