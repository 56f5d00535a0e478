"""Feeds: the feeds file, and the article URLs (with titles and dates) that an RSS, Atom or
sitemap answer lists. Parsing only; fetching is ``fetch.py``'s.

RSS and Atom go to feedparser, which reads the many broken feeds found in the wild; sitemaps
(``urlset``, ``sitemapindex``, Google news sitemaps, gzipped or not) are read here with a
parser that resolves no entities and reaches no network.
"""
from __future__ import annotations

import calendar
import datetime as dt
import gzip
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from ..document import parse_date
from ..errors import EventwireError
from ..limits import MAX_DOCUMENT_BYTES, MAX_FEED_ITEMS


@dataclass(frozen=True)
class FeedItem:
    url: str                      # normalised (``normalize_url``)
    title: str | None = None
    date: dt.date | None = None   # the item's publication date: the fallback for the page's own


@dataclass
class FeedAnswer:
    kind: str                     # rss, atom, sitemap, sitemapindex
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)   # a sitemap index's child sitemaps


def normalize_url(url: str, base: str | None = None) -> str | None:
    """One spelling per article: absolute, http(s) only, host lower case, default port and
    fragment dropped, tracking parameters (utm_*, ...) removed and the rest sorted (courlan).
    None for what is no web address (mailto:, javascript:, an empty link)."""
    from courlan import normalize_url as courlan_normalize

    if not url or not url.strip():
        return None
    url = url.strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        normal = courlan_normalize(urldefrag(url)[0])
    except ValueError:
        return None
    return urldefrag(normal)[0] or None


_COMMENT = re.compile(r"\s+#.*$")


def read_feeds_file(path: str | Path) -> list[str]:
    """Feed and sitemap URLs, one per line; blank lines and ``#`` comments are skipped. A line
    that is no http(s) URL stops with E125 naming it (a typo should not pass unseen)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EventwireError("E125", f" ({path}: {exc})") from None
    feeds: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", line).strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.hostname or " " in line:
            raise EventwireError("E125", f" ({path}, line {n}: {line[:200]!r})")
        if line not in feeds:
            feeds.append(line)
    if not feeds:
        raise EventwireError("E125", f" ({path} lists no feed)")
    return feeds


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> FeedAnswer:
    """The article URLs a feed or sitemap answer lists; E124 when it is neither."""
    if body.startswith(b"\x1f\x8b"):  # sitemap.xml.gz, sent without Content-Encoding
        body = _gunzip(body, url)
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _parse_sitemap(body, url)
    return _parse_rss_or_atom(body, url, content_type)


def _gunzip(body: bytes, url: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise EventwireError("E124", f"at {url} (gzip: {exc})") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise EventwireError("E124", f"at {url} (inflates past {MAX_DOCUMENT_BYTES:,} bytes)")
    return data


def _parse_rss_or_atom(body: bytes, url: str, content_type: str | None) -> FeedAnswer:
    import feedparser

    # Bytes, never a URL string: feedparser would fetch a string itself.
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    version = parsed.get("version") or ""
    if not version and not parsed.get("entries"):
        problem = getattr(parsed, "bozo_exception", None)
        raise EventwireError("E124", f"at {url} (neither RSS, Atom nor a sitemap{f': {problem}' if problem else ''})")
    kind = "atom" if version.startswith("atom") else "rss"
    items = []
    for entry in parsed.entries[:MAX_FEED_ITEMS]:
        link = entry.get("link") or _first_link(entry)
        normal = normalize_url(link, base=url) if link else None
        if normal:
            items.append(FeedItem(normal, _clean_title(entry.get("title")), _entry_date(entry)))
    return FeedAnswer(kind, items)


def _first_link(entry) -> str | None:
    for link in entry.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return entry.get("id") if str(entry.get("id", "")).startswith(("http://", "https://")) else None


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)  # not entry.get: feedparser maps a missing key to another
        if value:
            return _checked_date(dt.datetime.fromtimestamp(calendar.timegm(value), dt.timezone.utc).date())
    return None


def _checked_date(day: dt.date | None) -> dt.date | None:
    """A feed's date as a publication date: None when it cannot be one (future, placeholder)."""
    if day is None:
        return None
    try:
        return parse_date(day.isoformat())
    except EventwireError:
        return None


def _clean_title(title: str | None) -> str | None:
    title = " ".join((title or "").split())
    return title[:1000] or None


_SAFE_XML = None


def _xml_parser():
    global _SAFE_XML
    if _SAFE_XML is None:
        from lxml import etree

        # No entity expansion, no DTD or network fetch, libxml2's size guards left on.
        _SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                    huge_tree=False, recover=True, remove_comments=True)
    return _SAFE_XML


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _parse_sitemap(body: bytes, url: str) -> FeedAnswer:
    from lxml import etree

    try:
        root = etree.fromstring(body, _xml_parser())
    except etree.XMLSyntaxError as exc:
        raise EventwireError("E124", f"at {url} (sitemap: {exc})") from None
    if root is None:
        raise EventwireError("E124", f"at {url} (empty sitemap)")
    kind = _local(root.tag)
    answer = FeedAnswer("sitemapindex" if kind == "sitemapindex" else "sitemap")
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        fields = {_local(child.tag): child for child in node.iter() if child is not node}
        loc = fields.get("loc")
        normal = normalize_url((loc.text or "") if loc is not None else "", base=url)
        if not normal:
            continue
        if answer.kind == "sitemapindex":
            answer.sitemaps.append(normal)
            continue
        # News sitemaps carry the publication date and title; <lastmod> is when the page last
        # changed, which is no publication date.
        date = fields.get("publication_date")
        title = fields.get("title")
        answer.items.append(FeedItem(normal, _clean_title(title.text if title is not None else None),
                                     _iso_date(date.text if date is not None else None)))
        if len(answer.items) >= MAX_FEED_ITEMS:
            break
    return answer


def _iso_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return _checked_date(dt.date.fromisoformat(text.strip()[:10]))
    except ValueError:
        return None
