"""Ingest: code documents and store them, the one path behind ``eventwire ingest``,
``eventwire watch``, the Dask backend and POST /api/ingest.

The store only writes what it is given (:meth:`Store.write_batch`); coding happens here, so the
store never imports the pipeline. Ingest is idempotent by content hash and commits once per
batch: a run that is killed loses at most the batch in flight, and a rerun stores each document
exactly once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .document import Document
from .errors import EventwireError
from .record import ErrorRecord, Record
from .store import IngestStats, Store

# Maps an iterator of documents to (document, record) pairs in input order: extract_many in
# this process or a pool of them, or the Dask backend (distributed.extract_with_dask).
Extractor = Callable[[Iterator[Document]], Iterable[tuple[Document, Record | ErrorRecord]]]


def ingest(store: Store, documents: Iterable[Document], batch_size: int = 32,
           on_batch: Callable[[IngestStats], None] | None = None, nlp=None,
           workers: int = 1, extractor: Extractor | None = None) -> IngestStats:
    """Code and store documents, skipping those already stored (by content hash).

    ``extractor`` codes the new documents (default: :func:`eventwire.pipeline.extract_many`
    with ``workers`` processes). Each batch of results is one transaction; ``on_batch`` hears
    of each.
    """
    # here, not at the top: the API's process stores what its coding worker coded and never
    # loads the language model
    from .pipeline import chunks, extract_many

    total = IngestStats()
    in_flight: set[str] = set()
    skipped = IngestStats()

    def fresh() -> Iterator[Document]:
        for batch in chunks(documents, batch_size):
            known = store.known_keys([d.content_hash for d in batch])
            for d in batch:
                key = d.content_hash
                if key in known or key in in_flight:
                    skipped.read += 1
                    skipped.skipped += 1
                else:
                    in_flight.add(key)
                    yield d

    if extractor is None:
        results = extract_many(fresh(), batch_size=batch_size, nlp=nlp, workers=workers)
    else:
        results = extractor(fresh())
    for chunk in chunks(results, batch_size):
        stats = store.write_batch(chunk)
        stats.read = len(chunk)
        for document, _ in chunk:
            in_flight.discard(document.content_hash)
        stats.add(skipped)
        skipped.read = skipped.skipped = 0
        total.add(stats)
        if on_batch:
            on_batch(stats)
    if skipped.read:
        total.add(skipped)
        if on_batch:
            on_batch(skipped)
    return total


def store_coded(store: Store, document: Document, record: Record | ErrorRecord) -> None:
    """Store one article coded elsewhere (the API's coding worker) unless it is stored
    already. Run under the caller's write lock: the id is checked again there, so two posts of
    one id with different texts cannot both get in while both are coded."""
    if store.known_keys([document.content_hash]):
        return
    if document.error is None and store.id_taken(document):
        raise EventwireError("E304", repr(document.id))
    store.write_batch([(document, record)])
