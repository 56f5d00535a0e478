"""Shared helpers for the benchmark programs: where the development data lives, timing."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "samples" / "wikinews" / "wikinews.jsonl"


def shared_data() -> Path | None:
    """``$EVENTWIRE_SHARED_DATA``, else ``../shared/data`` beside the checkout; None if absent."""
    env = os.environ.get("EVENTWIRE_SHARED_DATA")
    for candidate in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data"]:
        if candidate.is_dir():
            return candidate
    return None


def require(relative: str) -> Path:
    """The path of a development data file, or exit with a clear message when it is absent."""
    root = shared_data()
    path = root / relative if root else None
    if path is None or not path.exists():
        print(f"development data not found: {relative} (looked in $EVENTWIRE_SHARED_DATA and "
              f"{REPO.parent / 'shared' / 'data'}); nothing measured", file=sys.stderr)
        sys.exit(2)
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def m2e2_part(article_id: str) -> str:
    """The part of M2E2 an article belongs to, shared by every bench that reads M2E2: a
    quarter of the articles (SHA-1 of the id divisible by 4) is kept apart and only scored, the
    rest is read while writing rules. Some M2E2 articles are also real-news gold articles
    (`bench/realnews`): one in its dev split is studied there, so it is read here too; one in
    its validation or held-out split is kept apart here too, so that reading M2E2's errors never
    shows a sentence the real-news gold keeps apart."""
    import hashlib

    from bench.realnews import gold_ids, split_of

    if article_id in gold_ids():
        return "read" if split_of(article_id) == "dev" else "kept apart"
    return "kept apart" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 4 == 0 else "read"


def warm_round(corpus: Path):
    """The stages over a corpus parsed once, as a function to call per round (``annotate`` and
    ``to_json`` of every document), after one warming round that fills the tables."""
    from eventwire import pipeline
    from eventwire.nlp import load_nlp
    from eventwire.readers.discover import iter_documents

    docs = [d for d in iter_documents([corpus]) if d.error is None]
    parsed = list(pipeline._parse_all(load_nlp(), [pipeline.coded_part(d.text) for d in docs]))

    def one_round() -> None:
        for spacy_doc, document in zip(parsed, docs):
            pipeline.annotate(spacy_doc, document).to_json()

    one_round()
    return docs, one_round
