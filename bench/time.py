"""Times stage benchmark: TempEval-3 span, type and value scores on the TBAQ dev set.

    EVENTWIRE_SHARED_DATA=/work/shared/data PYTHONPATH=src python bench/time.py

Prints strict and relaxed span P/R/F1, type and value accuracy, type and value F1 as
TempEval-3 defines them (see shared/data/time/README.md), and the speed of the stage
against the spaCy parse of the same documents. ``--no-parse`` skips spaCy (no tense; fast
iteration); ``--errors FILE`` writes every miss for reading.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import read_jsonl, require  # noqa: E402


def pair_relaxed(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """TempEval-3 pairing: left to right by start, each expression takes the still-unpaired
    expression of the other side that covers its start."""
    items = [(g["start"], 0, i) for i, g in enumerate(gold)] + \
            [(p["start"], 1, j) for j, p in enumerate(pred)]
    items.sort()
    used = [set(), set()]
    pairs = []
    sides = (gold, pred)
    for start, side, idx in items:
        if idx in used[side]:
            continue
        other = 1 - side
        for k, o in enumerate(sides[other]):
            if k not in used[other] and o["start"] <= start < o["end"]:
                used[side].add(idx)
                used[other].add(k)
                pairs.append((gold[idx], o) if side == 0 else (o, pred[idx]))
                break
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--no-parse", action="store_true", help="skip spaCy (tense unknown)")
    ap.add_argument("--errors", type=Path, default=None, help="write misses to this file")
    ap.add_argument("--parse-cache", type=Path, default=None,
                    help="keep the parsed documents in this DocBin file (re-runs skip spaCy)")
    args = ap.parse_args(argv)

    from eventwire.context import DocContext
    from eventwire.document import Document
    from eventwire.times import find_times

    docs = read_jsonl(require("time/dev.jsonl"))[: args.limit]
    parse_s = 0.0
    parsed = [None] * len(docs)
    if not args.no_parse:
        from eventwire.nlp import load_nlp

        nlp = load_nlp()
        cache = args.parse_cache
        if cache and cache.exists():
            from spacy.tokens import DocBin

            parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))[: len(docs)]
            parse_s = float((cache.with_suffix(".seconds")).read_text())
        else:
            nlp("warm up")
            t0 = time.perf_counter()
            parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=32))
            parse_s = time.perf_counter() - t0
            if cache:
                from spacy.tokens import DocBin

                DocBin(docs=parsed, store_user_data=True).to_disk(cache)
                cache.with_suffix(".seconds").write_text(str(parse_s))

    t0 = time.perf_counter()
    preds = []
    for d, sdoc in zip(docs, parsed):
        ctx = DocContext(document=Document(id=d["id"], text=d["text"],
                                           date=dt.date.fromisoformat(d["dct"]) if d["dct"] else None))
        preds.append([t.model_dump() for t in find_times(sdoc, ctx)])
    stage_s = time.perf_counter() - t0

    n_gold = n_pred = strict_tp = 0
    pairs_all = []
    err_lines = []
    for d, pred in zip(docs, preds):
        gold = d["timexes"]
        n_gold += len(gold)
        n_pred += len(pred)
        strict_tp += len({(g["start"], g["end"]) for g in gold} & {(p["start"], p["end"]) for p in pred})
        pairs = pair_relaxed(gold, pred)
        pairs_all += pairs
        if args.errors:
            paired_g = {id(g) for g, _ in pairs}
            paired_p = {id(p) for _, p in pairs}
            def ctx_of(x):
                return d["text"][max(0, x["start"] - 50):x["end"] + 30].replace("\n", " ")
            for g in gold:
                if id(g) not in paired_g:
                    err_lines.append(f"FN\t{d['dct']}\t{g['text']}\t{g['type']}\t{g['value']}\t{ctx_of(g)}")
            for p in pred:
                if id(p) not in paired_p:
                    err_lines.append(f"FP\t{d['dct']}\t{p['text']}\t{p['type']}\t{p['value']}\t{ctx_of(p)}")
            for g, p in pairs:
                if g["value"] != p["value"] or g["type"] != p["type"]:
                    err_lines.append(f"VAL\t{d['dct']}\t{g['text']}|{p['text']}\t{g['type']}|{p['type']}\t"
                                     f"{g['value']}|{p['value']}\t{ctx_of(g)}")
                elif (g["start"], g["end"]) != (p["start"], p["end"]):
                    err_lines.append(f"SPAN\t{d['dct']}\t{g['text']}|{p['text']}\t\t\t{ctx_of(g)}")

    sp, sr, sf = prf(strict_tp, n_pred, n_gold)
    rp, rr, rf = prf(len(pairs_all), n_pred, n_gold)
    type_acc = sum(g["type"] == p["type"] for g, p in pairs_all) / len(pairs_all) if pairs_all else 0.0
    value_acc = sum(g["value"] == p["value"] for g, p in pairs_all) / len(pairs_all) if pairs_all else 0.0
    n_val = sum(g["value"] == p["value"] for g, p in pairs_all)
    vp, vr, _ = prf(n_val, n_pred, n_gold)
    print(f"documents {len(docs)}  gold timexes {n_gold}  predicted {n_pred}")
    print(f"strict  P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"relaxed P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    print(f"type accuracy {type_acc:.3f}  type F1 {rf * type_acc:.3f}")
    print(f"value accuracy {value_acc:.3f}  value F1 {rf * value_acc:.3f}  (value P {vp:.3f}  R {vr:.3f})")
    print(f"stage {stage_s:.2f} s  ({len(docs) / stage_s:.0f} docs/s)")
    if parse_s:
        print(f"spaCy parse {parse_s:.2f} s  ({len(docs) / parse_s:.1f} docs/s); "
              f"stage adds {100 * stage_s / parse_s:.1f}% to the parse time")
    if args.errors:
        args.errors.write_text("\n".join(sorted(err_lines)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
