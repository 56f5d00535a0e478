"""Learn the weights of merging's one scored decision on ECB+ dev, and see what they are worth.

    .venv/bin/python bench/merge_fit.py --cache DIR [--extra lemma sector both_undated] [--l2 1.0]
        [--date-weight W] [--duplicates PATH [--fit-duplicates]]

Every cross-document pair of stored ECB+ reports that ``merge.compare`` lets through is a vector of
:class:`merge.MatchEvidence`'s features (the facts scaled for statements as the score scales them,
``timeless`` as 0 or 1) and, with ``--extra``, features the merger lacks (:data:`EXTRA`). Pairs of
two reports aligned to gold actions are labelled: one gold instance or not (pairs across topics
are negatives). A logistic regression (numpy, Newton steps, L2 on the weights) is fitted on the
dev topics' labelled pairs.

The threshold on its probability is chosen by leaving one dev topic out: each topic's pairs are
scored by the model fitted on the other topics, the real store merges with those scores (its
closure and its rules for undated reports included), and the threshold with the best pooled dev
pairwise F1 is taken. The model fitted on every dev topic is then stored at that threshold and
scored on dev and, as whole figures only, on validation, beside today's hand-set weights
(``merge.WEIGHTS`` at ``merge.MATCH_THRESHOLD``); with ``--duplicates``, on the generated
duplicates too (``bench/merge.py``'s corpus). With ``--fit-duplicates`` their scored pairs join every
fit, and their figure is also given with each half of the families scored by a model fitted without
it. Nothing here changes the merger: it measures (bench/RESULTS.md, issue 24, helper "18mg").
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import math
import re
import sys
import tempfile
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench.merge import (duplicate_pair_truths, duplicates_coded, ecbplus_coded, ecbplus_scores,  # noqa: E402
                         merged_events, score_duplicates, scores_line)
from eventwire import merge  # noqa: E402

FEATURES = ("date", "place", "sides", "names", "casualties", "sentence", "trigger", "event_type", "article", "figures")
FACTS = ("date", "place", "sides", "names", "casualties")  # scaled for statements, as MatchEvidence.score does
_SUFFIX = re.compile(r"(?:ings?|ions?|ed|es|s)$")


def _trigger_stems(text: str | None) -> set[str]:
    return {_SUFFIX.sub("", w) for w in re.findall(r"[a-z]+", (text or "").lower()) if len(w) > 2 and w not in merge._STOP}


def lemma_agreement(a: dict, b: dict) -> float:
    """1 when the two triggers share a word stem ("captured" / "capturing"), else 0."""
    return float(bool(_trigger_stems(a.get("evidence")) & _trigger_stems(b.get("evidence"))))


def sector_agreement(a: dict, b: dict) -> float:
    """Per side whose sector both reports give: +0.5 the same (police, military, rebels), -0.5 another."""
    score = 0.0
    for side in ("source", "target"):
        x, y = a.get(f"{side}_sector"), b.get(f"{side}_sector")
        if x and y:
            score += 0.5 if x == y else -0.5
    return score


def both_undated(a: dict, b: dict) -> float:
    """1 when neither report has a date (ECB+'s older pages have none)."""
    return float(a["day"] is None and b["day"] is None)


EXTRA = {"lemma": lemma_agreement, "sector": sector_agreement, "both_undated": both_undated}


def pair_vector(evidence: merge.MatchEvidence, a: dict, b: dict, extra: list[str]) -> list[float]:
    share = merge.VERBAL_FACT_SHARE if evidence.verbal else 1.0
    return ([getattr(evidence, n) * (share if n in FACTS else 1.0) for n in FEATURES]
            + [float(evidence.timeless)] + [EXTRA[n](a, b) for n in extra] + [1.0])


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float, fixed: dict[int, float] | None = None,
                 steps: int = 100) -> np.ndarray:
    """Weights (the last is the bias, not penalised) by Newton's method on the penalised log-loss;
    ``fixed`` holds columns whose weight is given, not fitted."""
    fixed = fixed or {}
    free = [k for k in range(X.shape[1]) if k not in fixed]
    offset = sum((X[:, k] * v for k, v in fixed.items()), np.zeros(len(X)))
    Xf = X[:, free]
    w = np.zeros(len(free))
    penalty = np.full(len(free), l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Xf @ w + offset)))
        hessian = (Xf * (p * (1 - p))[:, None]).T @ Xf + np.diag(penalty) + 1e-9 * np.eye(len(free))
        step = np.linalg.solve(hessian, Xf.T @ (p - y) + penalty * w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    weights = np.zeros(X.shape[1])
    weights[free] = w
    for k, v in fixed.items():
        weights[k] = v
    return weights


def topic_of(row: dict) -> int:
    return int(row["doc_id"].split("_", 1)[0])


class LearnedScore:
    """``merge.match_score``'s stand-in: the probability a model gives a pair ``compare`` lets
    through. With several models (one per held-out group: a topic, a half of the families) a pair
    is scored by its group's model, the higher of the two for a pair of two groups, and 0 when
    neither group has one."""

    def __init__(self, extra: list[str], models: dict, group_of=lambda row: None):
        self.extra, self.models, self.group_of = extra, models, group_of

    def __call__(self, a: dict, b: dict) -> float:
        evidence = merge.compare(a, b)
        if evidence is None:
            return 0.0
        models = [self.models[g] for g in {self.group_of(a), self.group_of(b)} if g in self.models]
        x = np.array(pair_vector(evidence, a, b, self.extra))
        return max((1 / (1 + math.exp(-float(x @ w))) for w in models), default=0.0)


def labelled_pairs(docs: list[dict], events: list[dict], extra: list[str]):
    """(X, y, topic of each side) of the pairs ``compare`` lets through whose reports are both aligned."""
    from bench.coref_data import align, gold_actions

    actions = {r["id"]: gold_actions(r) for r in docs}
    gold = {}
    for e in events:
        g = align(e, actions[e["doc_id"]])
        if g is not None:
            gold[(e["doc_id"], e["event_id"])] = g["instance"]
    aligned = [e for e in events if (e["doc_id"], e["event_id"]) in gold]
    X, y, topics = [], [], []
    for a, b in itertools.combinations(aligned, 2):
        evidence = None if a["doc_id"] == b["doc_id"] else merge.compare(a, b)
        if evidence is None:
            continue
        X.append(pair_vector(evidence, a, b, extra))
        y.append(float(gold[(a["doc_id"], a["event_id"])] == gold[(b["doc_id"], b["event_id"])]))
        topics.append((topic_of(a), topic_of(b)))
    return np.array(X), np.array(y), np.array(topics)


def family_half(family: str) -> int:
    return int(hashlib.sha1(family.encode()).hexdigest()[:8], 16) % 2


def duplicate_pairs(meta: dict, events: list[dict], extra: list[str]):
    """(X, y, half of the family) of the generated duplicates' scored pairs that ``compare`` lets through."""
    X, y, halves = [], [], []
    for a, b, gold in duplicate_pair_truths(meta, events):
        evidence = merge.compare(a, b)
        if evidence is not None:
            X.append(pair_vector(evidence, a, b, extra))
            y.append(float(gold))
            halves.append(family_half(a["family"]))
    return np.array(X), np.array(y), np.array(halves)


def stored_duplicates(meta: dict, results: list[tuple], tmp: Path, threshold: float, score) -> None:
    """Print the generated duplicates' figure, stored with ``score`` standing for merge.match_score."""
    with mock.patch.object(merge, "match_score", score):
        events = merged_events(results, tmp / "duplicates.duckdb", threshold, "e.*")
    score_duplicates(meta, events, threshold)


def stored_scores(docs: list[dict], results: list[tuple], tmp: Path, threshold: float, score=None) -> dict:
    """{split: scores} of the ECB+ reports stored with ``score`` standing for merge.match_score."""
    with mock.patch.object(merge, "match_score", score) if score else contextlib.nullcontext():
        events = merged_events(results, tmp / "fit.duckdb", threshold,
                               "doc_id, event_id, evidence_start, evidence_end, merged_id")
    return ecbplus_scores(docs, events)[1]


def main() -> None:
    from bench.common import require
    from bench.coref_data import split_of_topic

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=None, help="bench/merge.py's cache folder of coded records")
    ap.add_argument("--extra", nargs="*", default=[], choices=sorted(EXTRA), help="features the merger lacks")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--date-weight", type=float, default=None,
                    help="give the date this weight instead of fitting it (ECB+'s dated pairs are mostly one story's, "
                         "so its fitted sign says little of news, where the date is what two reports share most)")
    ap.add_argument("--thresholds", type=float, nargs="*", default=[round(0.30 + 0.05 * k, 2) for k in range(13)])
    ap.add_argument("--duplicates", type=Path, default=None, help="also score the generated duplicates (JSON Lines)")
    ap.add_argument("--fit-duplicates", action="store_true",
                    help="fit on the generated duplicates' scored pairs too (they hold near misses of one story); "
                         "their figure is then also given with each half of the families scored by a model "
                         "fitted without it")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    docs, results = ecbplus_coded(require("events/ecbplus_dev.jsonl"), args.cache / "ecbplus.jsonl" if args.cache else None)
    dev = sorted({r["topic"] for r in docs if split_of_topic(r["topic"]) == "dev"})
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        hand = stored_scores(docs, results, tmp, merge.MATCH_THRESHOLD)
        print(f"hand-set weights at {merge.MATCH_THRESHOLD}: dev {scores_line(hand['dev'])}")
        print(f"    validation {scores_line(hand['validation'])}")
        events = merged_events(results, tmp / "rows.duckdb", None, "e.*")
        X, y, topics = labelled_pairs(docs, events, args.extra)
        in_dev = np.isin(topics, dev).all(axis=1)
        print(f"labelled dev pairs: {int(in_dev.sum())}, {int(y[in_dev].sum())} of one instance")
        dX, dy, halves = np.zeros((0, X.shape[1])), np.zeros(0), np.zeros(0)
        if args.duplicates:
            meta, duplicates = duplicates_coded(args.duplicates, args.cache / "duplicates.jsonl" if args.cache else None)
            if args.fit_duplicates:
                rows = merged_events(duplicates, tmp / "duplicate_rows.duckdb", None, "e.*")
                dX, dy, halves = duplicate_pairs(meta, rows, args.extra)
                print(f"labelled pairs of the generated duplicates: {len(dy)}, {int(dy.sum())} to merge")
        fixed = {} if args.date_weight is None else {FEATURES.index("date"): args.date_weight}

        def fitted(keep: np.ndarray, keep_duplicates: np.ndarray) -> np.ndarray:
            return fit_logistic(np.vstack([X[keep], dX[keep_duplicates]]),
                                np.concatenate([y[keep], dy[keep_duplicates]]), args.l2, fixed)

        everything = np.ones(len(dy), bool)
        folds = {t: fitted(in_dev & (topics != t).all(axis=1), everything) for t in dev}
        best = None
        for threshold in args.thresholds:
            s = stored_scores(docs, results, tmp, threshold, LearnedScore(args.extra, folds, topic_of))["dev"]
            print(f"leave one topic out, threshold {threshold:.2f}: dev {scores_line(s)}", flush=True)
            if best is None or s["pairwise"][2] > best[1]:
                best = (threshold, s["pairwise"][2])
        weights = fitted(in_dev, everything)
        names = [*FEATURES, "timeless", *args.extra, "bias"]
        print("weights fitted on every dev topic: " + ", ".join(f"{n} {w:.2f}" for n, w in zip(names, weights)))
        learned = LearnedScore(args.extra, {None: weights})
        scores = stored_scores(docs, results, tmp, best[0], learned)
        print(f"learned weights at the chosen threshold {best[0]:.2f}: dev {scores_line(scores['dev'])}")
        print(f"    validation {scores_line(scores['validation'])}")
        if args.duplicates:
            stored_duplicates(meta, duplicates, tmp, best[0], learned)
            if args.fit_duplicates:
                print("each half of the families scored by the model fitted without it:")
                halves_models = {h: fitted(in_dev, halves != h) for h in (0, 1)}
                stored_duplicates(meta, duplicates, tmp, best[0], LearnedScore(
                    args.extra, halves_models, lambda row: family_half(meta[row["doc_id"]]["family"])))

if __name__ == "__main__":
    main()
