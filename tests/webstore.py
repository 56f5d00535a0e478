"""A store built from real sample articles for the page's tests.

Documents go through the real pipeline. One article is also stored as a second outlet would
run it (its paragraphs in reverse order, its own id and address), so the store always holds
merged events with two reports.
"""
from __future__ import annotations

import json
from pathlib import Path

from eventwire.pipeline import extract_many
from eventwire.readers import iter_documents
from eventwire.store import open_store

SAMPLE = Path(__file__).parents[1] / "samples" / "wikinews" / "wikinews.jsonl"


def second_outlet(article: dict) -> dict:
    paragraphs = [p for p in article["text"].split("\n\n") if p.strip()]
    return {**article, "id": f"{article['id']}-outlet2", "url": "https://outlet-two.example/1",
            "text": "\n\n".join(reversed(paragraphs))}


def build_store(db_path: Path, n_docs: int = 16, work: Path | None = None) -> dict:
    """Ingest the first ``n_docs`` sample articles, and a second outlet's copy of the first,
    into a new store; returns counts."""
    work = work or db_path.parent
    src = work / "sample.jsonl"
    articles = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:n_docs]]
    articles.append(second_outlet(articles[0]))
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    results = list(extract_many(iter_documents([src])))
    with open_store(db_path) as store:
        store.write_batch(results)
        return store.counts()


if __name__ == "__main__":  # python tests/webstore.py OUT.duckdb [N_DOCS]
    import sys

    print(json.dumps(build_store(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 16)))
