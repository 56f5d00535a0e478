"""The catalogue of coded errors.

E1xx: input could not be read. E2xx: processing failed. E3xx: the store.
E4xx: requests to the HTTP API. Each entry has a code, a name, what went wrong (``message``,
with ``{detail}`` where the case's particulars go) and what the user can do about it or
what happens next (``action``); the sentence a user sees is the two joined by "; ".
"""
from __future__ import annotations

from typing import NamedTuple


class ErrorKind(NamedTuple):
    code: str      # "E101"
    name: str      # "empty_document"
    message: str   # what went wrong; "{detail}" takes the case's particulars
    action: str    # what the user can do about it (or what eventwire does next); "" for nothing

    def sentence(self, detail: str = "") -> str:
        what = self.message.format(detail=detail)
        return f"{what}; {self.action}" if self.action else what


CATALOGUE: dict[str, ErrorKind] = {kind.code: kind for kind in [
    ErrorKind('E100', 'input_missing', 'input path does not exist: {detail}', ''),
    ErrorKind('E101', 'empty_document', 'document is empty or holds only whitespace{detail}', ''),
    ErrorKind('E102', 'not_utf8', 'not valid UTF-8 text{detail}', 're-encode the file as UTF-8'),
    ErrorKind('E103', 'binary_content',
              'binary content ({detail}), not a text, JSON Lines, HTML or WARC document',
              ''),
    ErrorKind('E104', 'malformed_json_line',
              'malformed JSON line{detail}',
              'each line must be one JSON object'),
    ErrorKind('E105', 'no_text_field',
              "JSON line has no usable 'text' field{detail}",
              "give 'text' as a non-empty string"),
    ErrorKind('E106', 'invalid_date', 'invalid date {detail}', 'write dates as YYYY-MM-DD'),
    ErrorKind('E107', 'document_too_large',
              'document too large ({detail})',
              'split it into articles under the size limit'),
    ErrorKind('E108', 'no_main_text', 'no main text could be extracted from the HTML page{detail}', ''),
    ErrorKind('E109', 'unreadable_warc', 'WARC archive could not be read{detail}', ''),
    ErrorKind('E110', 'unsupported_input_type',
              'unsupported input type{detail}',
              'use .txt, .jsonl, .html, .warc or .warc.gz'),
    ErrorKind('E111', 'wrong_field_type', 'JSON line field has the wrong type{detail}', ''),
    ErrorKind('E113', 'reader_failed',
              'the reader failed on this input ({detail})',
              'what was read before it is kept, please report it'),
    ErrorKind('E114', 'input_unreadable', 'input could not be read ({detail})', 'check its permissions'),
    ErrorKind('E115', 'inflates_past_limit',
              'compressed input inflates past the limit ({detail})',
              'it is skipped'),
    ErrorKind('E120', 'fetch_failed', 'could not fetch {detail}', 'it is tried again in a later round'),
    ErrorKind('E121', 'robots_forbid',
              'robots.txt of the site forbids fetching {detail}',
              'it is not fetched'),
    ErrorKind('E122', 'redirect_loop',
              'too many redirects or a redirect loop at {detail}',
              'it is tried again in a later round'),
    ErrorKind('E123', 'not_html', 'not an HTML page ({detail})', 'only web pages are coded'),
    ErrorKind('E124', 'unreadable_feed',
              'feed could not be read {detail}',
              'check that the address gives RSS, Atom or a sitemap'),
    ErrorKind('E125', 'unreadable_feeds_file',
              'feeds file could not be read{detail}',
              'write one feed or sitemap URL (http or https) per line'),
    ErrorKind('E200', 'stage_failed',
              'processing failed in stage {detail}',
              'the document is kept in quarantine'),
    ErrorKind('E201', 'model_missing',
              'the language model could not be loaded{detail}',
              'run `make install`'),
    ErrorKind('E202', 'not_stored',
              'the document could not be stored ({detail})',
              'it is kept in quarantine'),
    ErrorKind('E210', 'unreadable_actor_dictionary',
              'actor dictionary file could not be read{detail}',
              'fix the YAML or remove the file from $EVENTWIRE_ACTORS'),
    ErrorKind('E300', 'store_not_opened', 'store could not be opened{detail}', ''),
    ErrorKind('E301', 'store_schema_newer',
              'store schema is newer than this eventwire{detail}',
              'upgrade eventwire'),
    ErrorKind('E302', 'no_such_record', 'no such record{detail}', ''),
    ErrorKind('E303', 'store_in_use',
              'store is in use by another process{detail}',
              "DuckDB lets one process write or several read a file: stop the writer (an `ingest`, "
              "or a `serve --allow-write`) and rerun, or see the README's section on serving"),
    ErrorKind('E304', 'id_taken',
              'document id {detail} is already stored with different text',
              'post it under a new id'),
    ErrorKind('E305', 'store_write_failed',
              'could not write to the store{detail}',
              'the disk may be full or read-only: free space and rerun (the batch in flight was not stored)'),
    ErrorKind('E306', 'no_such_token',
              'no such token{detail}',
              '`eventwire token list --db PATH` lists them'),
    ErrorKind('E307', 'bad_merge_threshold',
              'merge threshold {detail} is not a number above 0',
              'pick one with bench/merge.py --thresholds'),
    ErrorKind('E400', 'bad_request', 'bad request{detail}', ''),
    ErrorKind('E401', 'token_needed',
              'a valid token is needed to write{detail}',
              'send `Authorization: Bearer TOKEN` (make one with `eventwire token create --db PATH`)'),
    ErrorKind('E403', 'read_only_server',
              'this server is read-only{detail}',
              'start it with `eventwire serve --allow-write`'),
    ErrorKind('E404', 'not_found', 'not found{detail}', ''),
    ErrorKind('E405', 'method_not_allowed', 'method not allowed{detail}', ''),
    ErrorKind('E409', 'conflict', 'conflict{detail}', ''),
    ErrorKind('E413', 'body_too_large', 'request body too large{detail}', ''),
    ErrorKind('E415', 'unsupported_content_type',
              'unsupported content type{detail}',
              'send application/json or text/plain'),
    ErrorKind('E421', 'host_not_served',
              'host {detail} is not served here',
              'add it with `eventwire serve --allowed-host`'),
    ErrorKind('E422', 'invalid_parameters', 'invalid parameters{detail}', ''),
    ErrorKind('E500', 'internal_error', 'internal error{detail}', 'the server log has the details'),
]}


class EventwireError(Exception):
    """An error with a catalogue code; ``str()`` gives a sentence a user can act on."""

    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        kind = CATALOGUE.get(code)
        self.message = kind.sentence(detail) if kind else detail
        super().__init__(f"{code}: {self.message}")
