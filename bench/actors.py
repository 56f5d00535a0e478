"""Actor coding benchmark: how often we reproduce the gold actor's country and sector.

Data (development only, read from ``$EVENTWIRE_SHARED_DATA``):
- ``events/reports_dev.jsonl``: news-style reports whose events carry gold source/target
  actors (text, country ISO3, sector);
- ``events/plover_gsr.jsonl``: PLOVER gold-standard sentences with CAMEO-style actor codes.

For every gold actor the actors stage runs on the report (after the spaCy parse), the gold
text is located with ``str.find`` and ``actors.actor_at`` is asked for the actor of that span.
Printed: coverage (share of gold actors we find an actor for), country accuracy and sector
accuracy among those found (sector only where the gold has one), and documents per second.

    EVENTWIRE_SHARED_DATA=../shared/data python bench/actors.py [--limit N] [--errors]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench.common import read_jsonl, require  # noqa: E402

GSR_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "ISM": "NGO"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "OPP", "REB", "UAF", "PTY", "AGR", "BUS", "CRM",
           "CVL", "EDU", "ELI", "LAB", "LEG", "MED", "REF", "IGO", "NGO", "HLH"}
SECTOR_ALIASES = {"CIV": "CVL", "INS": "REB", "SEP": "REB"}
# PLOVER's sector names differ from CAMEO's in two places: PLOVER MED is health (CAMEO HLH)
# and PLOVER JRN is media (CAMEO MED). The GSR is written in PLOVER's.
PLOVER_SECTORS = {"MED": "HLH", "JRN": "MED"}


def gold_reports(path: Path):
    for rec in read_jsonl(path):
        actors = {}
        for ev in rec["events"]:
            for side in ("source", "target"):
                a = ev.get(side)
                if a and a.get("text"):
                    actors[(a["text"], a["country"], a["sector"])] = a
        yield {"id": rec["id"], "text": rec["text"], "date": rec.get("pub_date"),
               "style": rec.get("style"), "actors": list(actors.values())}


def gold_gsr(path: Path):
    for rec in read_jsonl(path):
        actors = {}
        for side in ("source", "target"):
            for a in rec.get(side) or []:
                if not isinstance(a, dict) or not a.get("text"):
                    continue
                code = (a.get("code") or "").upper()
                if code in INTERNATIONAL:
                    country, sector = None, INTERNATIONAL[code]
                else:
                    country, sector = GSR_COUNTRY.get(code, code) or None, None
                raw = (a.get("sector") or "").upper()[:3]
                raw = PLOVER_SECTORS.get(raw, SECTOR_ALIASES.get(raw, raw))
                if raw in SECTORS and sector is None:
                    sector = raw
                actors[(a["text"], country, sector)] = {"text": a["text"], "country": country,
                                                         "sector": sector}
        yield {"id": rec["id"], "text": rec["text"], "date": rec.get("date"), "style": "gsr",
               "actors": list(actors.values())}


def find_word(text: str, phrase: str) -> int:
    """The first occurrence of ``phrase`` on word boundaries (``str.find`` would take
    "Russia" inside "Russian"), else the first occurrence anywhere."""
    import re

    m = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)
    return m.start() if m else text.find(phrase)


def evaluate(items, nlp, show_errors=False):
    from eventwire.actors import actor_at, find_actors
    from eventwire.context import DocContext
    from eventwire.document import Document

    n = found = country_ok = sector_n = sector_ok = 0
    stage_time = 0.0
    parse_time = 0.0
    docs = 0
    errors = []
    for item in items:
        t0 = time.perf_counter()
        doc = nlp(item["text"])
        t1 = time.perf_counter()
        date = dt.date.fromisoformat(item["date"]) if item["date"] else None
        ctx = DocContext(document=Document(id=item["id"], text=item["text"], date=date))
        ctx.actors = find_actors(doc, ctx)
        results = []
        for gold in item["actors"]:
            start = find_word(item["text"], gold["text"])
            if start < 0:
                continue
            results.append((gold, actor_at(start, start + len(gold["text"]), ctx)))
        t2 = time.perf_counter()
        parse_time += t1 - t0
        stage_time += t2 - t1
        docs += 1
        for gold, actor in results:
            n += 1
            if actor is None:
                errors.append((item["id"], gold, None))
                continue
            found += 1
            ok_c = actor.country == gold["country"]
            country_ok += ok_c
            ok_s = True
            if gold["sector"] is not None:
                sector_n += 1
                ok_s = actor.sector == gold["sector"]
                sector_ok += ok_s
            if not (ok_c and ok_s):
                errors.append((item["id"], gold, actor))
    if show_errors:
        for doc_id, gold, actor in errors:
            got = f"{actor.name!r} {actor.country} {actor.sector}" if actor else "NONE"
            print(f"  {doc_id}: {gold['text']!r} gold {gold['country']} {gold['sector']} -> {got}")
    return {"gold": n, "found": found, "country_ok": country_ok, "sector_n": sector_n,
            "sector_ok": sector_ok, "docs": docs, "stage_s": stage_time, "parse_s": parse_time}


def report(name, r):
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    print(f"{name}: {r['gold']} gold actors in {r['docs']} documents")
    print(f"  found an actor      {r['found']}/{r['gold']} = {pct(r['found'], r['gold'])}")
    print(f"  country right       {r['country_ok']}/{r['found']} = {pct(r['country_ok'], r['found'])} of found")
    print(f"  sector right        {r['sector_ok']}/{r['sector_n']} = {pct(r['sector_ok'], r['sector_n'])}"
          " of found with a gold sector")
    total = r["stage_s"] + r["parse_s"]
    print(f"  speed               {r['docs'] / r['stage_s']:.0f} docs/s actors stage alone "
          f"({1000 * r['stage_s'] / r['docs']:.1f} ms/doc); {r['docs'] / total:.0f} docs/s with the spaCy parse")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each set")
    ap.add_argument("--errors", action="store_true", help="list the misses")
    ap.add_argument("--set", choices=["reports", "gsr", "both"], default="both")
    args = ap.parse_args(argv)
    from eventwire.actors.dictionary import load_dictionary
    from eventwire.actors.resolve import _city_countries
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    t = time.perf_counter()
    load_dictionary()
    t1 = time.perf_counter()
    _city_countries()
    t2 = time.perf_counter()
    print(f"dictionary loaded in {t1 - t:.2f} s, city gazetteer in {t2 - t1:.2f} s "
          "(once per process; not in the speeds below)")
    if args.set in ("reports", "both"):
        items = list(gold_reports(require("events/reports_dev.jsonl")))
        if args.limit:
            items = items[: args.limit]
        report("reports_dev (all)", evaluate(items, nlp, args.errors))
        for style in ("wire", "note"):
            report(f"reports_dev ({style})", evaluate([i for i in items if i["style"] == style], nlp))
    if args.set in ("gsr", "both"):
        items = list(gold_gsr(require("events/plover_gsr.jsonl")))
        if args.limit:
            items = items[: args.limit]
        report("plover_gsr", evaluate(items, nlp, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
