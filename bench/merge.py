"""Cross-article merging: pairwise quality on rewritten copies, and cost as the store grows.

    .venv/bin/python scripts/make_duplicates.py -o bench/data/duplicates.jsonl
    .venv/bin/python bench/merge.py --corpus bench/data/duplicates.jsonl --sizes 1000 10000 50000

Quality: every document of the corpus (originals, same-story rewrites by other outlets,
copies moved to another city) is ingested into a fresh store through the real pipeline.
Each coded event is aligned to a sentence of its family's original (word overlap ≥ 0.5).
Pairs of events from different documents are then scored:
- same family, both same-story, same original sentence, same category → should merge;
- an event of the moved copy and a same-story event of the same sentence and category,
  where the original event's place was the moved city → must not merge;
- events of different families are not scored (two sample articles may well report the
  same real event: the bench prints how many merged events join families, for reading);
- other pairs (unaligned events, moved copies where the city was not the event's place) are
  not scored.
Cost: store writes (with merging) per document while the store grows to each size, using
copies of the coded records spread over a daily feed (about 30 articles a day).
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

_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def quality(corpus: Path, db: Path) -> None:
    from eventwire.document import Document
    from eventwire.store import open_store

    rows = [json.loads(l) for l in corpus.read_text(encoding="utf-8").splitlines() if l.strip()]
    meta = {r["id"]: r for r in rows}
    docs = [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"]), title=r["title"],
                     url=r["url"]) for r in rows]
    t0 = time.perf_counter()
    with open_store(db) as store:
        store.ingest(docs, batch_size=32)
        secs = time.perf_counter() - t0
        events = store._rows("SELECT e.doc_id, e.event_id, e.category, e.place_name, e.merged_id, "
                             "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence "
                             "FROM events e JOIN documents d USING (doc_key)")
    print(f"ingested {len(docs)} documents in {secs:.1f} s ({len(docs) / secs:.1f} docs/s), {len(events)} events")

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

    tp = fp = fn = tn = 0
    by_family = defaultdict(list)
    for e in events:
        by_family[e["family"]].append(e)
    for fam, evs in by_family.items():
        for a, b in itertools.combinations(evs, 2):
            if a["doc_id"] == b["doc_id"] or a["aligned"] is None or b["aligned"] is None:
                continue
            same_sentence = a["aligned"] == b["aligned"] and a["category"] == b["category"]
            predicted = a["merged_id"] == b["merged_id"]
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
                gold = False
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
    print(f"scored pairs: {tp + fp + fn + tn} within families; merged events: {len(merged_groups)}")
    print(f"pairwise merging: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (TP {tp}, FP {fp}, FN {fn})")
    print(f"unscored: {spanning} merged events join different sample articles ({cross} event pairs)")


def growth(source_db: Path, sizes: list[int], tmp: Path) -> None:
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
    window = 200
    with open_store(tmp / "growth.duckdb") as store:
        n = 0
        batch = []
        timings = {}
        t_window, n_window = 0.0, 0
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
                t0 = time.perf_counter()
                store.write_batch(batch)
                spent = time.perf_counter() - t0
                batch = []
                if marks and n > marks[0] - window:
                    t_window += spent
                    n_window += 50
                    if n >= marks[0]:
                        timings[marks[0]] = t_window / n_window * 1000
                        print(f"store at {marks[0]:>6} documents: {timings[marks[0]]:.2f} ms per document "
                              f"(write + merge, mean over the last {n_window})", flush=True)
                        marks.pop(0)
                        t_window, n_window = 0.0, 0
        if batch:
            store.write_batch(batch)
    first, last = min(timings), max(timings)
    print(f"cost at {last} / cost at {first}: {timings[last] / timings[first]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO / "bench" / "data" / "duplicates.jsonl")
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} not found: run scripts/make_duplicates.py first", file=sys.stderr)
        sys.exit(2)
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "merge.duckdb"
        quality(args.corpus, db)
        if args.sizes:
            growth(db, args.sizes, Path(tmp))


if __name__ == "__main__":
    main()
