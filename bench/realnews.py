"""The real-news event gold set: its articles and gold records.

Articles come from three real-news sources the project may use:
- Wikinews articles of the bundled sample corpus (CC BY 2.5, `samples/wikinews/`);
- Wikinews articles with no political event (disasters, accidents, sports, business, science),
  kept in `bench/data/realnews/noevent_articles.jsonl` (CC BY 2.5, attribution in each record);
- Voice of America articles (US-government works) rebuilt from the sentences of
  `shared/data/events/m2e2_dev.jsonl`, so that no VOA text is copied into the repository.

Gold records (`gold-*.jsonl`) follow `GUIDELINE.md`; each article is `dev` or `validation`
(see `split_of`): tune on dev, report validation apart.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import re
from pathlib import Path

from bench.common import shared_data
from eventwire.geodesy import haversine_km

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "data" / "realnews"
WIKINEWS = ROOT / "samples" / "wikinews" / "wikinews.jsonl"
NOEVENT = HERE / "noevent_articles.jsonl"
# Gold made after the coder's rules were written, for sample articles outside the selection,
# by an annotator who never saw the coder's output: scored only, never tuned on or printed.
HELDOUT = HERE / "heldout"
# A second held-out set: Wikinews articles the project never bundled (mostly ordinary news:
# accidents, science, sport), with their text kept beside the gold (CC BY 2.5, attribution in
# each record), annotated blind; scored only, never tuned on or printed.
HELDOUT2 = HERE / "heldout2"
# A third: unbundled Wikinews articles on political news (court, police, government, protest,
# conflict), drawn and annotated the same way.
HELDOUT3 = HERE / "heldout3"
UNBUNDLED = {"heldout2": HELDOUT2, "heldout3": HELDOUT3}
# Gold on news that may not be copied into the repository (agency and newspaper articles) is
# kept outside it, in a folder of the same shape (`articles-*.jsonl`, `gold-*.jsonl`, README)
# named by EVENTWIRE_EXTERNAL_GOLD: the split `external`, scored only like the held-out ones.
if os.environ.get("EVENTWIRE_EXTERNAL_GOLD") and Path(os.environ["EVENTWIRE_EXTERNAL_GOLD"]).is_dir():
    UNBUNDLED["external"] = Path(os.environ["EVENTWIRE_EXTERNAL_GOLD"])
UNBUNDLED_NAMES = ("heldout2", "heldout3", "external")
SEED = 16

# VOA articles picked for the gold set: long enough to be articles (12+ sentences kept by the
# M2E2 release) and reporting political events.
_HEAD_WITH_DATELINE = re.compile(r"^(?P<title>.{3,200}?)\s*-(?P<dateline>[A-Z][A-Z .,'’]{2,60}?)\s*—\s*-\s*")


def _title_like(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[:1].isupper() or not w[:1].isalpha() for w in long) >= 0.8 * len(long)


def wikinews_selection(n: int = 56) -> list[str]:
    ids = sorted(json.loads(line)["id"] for line in WIKINEWS.open(encoding="utf-8"))
    random.Random(SEED).shuffle(ids)
    return sorted(ids[:n])


def voa_article(doc: dict) -> dict:
    """One M2E2 document as an article: title and dateline split from the first sentence."""
    sents = [s["text"] for s in doc["sentences"]]
    first = sents[0]
    # The release joins title, dateline and body with "-" ("Title-CAIRO —\xa0-Body"); without
    # a dateline the title ends at the last "-" with a title on its left and prose on its right.
    title = None
    m = _HEAD_WITH_DATELINE.match(first)
    if m:
        title, first = m.group("title").strip(), f"{m.group('dateline').strip()} — {first[m.end():]}"
    else:
        cuts = [k.start() for k in re.finditer("-", first[:200])
                if not first[k.start() + 1:k.start() + 2].islower() and _title_like(first[:k.start()].split())
                and not _title_like(first[k.start() + 1:].split()[:20])]
        if cuts:
            title, first = first[:cuts[-1]].strip(), first[cuts[-1] + 1:]
    text = " ".join([first.strip()] + [s.strip() for s in sents[1:]])
    y, mo, d = re.match(r"VOA_EN_NW_(\d{4})\.(\d{2})\.(\d{2})", doc["id"]).groups()
    return {"id": doc["id"], "source": "voa", "title": title, "date": f"{y}-{mo}-{d}",
            "url": None, "text": text,
            "license": "public domain (US-government work, Voice of America)"}


def voa_selection(docs: list[dict], n: int = 25) -> list[str]:
    wanted = {"Conflict:Attack", "Conflict:Demonstrate", "Justice:Arrest-Jail", "Contact:Meet"}
    picked = []
    for doc in sorted(docs, key=lambda d: d["id"]):
        sents = doc["sentences"]
        kinds = sum(1 for s in sents for e in s["events"] if e["type"] in wanted)
        if len(sents) >= 12 and kinds >= 2:
            picked.append(doc["id"])
    random.Random(SEED).shuffle(picked)
    return sorted(picked[:n])


def load_articles() -> dict[str, dict]:
    """Every article of the gold set by id (VOA ones only when shared data is present)."""
    out: dict[str, dict] = {}
    chosen = set(wikinews_selection()) | heldout_ids()
    for line in WIKINEWS.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] in chosen:
            out[rec["id"]] = {"id": rec["id"], "source": "wikinews", "title": rec.get("title"),
                              "date": rec["date"], "url": rec.get("url"), "text": rec["text"],
                              "license": "CC BY 2.5 (Wikinews)"}
    if NOEVENT.exists():
        for line in NOEVENT.open(encoding="utf-8"):
            rec = json.loads(line)
            out[rec["id"]] = dict(rec, source="wikinews-noevent")
    for folder in UNBUNDLED.values():
        for rec in _gold_lines(folder.glob("articles-*.jsonl")):
            out[rec["id"]] = dict(rec, source=rec.get("source") or "wikinews-unbundled")
    m2e2 = shared_data() / "events" / "m2e2_dev.jsonl" if shared_data() else None
    if m2e2 is not None and m2e2.exists():
        docs = [json.loads(line) for line in m2e2.open(encoding="utf-8")]
        keep = set(voa_selection(docs))
        for doc in docs:
            if doc["id"] in keep:
                out[doc["id"]] = voa_article(doc)
    return out


def split_of(article_id: str) -> str:
    """A fixed quarter of the articles is kept apart for validation (by hash of the id); the
    held-out gold is its own split."""
    if article_id in heldout_ids():
        return "heldout"
    for split in UNBUNDLED:
        if article_id in unbundled_ids(split):
            return split
    return "validation" if hashlib.sha256(article_id.encode()).digest()[0] < 64 else "dev"


def _gold_lines(paths) -> list[dict]:
    return [json.loads(line) for path in sorted(paths)
            for line in path.open(encoding="utf-8") if line.strip()]


@functools.lru_cache(maxsize=1)
def heldout_ids() -> frozenset[str]:
    return frozenset(rec["id"] for rec in _gold_lines(HELDOUT.glob("gold-*.jsonl")))


@functools.lru_cache(maxsize=None)
def unbundled_ids(split: str) -> frozenset[str]:
    return frozenset(rec["id"] for rec in _gold_lines(UNBUNDLED[split].glob("gold-*.jsonl")))


@functools.lru_cache(maxsize=1)
def gold_ids() -> frozenset[str]:
    """Ids of every article with gold (dev, validation and held-out)."""
    return frozenset(load_gold())


def load_gold() -> dict[str, dict]:
    """Gold records by article id (first annotator's files `gold-*.jsonl`, then the held-out
    files `heldout*/gold-*.jsonl`)."""
    return {rec["id"]: rec for rec in _gold_lines([*HERE.glob("gold-*.jsonl"), *HELDOUT.glob("gold-*.jsonl"),
                                                   *(p for d in UNBUNDLED.values() for p in d.glob("gold-*.jsonl"))])}


if __name__ == "__main__":
    import sys

    arts = load_articles()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("articles.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for a in sorted(arts.values(), key=lambda a: a["id"]):
            fh.write(json.dumps(dict(a, split=split_of(a["id"])), ensure_ascii=False) + "\n")
    print(len(arts), "articles written to", out)


# ---------------------------------------------------------------- scoring ("fully right")

def _gold_spans(g: dict) -> list[tuple[int, int]]:
    return [(m["start"], m["end"]) for m in [g["evidence"], *g.get("mentions", [])]]


def _pred_spans(p) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in [p.evidence, *getattr(p, "mentions", [])]]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _side_right(gold_side: dict | None, pred_side, sector: bool = True) -> bool:
    if gold_side is None:
        return pred_side is None
    if pred_side is None:
        return False
    for g in [gold_side, *gold_side.get("also", [])]:
        if pred_side.country == g.get("country") and (
                not sector or not g.get("sector") or pred_side.sector == g.get("sector")):
            return True
    return False


def _date_right(g: dict, p) -> bool:
    accepted = [g.get("date")] + list(g.get("date_alt") or [])
    return p.date in accepted


# A place the coder took from the event's paragraph or from the document's focus (`from`
# paragraph/document) is a guess the record flags as such, not a place the text states for
# the event. GUIDELINE.md section 7 gives the paragraph's place when the event clearly
# happened there, else null: so such a place is right when it is the gold place, and where
# the gold says null it claims nothing (scored as no place). `place_as_is` scores every
# place at face value, flags ignored.
CONTEXT_PLACE_ORIGINS = ("paragraph", "document")


def _same_place(gp: dict, pp) -> bool:
    if pp.lat is not None and gp.get("lat") is not None and \
            haversine_km(pp.lat, pp.lon, gp["lat"], gp["lon"]) <= 25:
        return True
    return gp.get("feature") in ("country", "admin1", "admin2", "region") and \
        pp.country == gp.get("country") and pp.name.lower() == str(gp.get("name", "")).lower()


def _place_right(g: dict, p, as_is: bool = False) -> bool:
    gp, pp = g.get("place"), p.place
    if gp is None:
        return pp is None or not as_is and getattr(pp, "from_", None) in CONTEXT_PLACE_ORIGINS
    return pp is not None and _same_place(gp, pp)


FIELDS = ("category", "source", "target", "source_country", "target_country", "date", "place",
          "place_as_is", "modality", "acled_type")
# The fields a fully right event has right (the output contract's who, what, when, where, whether).
FULLY_RIGHT_FIELDS = ("category", "source", "target", "date", "place", "modality")


def _closeness(p, g: dict) -> int:
    """How directly two overlapping events meet: 0 the coded event's own evidence on the gold's
    own evidence, 1 either one's evidence on a mention of the other, 2 only mentions on mentions
    (a coded event merged from several sentences, a gold event told again)."""
    pe, ge = [(p.evidence.start, p.evidence.end)], [(g["evidence"]["start"], g["evidence"]["end"])]
    if _overlap(pe, ge):
        return 0
    return 1 if _overlap(pe, _gold_spans(g)) or _overlap(_pred_spans(p), ge) else 2


def pair_events(preds: list, golds: list[dict]) -> tuple[dict[int, int], set[int]]:
    """Coded events matched one-to-one to gold events: {coded index: gold index}, and the coded
    events that had any candidate. Candidate pairs, best first: spans overlapping with the same
    category, then with another category, then the same category in the coded event's sentence;
    among overlapping pairs the more direct meeting first (`_closeness`), so that an event whose
    merged mentions reach another gold event does not take it from the event told there."""
    cands = []
    for i, p in enumerate(preds):
        ps = _pred_spans(p)
        sent = [(p.sentence.start, p.sentence.end)]
        for j, g in enumerate(golds):
            gs = _gold_spans(g)
            same_cat = p.category == g["category"]
            if _overlap(ps, gs):
                cands.append((0 if same_cat else 1, _closeness(p, g), i, j))
            elif same_cat and _overlap(sent, gs):
                cands.append((2, 0, i, j))
    cands.sort()
    pmatch: dict[int, int] = {}
    gmatch: dict[int, int] = {}
    for _, _, i, j in cands:
        if i not in pmatch and j not in gmatch:
            pmatch[i], gmatch[j] = j, i
    return pmatch, {i for _, _, i, _ in cands}


def score_article(article: dict, gold: dict, record) -> dict:
    """Counts for one article: system events matched one-to-one to gold events by their
    spans (evidence and mentions; the sentence when the category agrees), then judged."""
    from collections import Counter

    c: Counter = Counter()
    preds = list(getattr(record, "events", []) or [])
    golds = list(gold.get("events", []))
    # A coded event on a generic, habitual, historical or ongoing statement is background; one on
    # a happening with no political actor (a fire, a crash: kind "non-political") is invented.
    non_events = [(n["start"], n["end"]) for n in gold.get("non_events", []) if n.get("kind") != "non-political"]
    c["articles"] += 1
    c["gold_asserted"] += sum(1 for g in golds if g["modality"] == "asserted" and not g.get("background"))
    c["gold_background"] += sum(1 for g in golds if g.get("background"))
    asserted = [p for p in preds if p.modality == "asserted"]
    c["pred_asserted"] += len(asserted)
    if gold.get("no_political_event"):
        c["noevent_articles"] += 1
        c["noevent_articles_with_event"] += bool(asserted)
        c["noevent_invented"] += len(asserted)
    pmatch, would_match = pair_events(preds, golds)
    current = [g for g in golds if g["modality"] == "asserted" and not g.get("background")]
    for i, p in enumerate(preds):
        if p.modality != "asserted":
            continue
        # one coded event telling two or more gold events of its category: mentions of
        # different happenings merged into one, which loses events without costing precision
        told = sum(1 for g in current if g["category"] == p.category and _overlap(_pred_spans(p), _gold_spans(g)))
        c["over_merged"] += told >= 2
        if i in pmatch:
            g = golds[pmatch[i]]
            if g.get("background"):
                c["pred_on_background_gold"] += 1
                continue
            c["tp"] += 1
            c["tp_gold_asserted"] += g["modality"] == "asserted"
            right = {
                "category": p.category == g["category"],
                "source": _side_right(g.get("source"), p.source),
                "target": _side_right(g.get("target"), p.target),
                "source_country": _side_right(g.get("source"), p.source, sector=False),
                "target_country": _side_right(g.get("target"), p.target, sector=False),
                "date": _date_right(g, p),
                "place": _place_right(g, p),
                "place_as_is": _place_right(g, p, as_is=True),
                "modality": g["modality"] == "asserted",
                "acled_type": p.acled_event_type == g.get("acled_event_type"),
            }
            for k, ok in right.items():
                c[f"right_{k}"] += ok
            wrong = [k for k in FULLY_RIGHT_FIELDS if not right[k]]
            if len(wrong) == 1:
                c[f"only_wrong_{wrong[0]}"] += 1
            if not wrong:
                c["fully_right"] += 1
                if g["modality"] == "asserted":
                    c["fully_right_gold"] += 1
            continue
        c["fp_" + unmatched_as(i, p, would_match, non_events)] += 1
    return c


def unmatched_as(i: int, p, would_match: set[int], non_events: list[tuple[int, int]]) -> str:
    """What coded event ``p`` (index ``i``), matched to no gold event, is: "background" (its
    evidence lies in a generic, habitual, historical or ongoing statement), "duplicate" (its
    spans or sentence reach a gold event another coded event took: one happening coded twice),
    or "invented". ``would_match``: the coded events with a candidate (`pair_events`)."""
    if any(s <= p.evidence.start and p.evidence.end <= e for s, e in non_events):
        return "background"
    return "duplicate" if i in would_match else "invented"


def print_report(c, label: str) -> None:
    n = max(c["pred_asserted"] - c["pred_on_background_gold"], 1)
    tp = max(c["tp"], 1)
    print(f"-- {label}: {c['articles']} articles, {c['gold_asserted']} gold asserted events "
          f"(+{c['gold_background']} background), {c['pred_asserted']} asserted events coded")
    print(f"   event precision (matched a gold event): {c['tp'] / n:.3f}   event recall (gold asserted "
          f"events matched): {c['tp_gold_asserted'] / max(c['gold_asserted'], 1):.3f}")
    print(f"   fully-right precision: {c['fully_right'] / n:.3f}   fully-right recall: "
          f"{c['fully_right_gold'] / max(c['gold_asserted'], 1):.3f}")
    print("   per-field precision on matched events: " + ", ".join(
        f"{k} {c['right_' + k] / tp:.3f}" for k in FIELDS))
    # which one field stands between a matched event and a fully right one: where a fix pays first
    print("   matched events wrong in one field only: " + ", ".join(
        f"{k} {c['only_wrong_' + k]}" for k in FULLY_RIGHT_FIELDS) + f" (of {c['tp']} matched)")
    print(f"   duplicates {c['fp_duplicate'] / n:.3f}, background-as-event {c['fp_background'] / n:.3f}, "
          f"invented {c['fp_invented'] / n:.3f} (share of asserted events)")
    print(f"   over-merged: {c['over_merged']} asserted events each telling two or more gold events of "
          f"its category ({c['over_merged'] / n:.3f})")
    if c["noevent_articles"]:
        print(f"   no-event articles with an asserted event: {c['noevent_articles_with_event']}/"
              f"{c['noevent_articles']} ({c['noevent_articles_with_event'] / c['noevent_articles']:.3f}); "
              f"invented events per no-event article {c['noevent_invented'] / c['noevent_articles']:.2f}")


# ---------------------------------------------------------------- inter-annotator agreement

def agreement(path: Path = HERE / "agreement-B.jsonl") -> None:
    """A second annotator's file (``agreement-B.jsonl``; ``heldout3/agreement-H6.jsonl``) against the
    gold (the first annotators' files) on the articles both annotated: events matched one-to-one by overlapping spans (same category first), F1 of
    asserted non-background events, and field agreement on matched events (the scorer's rules)."""
    from collections import Counter

    first = load_gold()
    if not path.exists():
        print(f"no {path.name}; nothing measured")
        return
    second = {json.loads(line)["id"]: json.loads(line) for line in path.open(encoding="utf-8") if line.strip()}
    c: Counter = Counter()

    class _Side:   # the scorer's side test reads attributes
        def __init__(self, d):
            self.country, self.sector = d.get("country"), d.get("sector")

    class _Place:
        def __init__(self, d):
            self.lat, self.lon, self.country, self.name = d.get("lat"), d.get("lon"), d.get("country"), d.get("name", "")

    for doc_id, b in second.items():
        a = first.get(doc_id)
        if a is None:
            continue
        c["articles"] += 1
        ga = [e for e in a["events"] if e["modality"] == "asserted" and not e.get("background")]
        gb = [e for e in b["events"] if e["modality"] == "asserted" and not e.get("background")]
        c["a"] += len(ga)
        c["b"] += len(gb)
        c["no_event_same"] += bool(a.get("no_political_event")) == bool(b.get("no_political_event"))
        cands = []
        for i, x in enumerate(gb):
            for j, y in enumerate(ga):
                if _overlap(_gold_spans(x), _gold_spans(y)):
                    cands.append((0 if x["category"] == y["category"] else 1, i, j))
        cands.sort()
        used_a, used_b = set(), set()
        for _, i, j in cands:
            if i in used_b or j in used_a:
                continue
            used_b.add(i)
            used_a.add(j)
            x, y = gb[i], ga[j]
            c["matched"] += 1
            c["category"] += x["category"] == y["category"]
            for side in ("source", "target"):
                xs = x.get(side)
                c[side] += _side_right(y.get(side), _Side(xs) if xs else None)
                c[side + "_country"] += _side_right(y.get(side), _Side(xs) if xs else None, sector=False)

            class _P:
                date = x.get("date")
                place = _Place(x["place"]) if x.get("place") else None
            c["date"] += _date_right(y, _P)
            c["place"] += _place_right(y, _P)
    m = max(c["matched"], 1)
    p, r = c["matched"] / max(c["b"], 1), c["matched"] / max(c["a"], 1)
    print(f"== inter-annotator agreement ({path.relative_to(HERE)}): {c['articles']} articles annotated twice; first annotators "
          f"{c['a']} asserted events, second {c['b']}")
    print(f"   event match (spans overlap): precision {p:.3f}, recall {r:.3f}, F1 {2 * p * r / max(p + r, 1e-9):.3f}")
    print("   on matched events: " + ", ".join(f"{k} {c[k] / m:.3f}" for k in (
        "category", "source", "target", "source_country", "target_country", "date", "place")))
    print(f"   same no-political-event verdict: {c['no_event_same']}/{c['articles']}")
