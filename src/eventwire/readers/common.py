"""What every reader shares: turning bytes into checked text, and bad input into error documents."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..document import Document
from ..errors import EventwireError
from ..limits import MAX_DOCUMENT_BYTES

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
]


def sniff_binary(raw: bytes) -> str | None:
    """The kind of binary content, or None when the bytes look like text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    head = raw[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "NUL bytes"
    return None


def decode_bytes(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16 text; anything else raises a coded error."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise EventwireError("E107", f"{len(raw):,} bytes, limit {MAX_DOCUMENT_BYTES:,}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EventwireError("E102", f" (UTF-16 BOM, bad data at byte {exc.start})") from None
    kind = sniff_binary(raw)
    if kind:
        raise EventwireError("E103", kind)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EventwireError("E102", f" at byte {exc.start}") from None
    return text.removeprefix("\ufeff")


# Half of a UTF-16 pair with no other half (JSON's "\ud800"): no encoder can write it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str) -> str:
    """Normalize newlines, replace lone surrogates with U+FFFD (one character for one, so
    offsets hold) and refuse text that cannot be a document."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise EventwireError("E107", f"{len(text):,} characters, limit {MAX_DOCUMENT_BYTES:,}")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _LONE_SURROGATE.sub("\ufffd", text)
    if not text.strip():
        raise EventwireError("E101")
    if "\x00" in text:
        raise EventwireError("E103", "NUL characters in text")
    return text


def error_document(doc_id: str, error: EventwireError, raw: bytes | None, source: str,
                   **fields) -> Document:
    return Document(id=doc_id, text="", error=error, raw=raw, source=source, **fields)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing oversize files before reading them whole."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES * 20:
        raise EventwireError("E107", f"{size:,} bytes")
    return path.read_bytes()
