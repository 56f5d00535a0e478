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

import hashlib
import json
import random
import re
from pathlib import Path

from bench.common import shared_data

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "data" / "realnews"
WIKINEWS = ROOT / "samples" / "wikinews" / "wikinews.jsonl"
NOEVENT = HERE / "noevent_articles.jsonl"
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
    chosen = set(wikinews_selection())
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
    m2e2 = shared_data() / "events" / "m2e2_dev.jsonl" if shared_data() else None
    if m2e2 is not None and m2e2.exists():
        docs = [json.loads(line) for line in m2e2.open(encoding="utf-8")]
        keep = set(voa_selection(docs))
        for doc in docs:
            if doc["id"] in keep:
                out[doc["id"]] = voa_article(doc)
    return out


def split_of(article_id: str) -> str:
    """A fixed quarter of the articles is kept apart for validation (by hash of the id)."""
    return "validation" if hashlib.sha256(article_id.encode()).digest()[0] < 64 else "dev"


def load_gold() -> dict[str, dict]:
    """Gold records by article id (first annotator's files `gold-*.jsonl`)."""
    gold: dict[str, dict] = {}
    for path in sorted(HERE.glob("gold-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                rec = json.loads(line)
                gold[rec["id"]] = rec
    return gold


if __name__ == "__main__":
    import sys

    arts = load_articles()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("articles.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for a in sorted(arts.values(), key=lambda a: a["id"]):
            fh.write(json.dumps(dict(a, split=split_of(a["id"])), ensure_ascii=False) + "\n")
    print(len(arts), "articles written to", out)
