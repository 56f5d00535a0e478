"""Runs the stages over batches of documents and builds records.

A failure in one document becomes that document's error record; the batch goes on.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator

from . import actors, events, places, quotes, times
from .context import DocContext
from .document import Document
from .errors import EventwireError
from .language import detect_language
from .nlp import load_nlp
from .record import ErrorInfo, ErrorRecord, Record

log = logging.getLogger(__name__)

# (name, context attribute, stage function): the order is the data flow.
STAGES: list[tuple[str, str, Callable]] = [
    ("actors", "actors", actors.find_actors),
    ("times", "times", times.find_times),
    ("places", "places", places.find_places),
    ("quotes", "quotes", quotes.find_quotes),
    ("events", "events", events.code_events),
]

BATCH_SIZE = 32


def error_record(document: Document, error: EventwireError) -> ErrorRecord:
    return ErrorRecord(id=document.id, title=document.title, date=document.date_str,
                       url=document.url, source=document.source,
                       error=ErrorInfo(code=error.code, message=error.message))


def annotate(spacy_doc, document: Document) -> Record:
    """Run every stage on one parsed document and assemble its record."""
    ctx = DocContext(document=document)
    for name, attr, stage in STAGES:
        try:
            setattr(ctx, attr, stage(spacy_doc, ctx))
        except Exception as exc:  # one stage failing must not lose the document
            log.exception("stage %s failed on %s", name, document.id)
            raise EventwireError("E200", f"{name} ({type(exc).__name__}: {exc})") from exc
    return Record(id=document.id, title=document.title, date=document.date_str,
                  url=document.url, language="en", text=document.text,
                  actors=ctx.actors, times=ctx.times, places=ctx.places,
                  quotes=ctx.quotes, events=ctx.events)


def _unparsed_record(document: Document, language: str) -> Record:
    return Record(id=document.id, title=document.title, date=document.date_str,
                  url=document.url, language=language, text=document.text)


def extract_many(documents: Iterable[Document], batch_size: int = BATCH_SIZE,
                 nlp=None) -> Iterator[tuple[Document, Record | ErrorRecord]]:
    """Yield (document, record) for every input document, in input order."""
    nlp = nlp or load_nlp()
    it = iter(documents)
    while batch := list(itertools.islice(it, batch_size)):
        yield from _extract_batch(batch, nlp)


def _extract_batch(batch: list[Document], nlp):
    results: dict[int, Record | ErrorRecord] = {}
    to_parse: list[int] = []
    for i, document in enumerate(batch):
        if document.error is not None:
            results[i] = error_record(document, document.error)
            continue
        language = detect_language(document.text)
        if language != "en":
            # Kept and recorded, not coded as English.
            results[i] = _unparsed_record(document, language)
            continue
        to_parse.append(i)
    parsed = nlp.pipe((batch[i].text for i in to_parse))
    for i in to_parse:
        document = batch[i]
        try:
            spacy_doc = next(parsed)
        except Exception as exc:
            # A parse failure breaks the generator: parse the rest one by one.
            parsed = _parse_one_by_one(nlp, [batch[j].text for j in to_parse[to_parse.index(i) + 1:]])
            results[i] = error_record(document, EventwireError("E200", f"parse ({exc})"))
            continue
        try:
            results[i] = annotate(spacy_doc, document)
        except EventwireError as err:
            results[i] = error_record(document, err)
    for i, document in enumerate(batch):
        yield document, results[i]


def _parse_one_by_one(nlp, texts):
    for text in texts:
        yield nlp(text)


def extract(text: str, date: str | None = None, id: str = "doc", title: str | None = None,
            url: str | None = None) -> Record | ErrorRecord:
    """Code one text: the library's simplest entry point."""
    from .document import parse_date
    from .readers.common import check_text

    try:
        document = Document(id=id, text=check_text(text), date=parse_date(date), title=title, url=url)
    except EventwireError as err:
        document = Document(id=id, text="", title=title, url=url, error=err,
                            raw=text.encode("utf-8", "replace"))
    return next(extract_many([document]))[1]
