"""HTML pages: main text, title and date by trafilatura."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..document import Document, parse_date
from ..errors import EventwireError
from .common import check_text, decode_bytes, error_document, read_bytes, sniff_binary


def _decode_html(raw: bytes) -> str:
    try:
        return decode_bytes(raw)
    except EventwireError as err:
        if err.code != "E102":
            raise
    # Pages declare legacy charsets; let trafilatura's detection have a go.
    from trafilatura.utils import decode_file

    text = decode_file(raw)
    if not isinstance(text, str):
        raise EventwireError("E102", " (HTML page in an unknown encoding)")
    return text


class _TextCollector(HTMLParser):
    """Visible text outside script/style/navigation, for pages lxml cannot build a tree of
    (libxml2 stops at 256 levels of nesting; stdlib's parser has no such limit)."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "template", "head"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def _fallback_text(html: str) -> str:
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):
        pass  # malformed declarations ("<![x"): keep the text collected before them
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# Below this much text, a page with no extractable article is navigation or boilerplate.
MIN_FALLBACK_CHARS = 80


def parse_html(raw: bytes, doc_id: str, default_date: dt.date | None = None,
               url: str | None = None, source: str | None = None) -> Document:
    import trafilatura

    html = _decode_html(raw)
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                             include_comments=False, include_tables=False)
    except (RecursionError, ValueError) as exc:  # pathological trees
        raise EventwireError("E108", f" ({type(exc).__name__})") from None
    data = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        text = _fallback_text(html)
        if len(text) < MIN_FALLBACK_CHARS:
            raise EventwireError("E108")
    try:
        date = parse_date(data.get("date")) or default_date
    except EventwireError:
        date = default_date
    return Document(id=doc_id, text=check_text(text), date=date, title=data.get("title"),
                    url=url or data.get("url"), source=source)


def read_html_bytes(raw: bytes, doc_id: str, default_date: dt.date | None = None,
                    url: str | None = None, source: str | None = None) -> Document:
    try:
        kind = sniff_binary(raw)
        if kind:
            raise EventwireError("E103", kind)
        return parse_html(raw, doc_id, default_date, url, source)
    except EventwireError as err:
        return error_document(doc_id, err, raw, source or doc_id, url=url)


def read_html_file(path: Path, default_date: dt.date | None = None) -> Iterator[Document]:
    yield read_html_bytes(read_bytes(path), path.stem, default_date, source=str(path))
