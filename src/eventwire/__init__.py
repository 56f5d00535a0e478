"""eventwire: dated news articles in, evidence-linked political event data out."""
from .pipeline import extract, extract_many
from .record import SCHEMA, ErrorRecord, Record
from .store import open_store

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "open_store", "Record", "ErrorRecord", "SCHEMA"]
