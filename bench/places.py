"""Places benchmark: toponym recognition and resolution on LGL, TR-News and GeoWebNews,
and the place of the event on real news sentences (event_location_dev).

    EVENTWIRE_SHARED_DATA=../shared/data python bench/places.py [--limit N] [--corpus lgl]
        [--part geo|events|both] [--events-limit N] [--events-cache FILE]

Prints recognition precision/recall/F1 and, on matched toponyms, accuracy within 161 km,
median and mean error (km), acc@161 over all gold toponyms, per corpus and overall, and
documents per second of the places stage (after the spaCy parse). The same figures follow
for the floor: the population heuristic (most populous gazetteer match of each recognized
name, no context). Matching follows the corpus README: overlapping spans, one to one.
Then the gold-span mode: resolution given the gold names (comparable in kind with the
figure Mordecai3 reports), where acc161 is over the names that have any reading and
acc_all over all gold names. Each row is given for the whole file, its development part
(``/dev``) and its validation part (``/val``: one article in five by ``sha1(id) % 5 == 0``,
whose errors ``--errors`` does not list; issue 17's third round kept it apart, earlier
rounds had looked at the whole file). ``--kinds`` counts the geoparsing errors by kind on both
parts (names missed: no gazetteer reading, or a reading under which tag; names resolved more than
161 km off: whether any reading lies within 161 km), counts only, so that a phenomenon is counted
on the development part and its share on the validation part predicted before a rule is written.

Event place (``events/event_location_dev.jsonl``: one sentence and one event verb per record,
with the gold span of the verb's place): for each record with a gold place, the places stage
is asked where the verb's event happened (``places.event_place(sentence, ctx, trigger)``).
It is right when the chosen mention overlaps a gold place span, or resolves to the same
gazetteer place as a mention that does. "Recognised" is the share of those records where the
places stage found a place (or a named site, ``places.named_sites``) overlapping a gold span
at all. The gold has spans, no coordinates, so the share of right places that have no
coordinates (a name nothing in the sentence locates) or only those of the place holding
them (no GeoNames id) is printed beside. Records are split by a hash of
the sentence text: one fifth (``sha1 % 5 == 0``) is kept apart as validation and never looked
at while tuning; both parts are printed. Where a RELABEL record (the author's re-annotation)
exists for a sentence and verb, the other labels of that pair are dropped. A validation
record whose sentence (whitespace folded) is also in the development part is left out. The same measure
follows on the M2E2 events that have an ACE Place argument (``events/m2e2_dev.jsonl``, VOA
news), for all of them and for two parts of the articles as ``bench/events.py`` splits them: a
quarter kept apart (SHA-1 of the article id divisible by 4), scored only, and the read part,
whose wrong places ``--errors`` lists.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import m2e2_part, read_jsonl, require  # noqa: E402
from eventwire.geodesy import haversine_km  # noqa: E402

MAX_KM = 20015.1


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
                errors.append(haversine_km(p["lat"], p["lon"], g["lat"], g["lon"]))
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


def geo_validation(doc_id: str) -> bool:
    """One geoparsing article in five (by hash of its id) is kept apart as validation."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def show(title, docs, predictions):
    print(f"\n{title}")
    print(f"{'corpus':10} {'docs':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'acc161':>7} {'med_km':>8} {'mean_km':>8} {'acc_all':>7}")
    rows = {}
    parts = (("", lambda d: True), ("dev", lambda d: not geo_validation(d["id"])),
             ("val", lambda d: geo_validation(d["id"])))
    for corpus in ("lgl", "trnews", "gwn", "all"):
        for part, keep in parts:
            subset = [d for d in docs if (corpus == "all" or d["corpus"] == corpus) and keep(d)]
            if not subset:
                continue
            name = f"{corpus}/{part}" if part else corpus
            s = rows[name] = score(subset, predictions)
            print(f"{name:10} {s['docs']:5d} {s['gold']:5d} {s['pred']:5d} {s['P']:6.3f} {s['R']:6.3f} "
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


def gold_span_predictions(docs) -> dict:
    """Resolution given the gold names (as Mordecai3 reports it): each gold span becomes a
    mention with the readings the places stage would give it: a demonym its country (when the
    gazetteer knows no well-known place of that name: "Canadian" is Canada, not a hamlet of
    Oklahoma), else its gazetteer readings, else the village index's (exactly or by skeleton),
    and those only in the countries of the document's other places, as the stage admits
    villages. The resolver chooses with the document's other gold names as context. Spans with
    no reading get no prediction."""
    from eventwire.places.gazetteer import gazetteer
    from eventwire.places.recognize import Mention, link_qualifiers, read_county_lists, well_known
    from eventwire.places.resolve import resolve_mentions
    from eventwire.places.villages import villages

    gaz, vil = gazetteer(), villages()
    out = {}
    for d in docs:
        mentions, unlisted = [], []
        for g in d["toponyms"]:
            name = g["text"]
            cands = gaz.lookup(name)
            entry = gaz.demonym(name)
            if entry is not None and not well_known(cands):
                mentions.append(Mention(g["start"], g["end"], name, [(entry, True)], demonym=True))
            elif cands:
                mentions.append(Mention(g["start"], g["end"], name, cands))
            else:
                unlisted.append(g)
        countries = {e.country for m, e in zip(mentions, resolve_mentions(mentions))
                     if e is not None and e.country}
        for g in unlisted:
            cands = [(e, p) for e, p in vil.lookup(g["text"]) or vil.lookup_spelling(g["text"], gaz)
                     if e.country in countries]
            if cands:
                mentions.append(Mention(g["start"], g["end"], g["text"], cands))
        mentions.sort(key=lambda m: m.start)
        read_county_lists(d["text"], gaz, mentions)
        link_qualifiers(d["text"], mentions)
        out[d["id"]] = [{"start": m.start, "end": m.end, "text": m.text, "name": e.name, "country": e.country,
                         "lat": e.lat, "lon": e.lon}
                        for m, e in zip(mentions, resolve_mentions(mentions)) if e is not None]
    return out


def geo_error_kinds(docs, parsed, predictions, title: str) -> dict:
    """What the geoparsing errors are, counted per part (development / validation), so that a
    rule's phenomenon is counted before the rule is written: each gold name not found, by why
    (the gazetteer has no reading of it; it has one and the small model tagged the name ORG,
    PERSON, a place label or nothing; a demonym), and each name resolved more than 161 km off,
    by whether the gazetteer holds a reading within 161 km (none: a corpus point or an unlisted
    place; one in the country we chose: a homonym in another province; one in another
    country), and whether the document names that reading's first-level unit."""
    from eventwire.places.gazetteer import gazetteer

    gaz = gazetteer()
    kinds = {"dev": {}, "val": {}}

    def add(part, kind):
        kinds[part][kind] = kinds[part].get(kind, 0) + 1

    for d, sdoc in zip(docs, parsed):
        part = "val" if geo_validation(d["id"]) else "dev"
        pred = predictions[d["id"]]
        pairs = match(pred, d["toponyms"])
        found = {j for _, j in pairs}
        for j, g in enumerate(d["toponyms"]):
            if j in found:
                continue
            name = g["text"]
            span = sdoc.char_span(g["start"], g["end"], alignment_mode="expand")
            labels = {t.ent_type_ for t in span} - {""} if span is not None else set()
            if gaz.demonym(name) is not None:
                add(part, "missed: demonym")
            elif not gaz.lookup(name):
                add(part, "missed: no gazetteer reading")
            else:
                tag = ("ORG" if "ORG" in labels else "PERSON" if "PERSON" in labels
                       else "place label" if labels & {"GPE", "LOC", "FAC"} else "other label" if labels
                       else None)
                add(part, f"missed: has a reading, tagged {tag}" if tag else "missed: has a reading, untagged")
        named = {p["name"] for p in pred} | {p["text"] for p in pred}
        for i, j in pairs:
            p, g = pred[i], d["toponyms"][j]
            if p.get("lat") is None:
                add(part, "resolved: no point")
                continue
            if haversine_km(p["lat"], p["lon"], g["lat"], g["lon"]) <= 161:
                continue
            right = [c for c, _ in gaz.lookup(g["text"])
                     if haversine_km(c.lat, c.lon, g["lat"], g["lon"]) <= 161]
            if not right:
                add(part, "far: no reading within 161 km (a corpus point, or unlisted)")
                continue
            admin1 = gaz.admin1_name(right[0])
            where = "same country" if right[0].country == p["country"] else "another country"
            told = " (its province named in the document)" if admin1 and admin1 in named and admin1 != g["text"] else ""
            add(part, f"far: a reading within 161 km, {where}{told}")
    show_error_kinds(title, kinds)
    return kinds


# Coarse to fine, for telling whether a wrong event place holds the gold one or lies in it.
_GRAIN = {"region": 0, "country": 0, "admin1": 1, "admin2": 2, "city": 3, "other": 4}


def place_error_kind(p, good) -> str:
    """What kind of wrong event place ``p`` is, given the recognised places ``good`` that
    overlap the gold place: none chosen; the gold place not recognised (ours a country or
    province, or another place); else ours coarser than the gold place (a country or province
    holding it), finer (a town or site in it), of the same grain nearby (within 50 km: a part
    and its town, two parts), of the same grain farther, or in another country; with the step
    ours came from."""
    if p is None or getattr(p, "start", None) is None:
        return "no place chosen"
    origin = getattr(p, "from_", None) or "?"
    if not good:
        coarse = p.feature in ("country", "admin1", "admin2", "region")
        return f"gold place not recognised; ours {'a country or province' if coarse else 'another place'} [{origin}]"
    q = good[0]
    if not q.country or p.country != q.country:
        return f"another country [{origin}]"
    ours, theirs = _GRAIN.get(p.feature or "other", 4), _GRAIN.get(q.feature or "other", 4)
    if ours < theirs:
        return f"ours coarser, same country [{origin}]"
    if ours > theirs:
        return f"ours finer, same country [{origin}]"
    near = p.lat is not None and q.lat is not None and haversine_km(p.lat, p.lon, q.lat, q.lon) <= 50
    return f"same grain, {'within 50 km' if near else 'farther'} [{origin}]"


def show_error_kinds(title: str, kinds: dict) -> None:
    parts = list(kinds)
    print(f"\n{title} ({' / '.join(parts)}; counts only)")
    for kind in sorted(set().union(*[set(k) for k in kinds.values()])):
        print("  " + " ".join(f"{kinds[part].get(kind, 0):4d}" for part in parts) + f"  {kind}")


def event_records(path) -> list[dict]:
    """The event_location records, RELABEL preferred over the other labels of a sentence and verb."""
    recs = read_jsonl(path)
    relabelled = {(r["text"], r["event"]["start"]) for r in recs if r["source"] == "RELABEL"}
    return [r for r in recs if r["source"] == "RELABEL" or (r["text"], r["event"]["start"]) not in relabelled]


def validation_part(text: str) -> bool:
    """One sentence in five (by hash of its text) is kept apart as validation."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def _folded(text: str) -> str:
    return " ".join(text.split())


def _overlaps(a0, a1, spans) -> bool:
    return any(min(a1, g["end"]) > max(a0, g["start"]) for g in spans)


def _key(p):
    return (p.name, p.lat, p.lon)


def _sites(ctx) -> list:
    """The named sites (streets, bases) the places stage offers to event places; none before
    issue 17's second round."""
    try:
        from eventwire.places import named_sites
    except ImportError:
        return []
    return named_sites(ctx)


def m2e2_records(path) -> list[dict]:
    """One record per M2E2 event with a Place argument, in the event_location shape."""
    out = []
    for article in read_jsonl(path):
        part = m2e2_part(article["id"])
        for sent in article["sentences"]:
            for ev in sent["events"]:
                places = [{"start": a["start"], "end": a["end"], "text": a["text"]}
                          for a in ev["arguments"] if a["role"] == "Place"]
                if places:
                    out.append({"id": sent["id"], "source": "m2e2", "text": sent["text"], "part": part,
                                "type": ev["type"], "event": ev["trigger"], "places": places})
    return out


def bench_m2e2(nlp, show_errors: bool = False, show_kinds: bool = False) -> dict:
    """Event place on M2E2 (VOA news, ACE Place arguments), for all events and for the two
    parts of the articles: the read part, whose errors ``--errors`` lists, and the quarter kept
    apart, scored only."""
    from eventwire.context import DocContext
    from eventwire.document import Document
    from eventwire.places import event_place, find_places

    recs = m2e2_records(require("events/m2e2_dev.jsonl"))
    texts = sorted({r["text"] for r in recs})
    by_text = dict(zip(texts, nlp.pipe(texts, batch_size=256)))
    counts = {part: {"events": 0, "right": 0, "recognised": 0, "unlocated": 0}
              for part in ("all", "read", "kept apart")}
    errors = []
    kinds = {"read": {}, "kept apart": {}}
    for r in recs:
        sdoc = by_text[r["text"]]
        ctx = DocContext(document=Document(id="s", text=r["text"]))
        ctx.places = find_places(sdoc, ctx)
        span = sdoc.char_span(r["event"]["start"], r["event"]["end"], alignment_mode="expand")
        trigger = span.root
        try:
            p = event_place(trigger.sent, ctx, trigger)
        except TypeError:       # the stage before issue 17 took no trigger
            p = event_place(trigger.sent, ctx)
        gold = r["places"]
        good = [q for q in ctx.places + _sites(ctx) if _overlaps(q.start, q.end, gold)]
        hit = p is not None and getattr(p, "start", None) is not None and (
            _overlaps(p.start, p.end, gold) or _key(p) in {_key(q) for q in good})
        for part in ("all", r["part"]):
            c = counts[part]
            c["events"] += 1
            c["recognised"] += bool(good)
            c["right"] += hit
            c["unlocated"] += hit and p.lat is None
        if not hit:
            kind = place_error_kind(p, good)
            kinds[r["part"]][kind] = kinds[r["part"]].get(kind, 0) + 1
        if not hit and r["part"] == "read":
            errors.append((r, p, bool(good)))
    out = {}
    for part, c in counts.items():
        n = c["events"]
        out[part] = {"events": n, "right": c["right"] / n if n else 0.0,
                     "recognised": c["recognised"] / n if n else 0.0,
                     "right_unlocated": c["unlocated"] / n if n else 0.0}
    print("\nevent place (m2e2_dev, ACE Place arguments; the kept-apart quarter scored only):")
    for part, o in out.items():
        print(f"  {part:10} {o['events']:4d} events, right {o['right']:.3f} (of which with no "
              f"coordinates {o['right_unlocated']:.3f}), place recognised {o['recognised']:.3f}")
    if show_kinds:
        show_error_kinds("m2e2: wrong event places by kind", kinds)
        out["error_kinds"] = kinds
    if show_errors:
        for r, p, recog in errors:
            g = ", ".join(x["text"] for x in r["places"])
            got = f"{p.name} [{getattr(p, 'from_', '?')}] {r['text'][p.start:p.end]!r}" if p is not None and \
                getattr(p, "start", None) is not None else "-"
            print(f"  {'R' if recog else 'u'} {r['type']:22} {r['event']['text']!r:14} gold {g!r:24} got {got}"
                  f"  | {r['text'][:200]}")
    return out


def bench_events(args, nlp) -> dict:
    """Event-place accuracy on event_location_dev, development and validation parts."""
    from spacy.tokens import DocBin

    from eventwire.context import DocContext
    from eventwire.document import Document
    from eventwire.places import event_place, find_places

    recs = event_records(require("events/event_location_dev.jsonl"))
    if args.events_limit:
        recs = recs[: args.events_limit]
    texts = sorted({r["text"] for r in recs})
    cache = Path(args.events_cache) if args.events_cache and not args.events_limit else None
    parsed = None
    t0 = time.perf_counter()
    if cache and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(parsed) != len(texts):
            parsed = None
    if parsed is None:
        parsed = list(nlp.pipe(texts, batch_size=256))
        if cache:
            DocBin(store_user_data=False, docs=parsed).to_disk(cache)
    parse_s = time.perf_counter() - t0
    by_text = dict(zip(texts, parsed))
    contexts = {}
    t0 = time.perf_counter()
    for text, sdoc in by_text.items():
        ctx = DocContext(document=Document(id="s", text=text))
        ctx.places = find_places(sdoc, ctx)
        contexts[text] = ctx
    stage_s = time.perf_counter() - t0
    counts = {part: {"records": 0, "with_place": 0, "recognised": 0, "right": 0, "none_right": 0,
                     "right_unlocated": 0, "right_by_holder": 0,
                     "from": {}} for part in ("dev", "validation")}
    errors = []
    kinds = {"dev": {}, "validation": {}}
    # the file holds some sentences twice with different spacing: a validation sentence whose
    # twin is in the development part is left out of both figures
    dev_texts = {_folded(r["text"]) for r in recs if not validation_part(r["text"])}
    twins = 0
    for r in recs:
        part = "validation" if validation_part(r["text"]) else "dev"
        if part == "validation" and _folded(r["text"]) in dev_texts:
            twins += 1
            continue
        c = counts[part]
        c["records"] += 1
        sdoc, ctx = by_text[r["text"]], contexts[r["text"]]
        span = sdoc.char_span(r["event"]["start"], r["event"]["end"], alignment_mode="expand")
        trigger = span.root
        sent = trigger.sent
        try:
            p = event_place(sent, ctx, trigger)
        except TypeError:       # the stage before issue 17 took no trigger
            p = event_place(sent, ctx)
        origin = getattr(p, "from_", None) or ("none" if p is None else "?")
        gold = r["places"]
        if not gold:
            c["none_right"] += p is None or getattr(p, "start", None) is None
            continue
        c["with_place"] += 1
        good = [q for q in ctx.places + _sites(ctx) if _overlaps(q.start, q.end, gold)]
        c["recognised"] += bool(good)
        right = p is not None and getattr(p, "start", None) is not None and (
            _overlaps(p.start, p.end, gold) or _key(p) in {_key(q) for q in good})
        c["right"] += right
        if right:
            # right by its span, but with no coordinates, or with those of the place holding it
            c["right_unlocated"] += p.lat is None
            c["right_by_holder"] += p.lat is not None and p.geonameid is None
        f = c["from"].setdefault(origin, [0, 0])
        f[0] += 1
        f[1] += right
        if not right:
            kind = place_error_kind(p, good)
            kinds[part][kind] = kinds[part].get(kind, 0) + 1
        if not right and part == "dev":
            errors.append((r, p, bool(good), kind))
    print(f"\nevent place (event_location_dev): {len(texts)} sentences parsed in {parse_s:.1f} s, "
          f"places stage {stage_s:.1f} s; {twins} validation records left out (their sentence, "
          f"spaced otherwise, is in the development part)")
    print(f"{'part':11} {'records':>7} {'w/place':>7} {'right':>6} {'recog':>6} {'no-place ok':>11}  by origin (n, right)")
    out = {}
    for part, c in counts.items():
        n = c["with_place"]
        none_n = c["records"] - n
        out[part] = {"records": c["records"], "with_place": n,
                     "right": c["right"] / n if n else 0.0,
                     "recognised": c["recognised"] / n if n else 0.0,
                     "no_place_none": c["none_right"] / none_n if none_n else 0.0,
                     "right_unlocated": c["right_unlocated"] / n if n else 0.0,
                     "right_by_holder": c["right_by_holder"] / n if n else 0.0,
                     "from": {k: v for k, v in sorted(c["from"].items())}}
        origins = ", ".join(f"{k} {v[0]} ({v[1] / v[0]:.2f})" for k, v in sorted(c["from"].items()))
        print(f"{part:11} {c['records']:7d} {n:7d} {out[part]['right']:6.3f} {out[part]['recognised']:6.3f} "
              f"{out[part]['no_place_none']:11.3f}  {origins}")
    for part in counts:
        print(f"{part}: of the records with a place, right with no coordinates "
              f"{out[part]['right_unlocated']:.3f}, right at the point of the place holding it (no "
              f"GeoNames id) {out[part]['right_by_holder']:.3f}")
    if args.kinds:
        show_error_kinds("event_location: wrong event places by kind", kinds)
        out["error_kinds"] = kinds
    if args.errors:
        for r, p, recog, kind in errors:
            g = ", ".join(x["text"] for x in r["places"])
            got = f"{p.name} [{getattr(p, 'from_', '?')}] {r['text'][p.start:p.end]!r}" if p is not None and \
                getattr(p, "start", None) is not None else "-"
            print(f"  {'R' if recog else 'u'} {r['event']['text']!r:14} gold {g!r:24} got {got}  | {r['text'][:160]}"
                  + (f"  <{kind}>" if args.kinds else ""))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="first N documents only")
    ap.add_argument("--corpus", default=None, help="lgl, trnews or gwn only")
    ap.add_argument("--cache", default=None, help="DocBin file to keep the spaCy parses in")
    ap.add_argument("--errors", action="store_true", help="print resolution errors > 161 km "
                    "and wrong event places (development part)")
    ap.add_argument("--part", choices=("geo", "events", "both"), default="both",
                    help="geoparsing (geo/dev.jsonl), event place (event_location_dev) or both")
    ap.add_argument("--kinds", action="store_true", help="count the errors by kind on every part, "
                    "the kept-apart ones too (counts only): geoparsing misses and far resolutions, "
                    "wrong event places")
    ap.add_argument("--events-limit", type=int, default=0, help="first N event records only")
    ap.add_argument("--events-cache", default=None, help="DocBin file to keep the event sentences' parses in")
    args = ap.parse_args()
    if args.part == "events":
        from eventwire.nlp import load_nlp
        nlp = load_nlp()
        print(json.dumps({"event_place": bench_events(args, nlp), "event_place_m2e2": bench_m2e2(nlp, args.errors, args.kinds)}))
        return

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
    gold_predictions = gold_span_predictions(docs)
    gold_rows = show("gold spans: resolution given the gold names (R = share of names with a reading)",
                     docs, gold_predictions)
    if args.errors:
        for d in docs:
            if geo_validation(d["id"]):
                continue    # the validation part's errors are not listed
            pred = predictions[d["id"]]
            for i, j in match(pred, d["toponyms"]):
                p, g = pred[i], d["toponyms"][j]
                km = haversine_km(p["lat"], p["lon"], g["lat"], g["lon"])
                if km > 161:
                    print(f"{d['id']:18} {g['text']!r:28} -> {p['name']} ({p['feature']}, {p['country']}) {km:.0f} km")
    summary = {"places": rows, "floor": floor_rows, "gold_spans": gold_rows}
    if args.kinds:
        summary["error_kinds"] = geo_error_kinds(
            docs, parsed, predictions, "geoparsing: names missed, and names resolved > 161 km off, by kind")
        summary["gold_span_error_kinds"] = geo_error_kinds(
            docs, parsed, gold_predictions, "gold spans: names with no reading, and names resolved > 161 km off")
    if args.part == "both":
        summary["event_place"] = bench_events(args, nlp)
        summary["event_place_m2e2"] = bench_m2e2(nlp, args.errors, args.kinds)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
