"""eventwire: dated news articles in, evidence-linked political event data out."""
from . import longlived
from .spacyimport import import_spacy

with longlived.building():  # spaCy and the stage modules: made once, kept for the process
    import_spacy()  # before any stage module imports spaCy: without its command line
    from .pipeline import extract, extract_many
    from .record import SCHEMA, ErrorRecord, Record

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "open_store", "Record", "ErrorRecord", "SCHEMA"]


def __getattr__(name: str):
    # The store (and DuckDB with it, a fifth of a second) is imported when first asked for:
    # coding documents does not need it.
    if name == "open_store":
        from .store import open_store

        return open_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
