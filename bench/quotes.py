"""Quote extraction and speaker attribution on PolNeAR's dev split.

    EVENTWIRE_SHARED_DATA=/work/shared/data python -m bench.quotes [--limit N] [--no-textacy]

Prints content detection P/R/F1 (exact, exact after trimming, overlap), attribution accuracy
and quote+speaker P/R/F1, over all attributions and over direct quotes only, with documents
per second; and the same figures for textacy's ``direct_quotations`` (run per paragraph) when
textacy is installed. Scoring follows ``quotes/README.md`` of the shared data.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time

from bench.common import read_jsonl, require

_TRIM = " \t\n\r\xa0\"'“”‘’«»,.;:!?"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match_overlap(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlapping characters (ties: earlier gold, then pred)."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            ov = _overlap((p["start"], p["end"]), (g["start"], g["end"]))
            if ov > 0:
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _speaker_right(p: dict, g: dict) -> bool:
    if g.get("src") is None:
        return p.get("speaker_start") is None
    if p.get("speaker_start") is None:
        return False
    return _overlap((p["speaker_start"], p["speaker_end"]), g["src"]) > 0


class Score:
    def __init__(self):
        self.n_pred = self.n_gold = 0
        self.exact = self.trimmed = self.overlap = 0
        self.attr_n = self.attr_ok = 0
        self.qs = 0

    def add(self, text: str, preds: list[dict], golds: list[dict]):
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        gold_exact = {(g["start"], g["end"]) for g in golds}
        self.exact += len({(p["start"], p["end"]) for p in preds} & gold_exact)
        gold_trim = {_trim(text, g["start"], g["end"]) for g in golds}
        self.trimmed += len({_trim(text, p["start"], p["end"]) for p in preds} & gold_trim)
        for gi, pi in _match_overlap(preds, golds):
            g, p = golds[gi], preds[pi]
            self.overlap += 1
            ok = _speaker_right(p, g)
            if g.get("src") is not None:
                self.attr_n += 1
                self.attr_ok += ok
            self.qs += ok

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> str:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"

    def report(self, label: str) -> str:
        acc = self.attr_ok / self.attr_n if self.attr_n else 0.0
        return "\n".join([
            f"  {label}: gold {self.n_gold}, predicted {self.n_pred}",
            f"    content exact          {self._prf(self.exact, self.n_pred, self.n_gold)}",
            f"    content exact trimmed  {self._prf(self.trimmed, self.n_pred, self.n_gold)}",
            f"    content overlap        {self._prf(self.overlap, self.n_pred, self.n_gold)}",
            f"    attribution accuracy   {acc:.3f} ({self.attr_ok}/{self.attr_n})",
            f"    quote+speaker          {self._prf(self.qs, self.n_pred, self.n_gold)}",
        ])


def _direct_view(preds: list[dict], golds: list[dict]) -> tuple[list[dict], list[dict]]:
    """Gold: the direct quotes. Keep a prediction unless it overlaps non-direct gold more."""
    direct = [g for g in golds if g["direct"]]
    kept = []
    for p in preds:
        span = (p["start"], p["end"])
        best_nd = max((_overlap(span, (g["start"], g["end"])) for g in golds if not g["direct"]),
                      default=0)
        best_d = max((_overlap(span, (g["start"], g["end"])) for g in direct), default=0)
        if best_nd == 0 or best_d > best_nd:
            kept.append(p)
    return kept, direct


def _gold(record: dict) -> list[dict]:
    return [{"start": q["content"]["start"], "end": q["content"]["end"], "direct": q["direct"],
             "src": (q["source"]["start"], q["source"]["end"]) if q["source"] else None}
            for q in record["quotes"]]


def _doc_date(doc_id: str):
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", doc_id)
    return dt.date.fromisoformat(m.group(1)) if m else None


def run_eventwire(records: list[dict]) -> tuple[dict, float]:
    from eventwire import actors, quotes, times
    from eventwire.context import DocContext
    from eventwire.document import Document
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    nlp("warm up")
    out = {}
    stage = 0.0
    t0 = time.perf_counter()
    for rec, sdoc in zip(records, nlp.pipe(r["text"] for r in records)):
        ctx = DocContext(document=Document(id=rec["id"], text=rec["text"], date=_doc_date(rec["id"])))
        ctx.actors = actors.find_actors(sdoc, ctx)
        ctx.times = times.find_times(sdoc, ctx)
        s0 = time.perf_counter()
        ctx.quotes = quotes.find_quotes(sdoc, ctx)
        stage += time.perf_counter() - s0
        out[rec["id"]] = [{"start": q.start, "end": q.end,
                           "speaker_start": q.speaker.start if q.speaker else None,
                           "speaker_end": q.speaker.end if q.speaker else None,
                           "direct": q.direct, "cue": q.cue}
                          for q in ctx.quotes]
    run_eventwire.stage_seconds = stage
    return out, time.perf_counter() - t0


def run_textacy(records: list[dict]) -> tuple[dict, float] | None:
    try:
        from textacy.extract import triples
    except ImportError:
        return None
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    out = {}
    t0 = time.perf_counter()
    for rec in records:
        text = rec["text"]
        preds = []
        paras = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        for offset, sdoc in zip((o for o, _ in paras), nlp.pipe(p for _, p in paras)):
            try:
                found = list(triples.direct_quotations(sdoc))
            except Exception:  # textacy raises on some inputs; count as no quotes
                continue
            for trip in found:
                content = trip.content
                sp = trip.speaker
                preds.append({
                    "start": offset + content.start_char, "end": offset + content.end_char,
                    "speaker_start": offset + sp[0].idx if sp else None,
                    "speaker_end": offset + sp[-1].idx + len(sp[-1]) if sp else None,
                })
        out[rec["id"]] = preds
    return out, time.perf_counter() - t0


def score(records: list[dict], preds: dict) -> tuple[Score, Score]:
    all_s, direct_s = Score(), Score()
    for rec in records:
        golds, p = _gold(rec), preds.get(rec["id"], [])
        all_s.add(rec["text"], p, golds)
        dp, dg = _direct_view(p, golds)
        direct_s.add(rec["text"], dp, dg)
    return all_s, direct_s


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy comparison")
    args = ap.parse_args(argv)
    records = read_jsonl(require("quotes/dev.jsonl"))
    if args.limit:
        records = records[: args.limit]
    systems = [("eventwire", run_eventwire(records))]
    if not args.no_textacy:
        tx = run_textacy(records)
        if tx is None:
            print("textacy not installed: comparison skipped (pip install textacy)", file=sys.stderr)
        else:
            systems.append(("textacy direct_quotations (per paragraph)", tx))
    print(f"PolNeAR dev: {len(records)} articles")
    for name, (preds, secs) in systems:
        all_s, direct_s = score(records, preds)
        print(f"\n{name}: {len(records) / secs:.1f} docs/s (end to end: spaCy parse"
              f"{', actors, times, quotes' if name == 'eventwire' else ', incl. per-paragraph parsing'})")
        if name == "eventwire":
            print(f"  quote stage alone: {len(records) / run_eventwire.stage_seconds:.1f} docs/s")
        print(all_s.report("all attributions"))
        print(direct_s.report("direct quotes"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
