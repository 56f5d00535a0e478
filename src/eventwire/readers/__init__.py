"""Readers: each turns one kind of input into Documents (error documents for bad input)."""
from .discover import iter_documents, reader_for

__all__ = ["iter_documents", "reader_for"]
