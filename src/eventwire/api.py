"""The JSON API (FastAPI): a thin layer over the store's query functions.

Every error answers ``{"error": {"code": "E4xx", "message": "..."}}``.

Read-only unless made with ``allow_write``: then POST /api/ingest takes a write token
(``Authorization: Bearer``, see ``eventwire token create``), an explicit ``application/json``
or ``text/plain`` body of at most MAX_BODY_BYTES, and codes the article in a worker process,
so the API keeps answering while it is parsed. Requests whose Host is not allowed are refused
(DNS rebinding); no cross-origin reads unless origins are given.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import threading
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Literal, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import CATALOGUE, EventwireError
from .ingest import store_coded
from .limits import MAX_CODED_CHARS
from .store import BBOX_HELP, SORT_HELP, EventQuery, QuoteQuery, open_store, parse_sort

MAX_BODY_BYTES = 2_000_000
# Host names always served besides the interface's own: the machine itself.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
BODY_TYPES = ("application/json", "text/plain")
PageLimit = Query(100, ge=1, le=1000, description="At most this many items.")
PageOffset = Query(0, ge=0, le=10_000_000)


class ArticleIn(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_BODY_BYTES)
    id: Optional[str] = Field(None, max_length=200)
    date: Optional[str] = Field(None, max_length=32, description="YYYY-MM-DD")
    title: Optional[str] = Field(None, max_length=1000)
    url: Optional[str] = Field(None, max_length=2000)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


_STATUS_CODES = {400: "E400", 401: "E401", 403: "E403", 404: "E404", 405: "E405", 409: "E409",
                 413: "E413", 415: "E415", 421: "E421", 422: "E422"}
# Coded errors raised by the library and the status each is answered with (else 400).
_ERROR_STATUS = {"E302": 404, "E404": 404, "E401": 401, "E403": 403, "E304": 409, "E413": 413,
                 "E415": 415, "E421": 421}


def _allowed_name(name: str) -> str:
    """An allowed host as a Host header names it: IPv6 addresses in brackets ("::1" -> "[::1]")."""
    name = name.strip().lower()
    return f"[{name}]" if name.count(":") > 1 and not name.startswith("[") else _host_name(name)


def _host_name(header: str) -> str:
    """The Host header without its port, lower case ("[::1]:8000" -> "[::1]")."""
    host = header.strip().lower()
    if host.startswith("["):
        return host[:host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _media_type_of(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def event_filters(
    start: Optional[dt.date] = None, end: Optional[dt.date] = None,
    country: Optional[str] = Query(None, max_length=3), actor: Optional[str] = Query(None, max_length=200),
    category: Optional[str] = Query(None, max_length=20), quad_class: Optional[int] = Query(None, ge=1, le=4),
    modality: Literal["asserted", "negated", "hypothetical", "future", "any"] = "asserted",
    min_sources: int = Query(1, ge=1, le=100_000),
    bbox: Optional[str] = Query(None, max_length=100, description="WEST,SOUTH,EAST,NORTH"),
    text: Optional[str] = Query(None, max_length=200),
    undated: bool = Query(False, description="Only the events no report dates."),
) -> dict:
    """The event filters shared by /api/events, /api/network and /api/stats: one filter state
    that every view of the page obeys (the command line builds the same query)."""
    try:
        return EventQuery.from_params(start=start, end=end, country=country, actor=actor, category=category,
                                      quad_class=quad_class, modality=modality, min_sources=min_sources,
                                      bbox=bbox, text=text, undated=undated)
    except ValueError:
        raise EventwireError("E400", f": {BBOX_HELP}") from None


EventSort = Query("-date", max_length=20, description=SORT_HELP + " (default: newest first)")


def create_app(db_path: str | Path, allow_write: bool = False,
               allowed_hosts: list[str] | tuple[str, ...] | None = None,
               cors_origins: list[str] | tuple[str, ...] = (),
               max_chars: int | None = MAX_CODED_CHARS, parse_in: str = "process",
               store=None) -> FastAPI:
    """The app over the store at ``db_path``, opened read-only unless ``allow_write``; or over
    ``store``, an open Store another part of this process writes (`watch --serve`: DuckDB lets
    one process write a file, so the watcher and the server share its connection).

    ``allowed_hosts``: Host names served (default: this machine's names); ``"*"`` serves any.
    ``cors_origins``: origins whose pages may read the API (GET only); none by default.
    ``max_chars``: characters of a posted article that are coded. ``parse_in``: "process"
    (a worker process, the default) or "thread" for coding posted articles.
    """
    from contextlib import asynccontextmanager

    store = store if store is not None else open_store(db_path, read_only=not allow_write)
    write_lock = threading.Lock()  # one writer at a time; readers use their own cursors
    hosts = {_allowed_name(h) for h in (allowed_hosts or LOCAL_HOSTS)}
    coder = _Coder(max_chars, parse_in)

    @asynccontextmanager
    async def lifespan(app):
        yield
        coder.close()

    # /docs and /redoc are served below from the package's own copies of their scripts.
    app = FastAPI(title="eventwire", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data coded from news articles (schema eventwire/1).")

    from contextlib import contextmanager

    @contextmanager
    def reading():
        """A cursor view for this request: a consistent snapshot, concurrent with others."""
        view = store.reader()
        try:
            yield view
        finally:
            view.close()
    app.state.store = store
    app.state.coder = coder

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404 and _wants_html(request):
            return _not_found_page(request.url.path)
        code = _STATUS_CODES.get(exc.status_code, "E400")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts = ["{}: {}".format(".".join(str(p) for p in e.get("loc", ())), e.get("msg")) for e in exc.errors()]
        return _error(422, "E422", "; ".join(parts)[:2000])

    @app.exception_handler(EventwireError)
    async def coded_error(request: Request, exc: EventwireError):
        if exc.code == "E404" and _wants_html(request):
            return _not_found_page(request.url.path)
        response = _error(_ERROR_STATUS.get(exc.code, 400), exc.code, exc.message)
        if exc.code == "E401":
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        return _error(500, "E500", "internal error; the server log has the details")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return _error(413, "E413", f"request body over {MAX_BODY_BYTES:,} bytes")
        return await call_next(request)

    # Added last, so it runs first: a request for a name this server does not answer to (a
    # rebound DNS name pointing a page's own origin at 127.0.0.1) gets nothing.
    @app.middleware("http")
    async def check_host(request: Request, call_next):
        host = _host_name(request.headers.get("host", ""))
        if "*" not in hosts and host not in hosts:
            return _error(421, "E421", CATALOGUE["E421"].sentence(repr(host)[:100]))
        return await call_next(request)

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"],
                           allow_credentials=False)

    @app.get("/api/documents", summary="Documents, by date")
    def documents(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.documents(limit, offset), "limit": limit, "offset": offset}

    # :path, so an id holding a slash (a URL, "a/b", sent as a%2Fb) can be opened.
    @app.get("/api/documents/{doc_id:path}", summary="One document's full record")
    def document(doc_id: str):
        with reading() as view:
            record = view.record(doc_id)
        if record is None:
            raise EventwireError("E302", f": document {doc_id!r}")
        return record

    @app.get("/api/events", summary="Merged events with filters, a page at a time, with the total",
             description="format=csv streams every matching event (no page), with the evidence, "
                         "sentence, title, URL and place precision; bom=1 starts it with a byte-order "
                         "mark, so a spreadsheet reads it as UTF-8.")
    def events(filters: EventQuery = Depends(event_filters), format: Literal["json", "csv"] = "json",
               limit: int = PageLimit, offset: int = PageOffset, sort: str = EventSort,
               bom: bool = Query(False, description="csv: start with a UTF-8 byte-order mark.")):
        query = replace(filters, sort=_checked_sort(sort), limit=limit, offset=offset)
        if format == "csv":
            return StreamingResponse(_events_csv(store, query, bom), media_type="text/csv; charset=utf-8",
                                     headers={"Content-Disposition": "attachment; filename=events.csv"})
        with reading() as view:
            items = view.merged_events(query)
            total = view.count_merged(query)
        # The store gives plain JSON values: skip FastAPI's generic encoder, which costs more
        # than the query on a page of 1000 events.
        return JSONResponse({"items": items, "total": total, "limit": limit, "offset": offset, "sort": sort})

    @app.get("/api/quotes", summary="Quotes with their speakers by name, newest first")
    def quotes(speaker: Optional[str] = Query(None, max_length=200, description="Letters of the speaker's name."),
               actor: Optional[str] = Query(None, max_length=200, description="The speaker's actor: name or code."),
               text: Optional[str] = Query(None, max_length=200, description="Words in the quote."),
               start: Optional[dt.date] = None, end: Optional[dt.date] = None,
               doc: Optional[str] = Query(None, max_length=2000, description="One document's id."),
               limit: int = PageLimit, offset: int = PageOffset):
        query = QuoteQuery(speaker=speaker, actor=actor, text=text, start=start, end=end, doc=doc,
                           limit=limit, offset=offset)
        with reading() as view:
            return {"items": view.quotes(query), "total": view.count_quotes(query), "limit": limit,
                    "offset": offset}

    @app.get("/api/network", summary="Who acts on whom: source/target pairs of merged events")
    def network(filters: EventQuery = Depends(event_filters),
                limit: int = Query(200, ge=1, le=2000, description="At most this many edges, heaviest first.")):
        with reading() as view:
            return {"items": view.network(replace(filters, limit=limit)), "limit": limit}

    @app.get("/api/actors", summary="Actors by the number of documents naming them")
    def actors(limit: int = PageLimit, offset: int = PageOffset,
               q: Optional[str] = Query(None, max_length=200, description="Letters of the name or code.")):
        with reading() as view:
            return {"items": view.actors(limit, offset, q), "limit": limit, "offset": offset}

    @app.get("/api/places", summary="Places by the number of documents naming them")
    def places(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.places(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/quarantine", summary="Inputs that could not be read or coded")
    def quarantine(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.quarantined(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/feeds", summary="Watched feeds: last success, last error, what became of their articles")
    def feeds():
        with reading() as view:
            return {"items": view.feeds()}

    @app.get("/api/stats", summary="Counts of the filtered events: by day, period, country and month, quad class")
    def stats(filters: EventQuery = Depends(event_filters)):
        with reading() as view:
            return view.stats(filters)

    @app.post("/api/ingest", summary="Code and store one article (JSON body or plain text)",
              description="Needs a server started with --allow-write and `Authorization: Bearer TOKEN` "
                          "(eventwire token create). Content-Type application/json "
                          "({text, id?, date?, title?, url?}) or text/plain (optional first line "
                          "`date YYYY-MM-DD Title`).")
    async def ingest(request: Request):
        if not allow_write:
            raise EventwireError("E403", "")
        token = _bearer(request.headers.get("authorization", ""))
        if not await run_in_threadpool(_token_ok, store, write_lock, token):
            raise EventwireError("E401", "")
        ctype = _media_type_of(request.headers.get("content-type", ""))
        if ctype not in BODY_TYPES:
            raise EventwireError("E415", f" ({ctype or 'none given'})")
        body = await _read_body(request, MAX_BODY_BYTES)
        document = _posted_document(body, ctype)
        if document.error is None and await run_in_threadpool(_locked, write_lock, store.id_taken, document):
            raise EventwireError("E304", repr(document.id))
        record = await coder.code(document)
        await run_in_threadpool(_locked, write_lock, store_coded, store, document, record)
        if hasattr(record, "error"):
            return _error(400, record.error.code, record.error.message)
        return JSONResponse(record.to_dict())

    web = resources.files("eventwire").joinpath("web")

    @app.get("/", include_in_schema=False)
    def index():
        page = web.joinpath("index.html")
        if page.is_file():
            return FileResponse(str(page))
        return JSONResponse({"eventwire": "JSON API", "openapi": "/openapi.json",
                             "endpoints": ["/api/documents", "/api/documents/{id}", "/api/events",
                                           "/api/quotes", "/api/actors", "/api/places", "/api/feeds", "/api/stats",
                                           "/api/ingest"]})

    @app.get("/docs", include_in_schema=False)
    def swagger_ui():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/static/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui.css", swagger_favicon_url="/static/favicon.svg")

    @app.get("/redoc", include_in_schema=False)
    def redoc():
        return get_redoc_html(openapi_url="/openapi.json", title="eventwire API",
                              redoc_js_url="/static/redoc.standalone.js", redoc_favicon_url="/static/favicon.svg",
                              with_google_fonts=False)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        # Only names of files that ship in the package's web folder; never a path.
        files = {p.name: p for p in web.iterdir() if p.is_file()} if web.is_dir() else {}
        if name not in files:
            raise EventwireError("E404", f": {name!r}")
        return Response(files[name].read_bytes(), media_type=_media_type(name))

    return app


def _wants_html(request: Request) -> bool:
    """A browser asking for a page (not the API, not a script): it gets a page to read."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def _not_found_page(path: str) -> HTMLResponse:
    from html import escape

    return HTMLResponse(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Not found — eventwire</title>"
        "</head><body style=\"font: 16px/1.5 system-ui, sans-serif; margin: 2em\"><main><h1>Not found</h1>"
        f"<p>Nothing is served at <code>{escape(path[:200])}</code> (E404).</p>"
        "<p><a href=\"/\">The event page</a> · <a href=\"/docs\">API documentation</a></p></main></body></html>",
        status_code=404)


def _checked_sort(sort: str) -> str:
    try:
        parse_sort(sort)
    except ValueError:
        raise EventwireError("E400", f": sort is {SORT_HELP}") from None
    return sort


def _events_csv(store, query: EventQuery, bom: bool):
    """Every matching merged event as CSV, written as it is read (a whole store's events never
    sit in memory at once); formula-safe cells. Its own read view, held while it streams."""
    import csv
    import io

    from .export import flatten_event, safe_cell

    view = store.reader()
    try:
        buf = io.StringIO()
        if bom:
            buf.write("\ufeff")
        writer = None
        for n, event in enumerate(view.iter_merged_events(query), 1):
            row = flatten_event(event)
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: safe_cell(v) for k, v in row.items()})
            if n % 500 == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    finally:
        view.close()


def _bearer(header: str) -> str:
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _locked(lock: threading.Lock, fn, *args):
    with lock:
        return fn(*args)


def _token_ok(store, lock: threading.Lock, token: str) -> bool:
    view = store.reader()
    try:
        return view.check_token(token)
    finally:
        view.close()


async def _read_body(request: Request, limit: int) -> bytes:
    """The body as it arrives, refused (E413) at the first chunk past ``limit`` bytes: a
    chunked upload is never buffered past the limit."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise EventwireError("E413", f" (over {limit:,} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _posted_document(body: bytes, ctype: str):
    """The Document of a posted body: JSON fields, or plain text with its header line; a bad
    body is an error document (its record is the answer)."""
    from .document import Document, parse_date
    from .readers.common import check_text, error_document
    from .readers.text import parse_text

    if ctype == "application/json":
        try:
            article = ArticleIn.model_validate_json(body)
        except Exception as exc:
            raise EventwireError("E400", f": {str(exc)[:500]}") from None
        # Python's hash() differs per process: a posted article must get the same id (and
        # so the same content hash) every time, or a re-post is stored twice.
        doc_id = article.id or _body_id(article.text.encode("utf-8", "surrogatepass"))
        try:
            return Document(id=doc_id, text=check_text(article.text), date=parse_date(article.date),
                            title=article.title, url=article.url, source="api")
        except EventwireError as exc:
            return error_document(doc_id, exc, body, "api")
    try:
        return parse_text(body.decode("utf-8"), _body_id(body), source="api")
    except (UnicodeDecodeError, EventwireError) as exc:
        err = exc if isinstance(exc, EventwireError) else EventwireError("E102", "")
        return error_document("api-text", err, body, "api")


class _Coder:
    """Codes posted articles off the event loop: in one warm worker process (default), so a
    long parse never holds the server's interpreter, or in a thread."""

    def __init__(self, max_chars: int | None, parse_in: str = "process"):
        self.max_chars, self.parse_in = max_chars, parse_in
        self.pool = None
        self.lock = threading.Lock()

    def _pool(self):
        with self.lock:
            if self.pool is None:
                import concurrent.futures

                from .pipeline import coding_pool

                if self.parse_in == "process":
                    self.pool = coding_pool(1)
                else:
                    self.pool = concurrent.futures.ThreadPoolExecutor(1)
            return self.pool

    async def code(self, document):
        from concurrent.futures.process import BrokenProcessPool

        from .pipeline import error_record, records_of_batch

        loop = asyncio.get_running_loop()
        try:
            records = await loop.run_in_executor(self._pool(), records_of_batch, [document], self.max_chars)
            return records[0]
        except BrokenProcessPool:  # the worker died (memory?): a new one for the next article
            with self.lock:
                self.pool = None
            return error_record(document, EventwireError("E200", "parse (the worker process died)"))

    def close(self) -> None:
        with self.lock:
            if self.pool is not None:
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = None


def _body_id(data: bytes) -> str:
    return f"api-{hashlib.sha256(data).hexdigest()[:10]}"


def _media_type(name: str) -> str:
    for ext, mt in ((".js", "text/javascript"), (".css", "text/css"), (".json", "application/json"),
                    (".svg", "image/svg+xml"), (".png", "image/png"), (".html", "text/html")):
        if name.endswith(ext):
            return mt
    return "application/octet-stream"
