"""The embedded DuckDB store: ``schema`` (migrations), ``write`` (ingest batches, merging,
tokens), ``watch`` (the watcher's feeds and URLs), ``query`` (reads, ``EventQuery``), and
``db.Store``, the facade over one store file that puts them together."""
from .db import BBOX_HELP, SORT_HELP, EventQuery, IngestStats, QuoteQuery, Store, open_store, parse_bbox, parse_sort

__all__ = ["BBOX_HELP", "SORT_HELP", "EventQuery", "IngestStats", "QuoteQuery", "Store", "open_store", "parse_bbox", "parse_sort"]
