"""The catalogue of coded errors.

E1xx: input could not be read. E2xx: processing failed. E3xx: the store.
E4xx: requests to the HTTP API.
Each message says what went wrong and what the user can do about it.
"""
from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "E100": "input path does not exist: {detail}",
    "E101": "document is empty or holds only whitespace{detail}",
    "E102": "not valid UTF-8 text{detail}; re-encode the file as UTF-8",
    "E103": "binary content ({detail}), not a text, JSON Lines, HTML or WARC document",
    "E104": "malformed JSON line{detail}; each line must be one JSON object",
    "E105": "JSON line has no usable 'text' field{detail}; give 'text' as a non-empty string",
    "E106": "invalid date {detail}; write dates as YYYY-MM-DD",
    "E107": "document too large ({detail}); split it into articles under the size limit",
    "E108": "no main text could be extracted from the HTML page{detail}",
    "E109": "WARC archive could not be read{detail}",
    "E110": "unsupported input type{detail}; use .txt, .jsonl, .html, .warc or .warc.gz",
    "E111": "JSON line field has the wrong type{detail}",
    "E113": "the reader failed on this input ({detail}); what was read before it is kept, please report it",
    "E114": "input could not be read ({detail}); check its permissions",
    "E115": "compressed input inflates past the limit ({detail}); it is skipped",
    "E120": "could not fetch {detail}; it is tried again in a later round",
    "E121": "robots.txt of the site forbids fetching {detail}; it is not fetched",
    "E122": "too many redirects or a redirect loop at {detail}; it is tried again in a later round",
    "E123": "not an HTML page ({detail}); only web pages are coded",
    "E124": "feed could not be read {detail}; check that the address gives RSS, Atom or a sitemap",
    "E125": "feeds file could not be read{detail}; write one feed or sitemap URL (http or https) per line",
    "E200": "processing failed in stage {detail}; the document is kept in quarantine",
    "E201": "the language model could not be loaded{detail}; run `make install`",
    "E202": "the document could not be stored ({detail}); it is kept in quarantine",
    "E210": "actor dictionary file could not be read{detail}; fix or remove the file",
    "E300": "store could not be opened{detail}",
    "E301": "store schema is newer than this eventwire{detail}; upgrade eventwire",
    "E302": "no such record{detail}",
    "E303": ("store is in use by another process{detail}; DuckDB lets one process write or several "
             "read a file: stop the writer (an `ingest`, or a `serve --allow-write`) and rerun, or "
             "see the README's section on serving"),
    "E304": "document id {detail} is already stored with different text; post it under a new id",
    "E305": ("could not write to the store{detail}; the disk may be full or read-only: free space "
             "and rerun (the batch in flight was not stored)"),
    "E306": "no such token{detail}; `eventwire token list --db PATH` lists them",
    "E307": "merge threshold {detail} is not a number above 0; pick one with bench/merge.py --thresholds",
    "E400": "bad request{detail}",
    "E401": ("a valid token is needed to write{detail}: send `Authorization: Bearer TOKEN` "
             "(make one with `eventwire token create --db PATH`)"),
    "E403": "this server is read-only{detail}; start it with `eventwire serve --allow-write`",
    "E404": "not found{detail}",
    "E405": "method not allowed{detail}",
    "E409": "conflict{detail}",
    "E413": "request body too large{detail}",
    "E415": "unsupported content type{detail}; send application/json or text/plain",
    "E421": "host {detail} is not served here; add it with `eventwire serve --allowed-host`",
    "E422": "invalid parameters{detail}",
    "E500": "internal error{detail}; the server log has the details",
}


class EventwireError(Exception):
    """An error with a catalogue code; ``str()`` gives a sentence a user can act on."""

    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        template = CATALOGUE.get(code, "{detail}")
        self.message = template.format(detail=detail)
        super().__init__(f"{code}: {self.message}")


def describe(code: str, detail: str = "") -> str:
    return CATALOGUE[code].format(detail=detail)
