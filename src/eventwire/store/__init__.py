"""The embedded DuckDB store."""
from .db import BBOX_HELP, EventQuery, IngestStats, Store, open_store, parse_bbox

__all__ = ["BBOX_HELP", "EventQuery", "IngestStats", "Store", "open_store", "parse_bbox"]
