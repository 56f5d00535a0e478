"""The embedded DuckDB store: the only package that writes SQL.

``Store`` holds the connection and puts together its schema (``schema``: migrations), its
writes (``write``: ingest batches, merging, tokens), the watcher's bookkeeping (``watch``) and
its reads (``query``). It stores what it is given, one batch per transaction (coding documents
and feeding them here is eventwire.ingest's work: the store never imports the pipeline).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from .. import merge
from ..errors import EventwireError
from . import schema
from .query import (BBOX_HELP, MAX_LIMIT, SORT_HELP, SORT_KEYS, EventQuery, QuoteQuery, StoreQueries,
                    merged_casualties, merged_event_dict, parse_bbox, parse_sort)
from .watch import WatchState
from .write import IngestStats, StoreWrites, event_row, in_lead

# The names callers imported from this module before the store was split stay importable here.
__all__ = ["BBOX_HELP", "MAX_LIMIT", "SORT_HELP", "SORT_KEYS", "EventQuery", "IngestStats", "QuoteQuery",
           "Store", "event_row", "in_lead", "merged_casualties", "merged_event_dict", "open_store",
           "parse_bbox", "parse_sort"]


class Store(StoreWrites, WatchState, StoreQueries):
    """One DuckDB store file: opened (and migrated unless read-only) here; its writes, the
    watcher's bookkeeping and its reads come from the mixed-in classes."""

    def __init__(self, path: str | Path, read_only: bool = False, match_threshold: float | None = None):
        self.path = str(path)
        self.read_only = read_only
        # How sure merging must be that two reports are one event (merge.MATCH_THRESHOLD;
        # tune with bench/merge.py --thresholds). Keep one value for the life of a store.
        self.match_threshold = merge.MATCH_THRESHOLD if match_threshold is None else match_threshold
        if (isinstance(self.match_threshold, bool) or not isinstance(self.match_threshold, (int, float))
                or not 0 < self.match_threshold < float("inf")):
            raise EventwireError("E307", repr(match_threshold))  # 0 would merge every pair
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                # DuckDB: one process writes a file, or any number read it.
                raise EventwireError("E303", f" ({self.path} is open for {'writing' if read_only else 'reading or writing'}"
                                             " elsewhere)") from None
            raise EventwireError("E300", f" at {self.path}: {str(exc).splitlines()[0][:300]}") from None
        if not read_only:
            self.migrate()
            self.follow_checkpoint_threshold()

    def migrate(self) -> None:
        schema.migrate(self.con)

    def reader(self) -> "Store":
        """A view on its own cursor for one thread: reads see a consistent snapshot (DuckDB
        MVCC) while this store's connection writes. Close it when done."""
        view = Store.__new__(Store)
        view.path, view.read_only, view.con = self.path, True, self.con.cursor()
        view.match_threshold = self.match_threshold
        return view

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_store(path: str | Path, read_only: bool = False, match_threshold: float | None = None) -> Store:
    return Store(path, read_only=read_only, match_threshold=match_threshold)
