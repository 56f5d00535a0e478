"""Runs the stages over batches of documents and builds records.

A failure in one document becomes that document's error record; the batch goes on.
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import itertools
import logging
import re
import weakref
from collections.abc import Callable, Iterable, Iterator

from . import actors, events, places, quotes, times
from .context import DocContext, Stage, check_stage_order
from .document import Document
from .errors import EventwireError
from .language import detect_language
from .limits import MAX_CODED_CHARS_BATCH
from .nlp import doc_text, keep_text, load_nlp
from .record import ErrorInfo, ErrorRecord, Record

log = logging.getLogger(__name__)

# What each stage reads and fills, in the order of the data flow (checked here, once). The
# quotes and events stages code speakers and sides no actor mention covers ("Houthi
# targets") on demand; the actors stage adds those to the record after the last stage.
STAGES: list[Stage] = [
    Stage("actors", actors.find_actors, assigns="actors", merge_found=actors.merge_found_actors),
    Stage("times", times.find_times, assigns="times"),
    Stage("places", places.find_places, assigns="places"),
    Stage("quotes", quotes.find_quotes, assigns="quotes", requires=("actors", "times"), finds=("actors",)),
    Stage("events", events.code_events, assigns="events", requires=("actors", "times", "places", "quotes"),
          finds=("actors",)),
]
check_stage_order(STAGES)

BATCH_SIZE = 32
# Each batch is parsed in a spaCy memory zone, so the strings it adds are freed with its Docs
# and a long run's vocabulary does not grow with the corpus (issue 11). But spaCy's tokenizer
# caches how it split each whitespace-delimited chunk ("said," -> "said" ",") only outside a
# zone (a cached entry would point at the zone's freed words): in zones only, every chunk of
# every text went through the affix rules again (tokenizing the 600 documents of
# bench/speed.py took 1.6-1.7 s of CPU against 0.3 s with the cache). So the first
# WARM_CHARS characters a process parses are parsed outside a zone: their words and the
# tokenizer's splits of them stay for the process's life (about 2,200 strings for 400,000
# characters of news), and later batches, still each in its own zone, find most of their
# chunks cached. Records are the same either way.
WARM_CHARS = 500_000
_unzoned_chars: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # nlp -> characters parsed outside a zone
# A pass through the parser's network holds at most this many docs and this many characters.
# Its working arrays grow with the tokens in a pass, so the characters set the peak memory of
# a run (issue 11): 600 news articles peaked at 420 MB in passes of 8 docs (about 17,000
# characters) and 604 MB in passes of 32 (about 70,000), which took 3% less CPU. Counting docs
# alone let 8 texts of just under PIECE_CHARS make a pass of 160,000 characters.
PARSE_BATCH = 32
PARSE_CHARS = 80_000
# A text longer than this is parsed in pieces of at most this many characters, cut at
# paragraph breaks, and the pieces joined into one Doc: the parser's memory grows with the
# longest text of a pass (3.3 GB for one 1,000,000-character text parsed whole). Longer than
# nearly every news article, so articles are parsed whole.
PIECE_CHARS = 20_000
# spaCy's tokenizer splits a run of characters without a blank (emoji, a pasted blob) one
# affix at a time, in time quadratic in the run's length (10,000 emoji took 13 s, 1,000 took
# 0.4 s). A text holding such a run is parsed in pieces this long instead; no word is.
RUN_CHARS = 1_000
_LONG_RUN = re.compile(r"\S{%d,}" % (RUN_CHARS + 1))


def coded_part(text: str, max_chars: int | None = MAX_CODED_CHARS_BATCH) -> str:
    """The beginning of ``text`` that is coded: at most ``max_chars`` characters, cut after the
    last paragraph or sentence end (else the last space) before the limit. Offsets into it are
    offsets into the whole text."""
    if not max_chars or len(text) <= max_chars:
        return text
    return text[:_cut(text, 0, max_chars)]


def _cut(text: str, start: int, size: int) -> int:
    """Where a part of ``text`` that starts at ``start`` ends, at most ``size`` characters on:
    after the last line break, else sentence end, else space in its second half."""
    end = start + size
    for sep in ("\n", ". ", " "):
        cut = text.rfind(sep, start, end)
        if cut - start > size // 2:
            return cut + len(sep)
    return end


def text_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters that join back to it."""
    pieces, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def error_record(document: Document, error: EventwireError) -> ErrorRecord:
    return ErrorRecord(id=document.id, title=document.title, date=document.date_str,
                       url=document.url, source=document.source,
                       error=ErrorInfo(code=error.code, message=error.message))


def annotate(spacy_doc, document: Document) -> Record:
    """Run every stage on one parsed document and assemble its record. The Doc may hold only
    the coded beginning of the text (``coded_part``); the record keeps the whole text."""
    parsed = len(doc_text(spacy_doc))
    coded = document if parsed == len(document.text) else dataclasses.replace(
        document, text=document.text[:parsed])
    ctx = run_stages(spacy_doc, DocContext(document=coded))
    return Record(id=document.id, title=document.title, date=document.date_str,
                  url=document.url, language="en", text=document.text,
                  actors=ctx.actors, times=ctx.times, places=ctx.places,
                  quotes=ctx.quotes, events=ctx.events)


def run_stages(spacy_doc, ctx: DocContext) -> DocContext:
    """Run every stage in order, then each stage's merge of what later stages found of its
    part (``Stage.merge_found``)."""
    for stage in STAGES:
        with _stage_error(stage.name, ctx):
            setattr(ctx, stage.assigns, stage.run(spacy_doc, ctx))
    for stage in STAGES:
        if stage.merge_found is not None:
            with _stage_error(f"{stage.name} (merge)", ctx):
                stage.merge_found(ctx)
    return ctx


@contextlib.contextmanager
def _stage_error(name: str, ctx: DocContext):
    """One stage failing must not lose the batch: it becomes the document's E200."""
    try:
        yield
    except Exception as exc:
        log.exception("stage %s failed on %s", name, ctx.document.id)
        raise EventwireError("E200", f"{name} ({type(exc).__name__}: {exc})") from exc


def _unparsed_record(document: Document, language: str) -> Record:
    return Record(id=document.id, title=document.title, date=document.date_str,
                  url=document.url, language=language, text=document.text)


def extract_many(documents: Iterable[Document], batch_size: int = BATCH_SIZE,
                 nlp=None, workers: int = 1,
                 max_chars: int | None = MAX_CODED_CHARS_BATCH,
                 pool=None) -> Iterator[tuple[Document, Record | ErrorRecord]]:
    """Yield (document, record) for every input document, in input order; only the first
    ``max_chars`` characters of each text are coded (``coded_part``).

    With ``workers > 1`` batches are coded in that many processes, each with its own warm
    model; at most two batches per worker are in flight, so memory stays bounded however
    long the input is. ``pool``: a running :func:`coding_pool` of ``workers`` processes to
    use instead of starting one (a long-lived caller keeps its models warm between calls).
    """
    batches = chunks(documents, batch_size)
    if pool is not None:
        yield from _in_order(batches, lambda b: pool.submit(records_of_batch, b, max_chars).result,
                             2 * max(1, workers))
        return
    if workers <= 1:
        nlp = nlp or load_nlp()
        for batch in batches:
            yield from extract_batch(batch, nlp, max_chars)
        return
    yield from _extract_parallel(batches, workers, max_chars)


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _extract_parallel(batches: Iterator[list[Document]], workers: int,
                      max_chars: int | None = MAX_CODED_CHARS_BATCH):
    import multiprocessing as mp

    # fork shares the parent's loaded data files copy-on-write; the model loads once per worker.
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_warm_worker) as pool:
        yield from _in_order(batches, lambda b: pool.apply_async(records_of_batch, (b, max_chars)).get,
                             2 * workers)


def _in_order(batches: Iterator[list[Document]], submit: Callable, window: int):
    """(document, record) pairs in input order from batches coded elsewhere: ``submit(batch)``
    starts one and returns the function that waits for its records; at most ``window``
    batches are in flight."""
    pending: collections.deque = collections.deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        while len(pending) >= window:
            done, result = pending.popleft()
            yield from zip(done, result())
    while pending:
        done, result = pending.popleft()
        yield from zip(done, result())


def coding_pool(workers: int):
    """``workers`` coding processes, each with a warm model, to pass to :func:`extract_many`.

    Spawned, not forked: the caller may run threads (a server, fetchers) whose held locks a
    fork would copy. Each worker ends with its parent, however the parent ends (a SIGKILL
    leaves it no chance to shut the pool down). Shut it down with ``pool.shutdown()``."""
    import concurrent.futures
    import multiprocessing
    import os

    return concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_coding_worker,
        initargs=(os.getpid(),))


def _start_coding_worker(parent_pid: int) -> None:
    import os
    import threading
    import time

    def follow_parent() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=follow_parent, daemon=True).start()
    _warm_worker()


def _warm_worker() -> None:
    load_nlp()


def records_of_batch(batch: list[Document],
                     max_chars: int | None = MAX_CODED_CHARS_BATCH) -> list[Record | ErrorRecord]:
    """A whole batch in one call: the unit of work for worker processes and Dask tasks.
    Only the records go back; the caller still holds the documents."""
    return [record for _, record in extract_batch(batch, load_nlp(), max_chars)]


def extract_batch(batch: list[Document], nlp, max_chars: int | None = MAX_CODED_CHARS_BATCH):
    """Code one batch: error documents and other languages pass through, the rest is parsed
    with one ``nlp.pipe`` call and annotated; every document gets exactly one record."""
    results: dict[int, Record | ErrorRecord] = {}
    to_parse: list[int] = []
    for i, document in enumerate(batch):
        if document.error is not None:
            results[i] = error_record(document, document.error)
            continue
        try:
            language = detect_language(document.text)
        except Exception as exc:
            log.exception("language detection failed on %s", document.id)
            results[i] = error_record(document, EventwireError("E200", f"language ({type(exc).__name__})"))
            continue
        if language != "en":
            # Kept and recorded, not coded as English.
            results[i] = _unparsed_record(document, language)
            continue
        to_parse.append(i)
    # Strings first seen in this batch (names, typos, numbers) are freed with its Docs, so a
    # long run's vocabulary does not grow with the corpus; records hold plain str copies.
    texts = [coded_part(batch[i].text, max_chars) for i in to_parse]
    with _memory_zone(nlp, sum(map(len, texts))):
        for i, parsed in zip(to_parse, _parse_all(nlp, texts)):
            document = batch[i]
            if isinstance(parsed, Exception):
                results[i] = error_record(document, EventwireError("E200", f"parse ({parsed})"))
                continue
            try:
                results[i] = annotate(parsed, document)
            except EventwireError as err:
                results[i] = error_record(document, err)
            except Exception as exc:  # building the record itself: still this document's error
                log.exception("record of %s could not be built", document.id)
                results[i] = error_record(document, EventwireError("E200", f"record ({type(exc).__name__}: {exc})"))
    for i, document in enumerate(batch):
        yield document, results[i]


def _memory_zone(nlp, chars: int):
    """The zone to parse ``chars`` characters in: none while the process's first WARM_CHARS
    characters are parsed (they fill the tokenizer's cache), then a fresh one per batch."""
    zone = getattr(nlp, "memory_zone", None)  # spaCy >= 3.8; test doubles may lack it
    if zone is None:
        return contextlib.nullcontext()
    spent = _unzoned_chars.get(nlp, 0)
    if spent < WARM_CHARS:
        _unzoned_chars[nlp] = spent + chars
        return contextlib.nullcontext()
    return zone()


def _parse_all(nlp, texts: list[str]):
    """Parsed Docs in order; a text that breaks the parser yields its exception instead.
    Texts longer than ``PIECE_CHARS`` are parsed in pieces (``parse_long``)."""
    run: list[str] = []
    for text in texts:
        blob = _LONG_RUN.search(text) is not None
        if len(text) <= PIECE_CHARS and not blob:
            run.append(text)
            continue
        yield from _parse_run(nlp, run)
        run = []
        try:
            yield keep_text(parse_long(nlp, text, RUN_CHARS if blob else PIECE_CHARS), text)
        except Exception as exc:
            log.exception("parse of a %d-character text failed", len(text))
            yield exc
    yield from _parse_run(nlp, run)


def parse_long(nlp, text: str, size: int = PIECE_CHARS):
    """One Doc of ``text`` parsed in pieces of at most ``size`` characters (``text_pieces``),
    one piece per pass: the Doc's text, token offsets and sentences are those of the whole
    text. The pieces' tensors are dropped (no stage reads them)."""
    from spacy.tokens import Doc

    pieces = text_pieces(text, size)
    if len(pieces) == 1:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False,
                         exclude=["tensor"])


def parse_passes(texts: list[str], docs: int = PARSE_BATCH, chars: int = PARSE_CHARS) -> Iterator[list[str]]:
    """``texts`` in consecutive passes of at most ``docs`` texts and ``chars`` characters (a
    text longer than that is a pass of its own)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == docs or size + len(text) > chars):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _parse_run(nlp, texts: list[str]):
    done = 0
    try:
        for batch in parse_passes(texts):
            for text, parsed in zip(batch, nlp.pipe(batch, batch_size=len(batch))):
                done += 1
                yield keep_text(parsed, text)
        return
    except Exception:
        log.exception("batch parse failed after %d documents; parsing the rest one by one", done)
    # nlp.pipe cannot resume after an error: the rest go one at a time to isolate the culprit.
    for text in texts[done:]:
        try:
            parsed = nlp(text)
        except Exception as exc:
            yield exc
            continue
        yield keep_text(parsed, text)


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
