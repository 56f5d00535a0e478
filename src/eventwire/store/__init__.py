"""The embedded DuckDB store."""
from .db import BBOX_HELP, SORT_HELP, EventQuery, IngestStats, QuoteQuery, Store, open_store, parse_bbox, parse_sort

__all__ = ["BBOX_HELP", "SORT_HELP", "EventQuery", "IngestStats", "QuoteQuery", "Store", "open_store", "parse_bbox", "parse_sort"]
