"""The embedded DuckDB store."""
from .db import EventQuery, IngestStats, Store, open_store

__all__ = ["EventQuery", "IngestStats", "Store", "open_store"]
