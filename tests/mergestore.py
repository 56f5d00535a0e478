"""Reports written to a fresh store one batch each, and the merged events it makes of them.
Shared by the cross-document merging tests."""
from __future__ import annotations

import os
import tempfile

from eventwire.store import EventQuery, open_store


def merged(pairs, order=None):
    """The groups of document ids the store merged ``pairs`` ((Document, Record) each, written
    in ``order`` when given) into, sorted, and the merged events it serves."""
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(os.path.join(tmp, "m.duckdb")) as store:
            for pair in (order or pairs):
                store.write_batch([pair])
            groups = groups_of(store)
            events = store.merged_events(EventQuery(modality=None))
    return groups, events


def groups_of(store) -> list[tuple]:
    """The document ids of each merged event of ``store``, sorted."""
    return sorted(tuple(g) for (g,) in store.con.execute(
        "SELECT list(doc_id ORDER BY doc_id) FROM events GROUP BY merged_id").fetchall())
