"""Places benchmark: toponym recognition and resolution on LGL, TR-News and GeoWebNews.

    EVENTWIRE_SHARED_DATA=../shared/data python bench/places.py [--limit N] [--corpus lgl]

Prints recognition precision/recall/F1 and, on matched toponyms, accuracy within 161 km,
median and mean error (km), acc@161 over all gold toponyms, per corpus and overall, and
documents per second of the places stage (after the spaCy parse). The same figures follow
for the floor: the population heuristic (most populous gazetteer match of each recognized
name, no context). Matching follows the corpus README: overlapping spans, one to one.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import read_jsonl, require  # noqa: E402

MAX_KM = 20015.1


def haversine(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def match(pred, gold):
    """Maximum one-to-one matching of overlapping spans; exact pairs, larger overlaps,
    closer starts preferred (greedy in that order, then augmenting paths)."""
    edges = {}
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if ov > 0:
                exact = p["start"] == g["start"] and p["end"] == g["end"]
                edges.setdefault(i, []).append(((not exact, -ov, abs(p["start"] - g["start"])), j))
    for i in edges:
        edges[i].sort()
    gold_of = {}
    pred_of = {}
    order = sorted(((e[0], i, e[1]) for i, es in edges.items() for e in es))
    for _, i, j in order:
        if i not in pred_of and j not in gold_of:
            pred_of[i], gold_of[j] = j, i

    def augment(i, seen):
        for _, j in edges.get(i, ()):
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_of or augment(gold_of[j], seen):
                gold_of[j], pred_of[i] = i, j
                return True
        return False

    for i in edges:
        if i not in pred_of:
            augment(i, set())
    return [(i, j) for i, j in pred_of.items()]


def score(docs, predictions):
    n_pred = n_gold = 0
    errors = []
    for d in docs:
        pred = predictions.get(d["id"], [])
        gold = d["toponyms"]
        n_pred += len(pred)
        n_gold += len(gold)
        for i, j in match(pred, gold):
            p, g = pred[i], gold[j]
            if p.get("lat") is None or p.get("lon") is None:
                errors.append(MAX_KM)
            else:
                errors.append(haversine(p["lat"], p["lon"], g["lat"], g["lon"]))
    m = len(errors)
    prec = m / n_pred if n_pred else 0.0
    rec = m / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    within = sum(e <= 161 for e in errors)
    return {"docs": len(docs), "gold": n_gold, "pred": n_pred, "matched": m,
            "P": prec, "R": rec, "F1": f1,
            "acc161": within / m if m else 0.0,
            "median_km": statistics.median(errors) if errors else None,
            "mean_km": statistics.fmean(errors) if errors else None,
            "acc161_all_gold": within / n_gold if n_gold else 0.0}


def show(title, docs, predictions):
    print(f"\n{title}")
    print(f"{'corpus':8} {'docs':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'acc161':>7} {'med_km':>8} {'mean_km':>8} {'acc_all':>7}")
    rows = {}
    for corpus in ("lgl", "trnews", "gwn", "all"):
        subset = [d for d in docs if corpus == "all" or d["corpus"] == corpus]
        if not subset:
            continue
        s = rows[corpus] = score(subset, predictions)
        print(f"{corpus:8} {s['docs']:5d} {s['gold']:5d} {s['pred']:5d} {s['P']:6.3f} {s['R']:6.3f} "
              f"{s['F1']:6.3f} {s['acc161']:7.3f} {s['median_km'] or 0:8.1f} {s['mean_km'] or 0:8.1f} "
              f"{s['acc161_all_gold']:7.3f}")
    return rows


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux), 0 where unknown."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="first N documents only")
    ap.add_argument("--corpus", default=None, help="lgl, trnews or gwn only")
    ap.add_argument("--cache", default=None, help="DocBin file to keep the spaCy parses in")
    ap.add_argument("--errors", action="store_true", help="print resolution errors > 161 km")
    args = ap.parse_args()

    docs = read_jsonl(require("geo/dev.jsonl"))
    if args.corpus:
        docs = [d for d in docs if d["corpus"] == args.corpus]
    if args.limit:
        docs = docs[: args.limit]

    from spacy.tokens import DocBin

    from eventwire.context import DocContext
    from eventwire.document import Document
    from eventwire.nlp import load_nlp
    from eventwire.places import find_places
    from eventwire.places.gazetteer import gazetteer
    from eventwire.places.recognize import recognize_toponyms

    rss0 = _rss_mb()
    t0 = time.perf_counter()
    gaz = gazetteer()
    load_s = time.perf_counter() - t0
    gaz_mb = _rss_mb() - rss0
    nlp = load_nlp()
    # the cache holds the parses of the whole file only (no --limit / --corpus)
    cache = Path(args.cache) if args.cache and not (args.limit or args.corpus) else None
    if cache and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(parsed) != len(docs):
            parsed = None
    else:
        parsed = None
    t0 = time.perf_counter()
    if parsed is None:
        parsed = list(nlp.pipe(d["text"] for d in docs))
        if cache:
            DocBin(store_user_data=False, docs=parsed).to_disk(cache)
    parse_s = time.perf_counter() - t0

    predictions, floor = {}, {}
    t0 = time.perf_counter()
    for d, sdoc in zip(docs, parsed):
        ctx = DocContext(document=Document(id=d["id"], text=d["text"]))
        predictions[d["id"]] = [p.model_dump() for p in find_places(sdoc, ctx)]
    stage_s = time.perf_counter() - t0
    for d, sdoc in zip(docs, parsed):
        out = []
        for m in recognize_toponyms(sdoc, gaz):
            best = max((e for e, _ in m.candidates), key=lambda e: e.population, default=None)
            if best is not None:
                out.append({"start": m.start, "end": m.end, "lat": best.lat, "lon": best.lon})
        floor[d["id"]] = out

    print(f"gazetteer load {load_s:.2f} s, resident {gaz_mb:.0f} MB; spaCy parse {parse_s:.1f} s; places stage "
          f"{stage_s:.2f} s = {len(docs) / stage_s:.1f} docs/s "
          f"({1000 * stage_s / len(docs):.1f} ms/doc); with parse {len(docs) / (stage_s + parse_s):.1f} docs/s")
    rows = show("eventwire places", docs, predictions)
    floor_rows = show("floor: population heuristic (same recognizer, most populous match)", docs, floor)
    if args.errors:
        for d in docs:
            pred = predictions[d["id"]]
            for i, j in match(pred, d["toponyms"]):
                p, g = pred[i], d["toponyms"][j]
                km = haversine(p["lat"], p["lon"], g["lat"], g["lon"])
                if km > 161:
                    print(f"{d['id']:18} {g['text']!r:28} -> {p['name']} ({p['feature']}, {p['country']}) {km:.0f} km")
    print(json.dumps({"places": rows, "floor": floor_rows}))


if __name__ == "__main__":
    main()
