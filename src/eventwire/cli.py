"""The command line: a thin layer over the library (see spec/output.md, "Command line")."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text
from rich.table import Table

from .errors import EventwireError
from .limits import MAX_CODED_CHARS, MAX_CODED_CHARS_BATCH

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="markdown",
                  help="Dated news articles in, evidence-linked political event data out.")
err = Console(stderr=True)

INPUTS_HELP = "Files (.txt, .jsonl, .html, .warc, .warc.gz), folders (recursive), or - for stdin."

# Options that several commands take, each defined once (a command's default stays in its
# signature: ``workers: Workers = 1``).
Inputs = Annotated[List[str], typer.Argument(help=INPUTS_HELP)]
StoreFile = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
NewStoreFile = Annotated[Path, typer.Option("--db", help="DuckDB store file (created if missing).")]
PublicationDate = Annotated[Optional[str], typer.Option(
    "--date", help="Publication date for texts without a header, YYYY-MM-DD.")]
Workers = Annotated[int, typer.Option("--workers", min=1, help="Worker processes on this machine.")]
Dask = Annotated[Optional[str], typer.Option("--dask", help="local:N to start a Dask LocalCluster of N workers.")]
Scheduler = Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, tcp://HOST:PORT.")]
ParquetDir = Annotated[Optional[Path], typer.Option(
    "--parquet", help="Also write records as Parquet partitioned by date here.")]
MaxChars = Annotated[int, typer.Option(
    "--max-chars", min=1000, help="Characters of each text that are coded (the whole text is kept).")]
OutputFile = Annotated[Optional[str], typer.Option("-o", "--output", help="Output file (default stdout).")]


def _date_option(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _publication_date(value: Optional[str]) -> Optional[dt.date]:
    """--date: a publication date, checked like the dates in the inputs (E106)."""
    from .document import parse_date

    try:
        return parse_date(value)
    except EventwireError as exc:
        raise typer.BadParameter(str(exc)) from None


class _RateColumn(ProgressColumn):
    """Documents per second over rich's recent window (the last 30 s)."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} docs/s" if task.speed else "- docs/s")


def _progress(label: str) -> Progress:
    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                    _RateColumn(), TimeElapsedColumn(),
                    console=err, disable=not err.is_terminal, transient=False)


def _fail(exc: EventwireError) -> None:
    err.print(f"[red]error[/red] {exc}")
    raise typer.Exit(2)


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write JSON Lines here (default stdout).")] = None,
    date: PublicationDate = None,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 32,
    workers: Workers = 1,
    dask: Dask = None,
    scheduler: Scheduler = None,
    parquet: ParquetDir = None,
    max_chars: MaxChars = MAX_CODED_CHARS_BATCH,
):
    """Code documents and write one record per document as JSON Lines.

    Examples:

        eventwire extract article.txt

        eventwire extract crawl.warc.gz news/ -o records.jsonl

        cat story.txt | eventwire extract - --date 2018-09-17

        eventwire extract corpus/ --workers 2 --parquet out/records/

        eventwire extract corpus/ --scheduler tcp://10.0.0.5:8786 -o records.jsonl
    """
    from .pipeline import chunks
    from .readers import iter_documents

    default_date = _publication_date(date)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    good = bad = 0
    extractor, client = _extractor(workers, dask, scheduler, batch_size, max_chars)
    writer = _parquet_writer(parquet)
    try:
        with _progress("extract") as progress:
            task = progress.add_task("extract", total=None)
            for batch in chunks(extractor(iter_documents(inputs, default_date)), batch_size):
                if writer:
                    writer.write(r for _, r in batch)
                for _, record in batch:
                    out.write(record.to_json() + "\n")
                    if hasattr(record, "error"):
                        bad += 1
                    else:
                        good += 1
                progress.update(task, advance=len(batch))
    except EventwireError as exc:
        _fail(exc)
    finally:
        if output:
            out.close()
        if client is not None:
            client.close()
    err.print(f"{good} documents coded, {bad} with errors")
    if good == 0 and bad > 0:
        raise typer.Exit(1)


@app.command()
def ingest(
    inputs: Inputs,
    db: NewStoreFile,
    date: PublicationDate = None,
    batch_size: Annotated[int, typer.Option(help="Documents per batch (one transaction each).")] = 32,
    workers: Workers = 1,
    dask: Dask = None,
    scheduler: Scheduler = None,
    parquet: ParquetDir = None,
    max_chars: MaxChars = MAX_CODED_CHARS_BATCH,
):
    """Code documents into the store. Idempotent: documents already stored are skipped;
    bad documents are quarantined and counted.

    Example:

        eventwire ingest samples/wikinews/wikinews.jsonl --db eventwire.duckdb

        eventwire ingest crawl/ --db big.duckdb --dask local:2 --parquet out/records/

    A run that is stopped resumes where it left off: rerun the same command.
    """
    from .ingest import ingest as ingest_documents
    from .pipeline import chunks
    from .readers import iter_documents

    default_date = _publication_date(date)
    store = _open(db)
    with store, _progress("ingest") as progress:
        task = progress.add_task("ingest", total=None)

        def on_batch(stats):
            progress.update(task, advance=stats.read)

        extractor, client = _extractor(workers, dask, scheduler, batch_size, max_chars)
        writer = _parquet_writer(parquet)
        if writer:
            inner = extractor

            def extractor(docs):
                for batch in chunks(inner(docs), batch_size):
                    writer.write(r for _, r in batch)
                    yield from batch
        try:
            stats = ingest_documents(store, iter_documents(inputs, default_date), batch_size=batch_size,
                                     on_batch=on_batch, extractor=extractor)
        except EventwireError as exc:  # the store's file failed (E305): nothing more can be stored
            _fail(exc)
        finally:
            if client is not None:
                client.close()
    err.print(f"read {stats.read}: stored {stats.stored}, quarantined {stats.quarantined}, "
              f"already stored {stats.skipped}; {stats.events} events")
    for code, n in sorted(stats.errors.items()):
        err.print(f"  {code}: {n}")
    if stats.read > 0 and stats.stored == 0 and stats.skipped == 0:
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: Annotated[Path, typer.Argument(help="A file of RSS/Atom feed and sitemap URLs, one per line (# comments).")],
    db: NewStoreFile,
    every: str = typer.Option("15m", "--every", help="Time from one round's start to the next: 90s, 15m, 1h."),
    once: bool = typer.Option(False, "--once", help="One round, then exit (for cron and tests)."),
    serve: bool = typer.Option(False, "--serve", help="Also serve the API and page over the store, read-only, "
                                                      "from this process (the store's one writer)."),
    host: str = typer.Option("127.0.0.1", help="--serve: interface to listen on."),
    port: int = typer.Option(8000, help="--serve: port."),
    workers: int = typer.Option(1, "--workers", min=0, help="Coding processes (0: code in this process)."),
    rate: float = typer.Option(1.0, "--rate", min=0.01, help="Requests per second to one host, at most."),
    per_host: int = typer.Option(2, "--per-host", min=1, help="Requests in flight to one host, at most."),
    batch_size: int = typer.Option(8, help="Articles per coding batch (one transaction each)."),
    max_chars: MaxChars = MAX_CODED_CHARS,
):
    """Watch news feeds: each round fetches the feeds (conditional requests), fetches the new
    articles politely (robots.txt, a pace per host), codes them into the store as `ingest`
    does, and merges. A stopped watch resumes where it was: rerun it.

    Examples:

        eventwire watch feeds.txt --db news.duckdb --every 15m

        eventwire watch feeds.txt --db news.duckdb --once

        eventwire watch feeds.txt --db news.duckdb --serve --port 8000
    """
    import threading

    from .watch import FetchPolicy, WatchOptions, parse_every, read_feeds_file
    from .watch import watch as watch_rounds

    try:
        interval = None if once else parse_every(every)
    except ValueError:
        raise typer.BadParameter(f"{every!r} is no interval; write 90s, 15m or 1h") from None
    try:
        feed_urls = read_feeds_file(feeds)
    except EventwireError as exc:
        _fail(exc)
    options = WatchOptions(policy=FetchPolicy(rate=rate, per_host=per_host), batch_size=batch_size,
                           max_chars=max_chars)
    store = _open(db)
    server = _serve_in_thread(store, db, host, port) if serve else None
    stop = threading.Event()
    reports = []
    with store, _progress("watch") as progress:
        task = progress.add_task("watch", total=None)

        def on_due(n):
            progress.reset(task, total=n, description=f"round {len(reports) + 1}")

        def on_round(report):
            reports.append(report)
            progress.console.print(report.line(), markup=False, highlight=False, soft_wrap=True)
            for url, error in report.feed_failures:
                progress.console.print(f"  feed failed: {error}", markup=False, highlight=False, soft_wrap=True)

        err.print(f"watching {len(feed_urls)} feeds into {db}" + ("" if once else f", a round every {every}")
                  + (f"; serving at http://{host}:{port}/" if serve else ""))
        try:
            watch_rounds(store, feed_urls, options, every=interval, workers=workers, stop=stop,
                         on_round=on_round, on_due=on_due, on_fetched=lambda: progress.advance(task))
        except KeyboardInterrupt:
            err.print("stopped; rerun to resume")
        except EventwireError as exc:  # the store's file failed (E305)
            _fail(exc)
        finally:
            stop.set()
            if server is not None:
                server.should_exit = True
    if once and reports and len(reports[-1].feed_failures) == reports[-1].feeds and reports[-1].feeds:
        raise typer.Exit(1)  # no feed could be read


def _serve_in_thread(store, db: Path, host: str, port: int):
    """uvicorn over ``store`` in a daemon thread: read-only API and page beside a watch."""
    import threading
    import time

    import uvicorn

    from .api import LOCAL_HOSTS, create_app

    api = create_app(db, store=store, allowed_hosts=[host, *LOCAL_HOSTS])
    server = uvicorn.Server(uvicorn.Config(api, host=host, port=port, log_level="warning"))
    # Outside the main thread uvicorn leaves the signals alone: Ctrl-C stops the watch.
    thread = threading.Thread(target=server.run, daemon=True, name="serve")
    thread.start()
    while not server.started:
        if not thread.is_alive():  # the port is taken, say: uvicorn has logged why
            err.print(f"[red]error[/red] could not serve at http://{host}:{port}/")
            raise typer.Exit(2)
        time.sleep(0.05)
    return server


def _extractor(workers: int, dask: Optional[str], scheduler: Optional[str], batch_size: int,
               max_chars: int = MAX_CODED_CHARS_BATCH):
    """The function that codes a stream of documents: one process, N processes, or Dask."""
    from .pipeline import extract_many

    if dask and scheduler:
        raise typer.BadParameter("give --dask or --scheduler, not both")
    if dask or scheduler:
        from .distributed import connect, extract_with_dask

        spec = dask or scheduler
        if dask and not dask.startswith("local"):
            raise typer.BadParameter("--dask takes local:N; use --scheduler for a running cluster")
        client = connect(spec)
        return (lambda docs: extract_with_dask(docs, client, batch_size=batch_size)), client
    return (lambda docs: extract_many(docs, batch_size=batch_size, workers=workers, max_chars=max_chars)), None


def _parquet_writer(path: Optional[Path]):
    if path is None:
        return None
    from .partitions import PartitionedParquetWriter

    return PartitionedParquetWriter(path)


def _query(start, end, country, actor, category, quad_class, modality, min_sources, bbox, text,
           limit, offset):
    from .store import BBOX_HELP, EventQuery

    try:
        return EventQuery.from_params(start=_date_option(start), end=_date_option(end), country=country,
                                      actor=actor, category=category, quad_class=quad_class, modality=modality,
                                      min_sources=min_sources, bbox=bbox, text=text, limit=limit, offset=offset)
    except ValueError:
        raise typer.BadParameter(BBOX_HELP) from None


@app.command()
def events(
    db: StoreFile,
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet, gdelt (GDELT 2.0 event table, 61 columns) or acled (ACLED CSV)."),
    output: OutputFile = None,
    header: bool = typer.Option(False, "--header", help="gdelt: write the column names as a first line (GDELT's files have none)."),
    start: Optional[str] = typer.Option(None, help="Earliest event day, YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, help="Latest event day, YYYY-MM-DD."),
    country: Optional[str] = typer.Option(None, help="ISO3 country of an actor or the place."),
    actor: Optional[str] = typer.Option(None, help="Actor name, code or country."),
    category: Optional[str] = typer.Option(None, help="PLOVER category, e.g. ASSAULT."),
    quad_class: Optional[int] = typer.Option(None, help="1-4."),
    modality: str = typer.Option("asserted", help="asserted, negated, hypothetical, future or any."),
    min_sources: int = typer.Option(1, help="Only events reported by at least this many documents."),
    bbox: Optional[str] = typer.Option(None, help="WEST,SOUTH,EAST,NORTH."),
    text: Optional[str] = typer.Option(None, help="Words in the evidence."),
    limit: int = typer.Option(10_000, help="At most this many events."),
):
    """Merged events (one per real-world event, with every report as a source).

    Example:

        eventwire events --db eventwire.duckdb --category ASSAULT --country SYR --format csv
    """
    from .export import write_events

    query = _query(start, end, country, actor, category, quad_class, modality, min_sources, bbox,
                   text, limit, 0)
    with _open(db, read_only=True) as store:
        rows = store.merged_events(query)
    try:
        n = write_events(rows, fmt, output, header=header)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    err.print(f"{n} merged events")


@app.command()
def export(
    db: StoreFile,
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv or parquet."),
    output: OutputFile = None,
    start: Optional[str] = typer.Option(None, help="Earliest publication date, YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, help="Latest publication date, YYYY-MM-DD."),
    country: Optional[str] = typer.Option(None, help="Documents naming an actor or place of this ISO3 country."),
):
    """Document records as stored (the spec's record per line).

    Example:

        eventwire export --db eventwire.duckdb --format parquet -o records.parquet
    """
    from .export import flatten_record, write_rows

    with _open(db, read_only=True) as store:
        try:
            records = store.records(start=_date_option(start), end=_date_option(end), country=country)
            n = write_rows(records, fmt, output, flatten=flatten_record)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    err.print(f"{n} records")


@app.command()
def stats(db: StoreFile):
    """A summary of the store: documents, events by category, top actors and places, quarantine."""

    out = Console(width=None if sys.stdout.isatty() else 110)
    with _open(db, read_only=True) as store:
        s = store.stats()
        actors = store.actors(limit=10)
        places = store.places(limit=10)
        quarantined = store.quarantined(limit=20)
        feeds = store.feeds()
    c = s["counts"]
    out.print(f"[bold]{c['documents']}[/bold] documents, [bold]{c['events']}[/bold] coded events "
              f"in [bold]{c['merged_events']}[/bold] merged events, "
              f"[bold]{c['quarantine']}[/bold] quarantined inputs")
    for title, rows, cols in (
        ("Asserted events by PLOVER category", s["by_category"], ("category", "n")),
        ("Events by modality", s["by_modality"], ("modality", "n")),
        ("Top actors", actors, ("name", "code", "documents", "mentions")),
        ("Top places", places, ("name", "country", "feature", "documents")),
        ("Quarantined inputs", quarantined, ("id", "code", "message")),
        ("Watched feeds", feeds, ("url", "kind", "last_success", "stored", "waiting", "last_error")),
    ):
        if title == "Watched feeds" and not rows:
            continue
        table = Table(title=title, title_justify="left")
        for col in cols:
            # a feed's address is folded, never cut: it is what tells the feeds apart
            table.add_column(col, overflow="fold" if col in ("url", "last_error") else "ellipsis")
        for row in rows:
            table.add_row(*("" if row.get(col) is None else str(row[col]) for col in cols))
        out.print(table)


@app.command()
def serve(
    db: StoreFile,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port."),
    allow_write: bool = typer.Option(False, "--allow-write",
                                     help="Take POST /api/ingest with a write token (opens the store read-write)."),
    allowed_host: List[str] = typer.Option([], "--allowed-host",
                                           help="Another Host name to answer to (repeatable); '*' for any."),
    cors_origin: List[str] = typer.Option([], "--cors-origin",
                                          help="An origin whose pages may read the API (repeatable)."),
    max_chars: int = typer.Option(MAX_CODED_CHARS, "--max-chars", min=1000,
                                  help="Characters of a posted article that are coded."),
):
    """Serve the JSON API (and the web page) over the store, read-only unless --allow-write.

    Examples:

        eventwire serve --db eventwire.duckdb --port 8000

        eventwire token create --db eventwire.duckdb --name newsroom

        eventwire serve --db eventwire.duckdb --allow-write --host 10.0.0.5 --allowed-host events.example.org
    """
    import uvicorn

    from .api import LOCAL_HOSTS, create_app

    try:
        api = create_app(db, allow_write=allow_write, allowed_hosts=[host, *LOCAL_HOSTS, *allowed_host],
                         cors_origins=cors_origin, max_chars=max_chars)
    except EventwireError as exc:
        _fail(exc)
    if host in ("0.0.0.0", "::") and not allowed_host:
        err.print(f"note: other machines reach this server by a name or address, and only the Host names "
                  f"localhost, 127.0.0.1 and [::1] are answered; give the ones clients use with "
                  f"--allowed-host (E421 otherwise)")
    mode = "read-write: POST /api/ingest with a token" if allow_write else "read-only"
    err.print(f"serving {db} ({mode}) at http://{host}:{port}/  (API under /api, OpenAPI at /openapi.json)")
    uvicorn.run(api, host=host, port=port, log_level="warning")


token_app = typer.Typer(no_args_is_help=True, help="Write tokens for the API of `serve --allow-write`.")
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    db: StoreFile,
    name: str = typer.Option("token", "--name", help="What the token is for (shown by `token list`)."),
):
    """Make a write token and print it once; the store keeps only its hash.

    Example:

        eventwire token create --db eventwire.duckdb --name newsroom
    """

    with _open(db) as store:
        token_id, token = store.create_token(name)
    err.print(f"token {token_id} ({name}) made; it is shown only this once:")
    print(token)


@token_app.command("list")
def token_list(db: StoreFile):
    """Tokens by id and name, with when they were made and revoked."""
    with _open(db, read_only=True) as store:
        rows = store.tokens()
    table = Table(title="Write tokens", title_justify="left")
    for col in ("token_id", "name", "created_at", "revoked_at"):
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in ("token_id", "name", "created_at", "revoked_at")))
    Console().print(table)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id, from `token list`.")],
    db: StoreFile,
):
    """Revoke a token: writes with it are refused from the next request on."""
    with _open(db) as store:
        try:
            store.revoke_token(token_id)
        except EventwireError as exc:
            _fail(exc)
    err.print(f"token {token_id} revoked")


def _open(db: Path, read_only: bool = False):
    """The store, or a coded error and exit 2 (a missing file, one locked by a writer: E303)."""
    from .store import open_store

    if read_only and not db.exists():
        _fail(EventwireError("E300", f" at {db}: no such file"))
    try:
        return open_store(db, read_only=read_only)
    except EventwireError as exc:
        _fail(exc)


if __name__ == "__main__":
    app()
