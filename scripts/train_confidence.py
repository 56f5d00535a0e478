"""Fit the event confidence model (a logistic regression over a few features of each coded
event) on the project's CC0 dev reports, and report its calibration by cross-validation.

A predicted event counts as correct when it matches a gold event (evidence overlaps the
gold trigger) of the same PLOVER category. Weights go to
``src/eventwire/events/data/confidence.json``; the coder reads them at run time (no model
download, plain arithmetic). Deterministic: fixed folds, fixed iterations.

Run: ``EVENTWIRE_SHARED_DATA=... python scripts/train_confidence.py``
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench.common import read_jsonl, require  # noqa: E402
from bench.events import match_events  # noqa: E402

OUT = REPO / "src" / "eventwire" / "events" / "data" / "confidence.json"


def collect():
    from eventwire.context import DocContext
    from eventwire.events import code as event_code

    event_code.MIN_CONFIDENCE = 0.0   # learn from every coded event, not only the reported ones
    from eventwire.document import Document, parse_date
    from eventwire.nlp import load_nlp
    from eventwire.pipeline import STAGES

    nlp = load_nlp()
    rows = read_jsonl(require("events/reports_dev.jsonl"))
    feats, labels, groups = [], [], []
    for k, r in enumerate(rows):
        ctx = DocContext(document=Document(id=r["id"], text=r["text"], date=parse_date(r["pub_date"])))
        doc = nlp(r["text"])
        for _, attr, stage in STAGES:
            setattr(ctx, attr, stage(doc, ctx))
        pairs = match_events(r["text"], r["events"], ctx.events)
        good = {id(p) for g, p in pairs if p is not None and p.category == g["category"]}
        for e, f in zip(ctx.events, ctx.scratch.get("event_features", [])):
            feats.append(f)
            labels.append(1.0 if id(e) in good else 0.0)
            groups.append(k % 5)
    return feats, np.array(labels), np.array(groups)


def fit(x, y, l2=5.0, iters=3000, lr=0.5):
    w = np.zeros(x.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        gw = x.T @ (p - y) / n + l2 * w / n
        gb = float(np.mean(p - y))
        w -= lr * gw
        b -= lr * gb
    return w, b


def main():
    feats, y, groups = collect()
    names = sorted({k for f in feats for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f in feats])
    pred = np.zeros(len(y))
    for fold in range(5):
        tr, te = groups != fold, groups == fold
        w, b = fit(x[tr], y[tr])
        pred[te] = 1 / (1 + np.exp(-(x[te] @ w + b)))
    print(f"{len(y)} coded events, {int(y.sum())} correct; 5-fold cross-validated calibration:")
    for lo in np.arange(0.0, 1.0, 0.1):
        m = (pred >= lo) & (pred < lo + 0.1)
        if m.sum():
            print(f"   {lo:.1f}-{lo + 0.1:.1f}: {y[m].mean():.2f} correct ({int(m.sum())} events, mean p {pred[m].mean():.2f})")
    w, b = fit(x, y)
    model = {"about": "logistic regression over event features; fitted by scripts/train_confidence.py "
                      "on events/reports_dev.jsonl (CC0)",
             "bias": round(float(b), 4), "weights": {k: round(float(v), 4) for k, v in zip(names, w)}}
    OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
