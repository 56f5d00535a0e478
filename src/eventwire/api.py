"""The JSON API (FastAPI): a thin layer over the store's query functions.

Every error answers ``{"error": {"code": "E4xx", "message": "..."}}``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
from importlib import resources
from pathlib import Path
from typing import Literal, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import EventwireError
from .store import BBOX_HELP, EventQuery, open_store, parse_bbox

MAX_BODY_BYTES = 2_000_000
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


_STATUS_CODES = {400: "E400", 404: "E404", 405: "E405", 413: "E413", 422: "E422"}


def event_filters(
    start: Optional[dt.date] = None, end: Optional[dt.date] = None,
    country: Optional[str] = Query(None, max_length=3), actor: Optional[str] = Query(None, max_length=200),
    category: Optional[str] = Query(None, max_length=20), quad_class: Optional[int] = Query(None, ge=1, le=4),
    modality: Literal["asserted", "negated", "hypothetical", "future", "any"] = "asserted",
    min_sources: int = Query(1, ge=1, le=100_000),
    bbox: Optional[str] = Query(None, max_length=100, description="WEST,SOUTH,EAST,NORTH"),
    text: Optional[str] = Query(None, max_length=200),
) -> dict:
    """The event filters shared by /api/events and /api/network, as EventQuery fields."""
    try:
        box = parse_bbox(bbox)
    except ValueError:
        raise EventwireError("E400", f": {BBOX_HELP}") from None
    return dict(start=start, end=end, country=country, actor=actor, category=category,
                quad_class=quad_class, modality=None if modality == "any" else modality,
                min_sources=min_sources, bbox=box, text=text)


def create_app(db_path: str | Path) -> FastAPI:
    app = FastAPI(title="eventwire", version="1",
                  description="Political event data coded from news articles (schema eventwire/1).")
    store = open_store(db_path)
    write_lock = threading.Lock()  # one writer at a time; readers use their own cursors

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

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "E400")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts = ["{}: {}".format(".".join(str(p) for p in e.get("loc", ())), e.get("msg")) for e in exc.errors()]
        return _error(422, "E422", "; ".join(parts)[:2000])

    @app.exception_handler(EventwireError)
    async def coded_error(request: Request, exc: EventwireError):
        status = 404 if exc.code in ("E302", "E404") else 400
        return _error(status, exc.code, exc.message)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        return _error(500, "E500", "internal error; the server log has the details")

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return _error(413, "E413", f"request body over {MAX_BODY_BYTES:,} bytes")
        return await call_next(request)

    @app.get("/api/documents", summary="Documents, by date")
    def documents(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.documents(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/documents/{doc_id}", summary="One document's full record")
    def document(doc_id: str):
        with reading() as view:
            record = view.record(doc_id)
        if record is None:
            raise EventwireError("E302", f": document {doc_id!r}")
        return record

    @app.get("/api/events", summary="Merged events with filters")
    def events(filters: dict = Depends(event_filters), format: Literal["json", "csv"] = "json",
               limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            items = view.merged_events(EventQuery(**filters, limit=limit, offset=offset))
        if format == "csv":
            from .export import csv_text, flatten_event

            return PlainTextResponse(csv_text(items, flatten_event), media_type="text/csv",
                                     headers={"Content-Disposition": "attachment; filename=events.csv"})
        # The store gives plain JSON values: skip FastAPI's generic encoder, which costs more
        # than the query on a page of 1000 events.
        return JSONResponse({"items": items, "limit": limit, "offset": offset})

    @app.get("/api/network", summary="Who acts on whom: source/target pairs of merged events")
    def network(filters: dict = Depends(event_filters),
                limit: int = Query(200, ge=1, le=2000, description="At most this many edges, heaviest first.")):
        with reading() as view:
            return {"items": view.network(EventQuery(**filters, limit=limit)), "limit": limit}

    @app.get("/api/actors", summary="Actors by the number of documents naming them")
    def actors(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.actors(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/places", summary="Places by the number of documents naming them")
    def places(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.places(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/quarantine", summary="Inputs that could not be read or coded")
    def quarantine(limit: int = PageLimit, offset: int = PageOffset):
        with reading() as view:
            return {"items": view.quarantined(limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/stats", summary="Counts by day, category, country")
    def stats():
        with reading() as view:
            return view.stats()

    @app.post("/api/ingest", summary="Code and store one article (JSON body or plain text)")
    async def ingest(request: Request):
        from .document import Document, parse_date
        from .readers.common import check_text, error_document
        from .readers.text import parse_text

        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            raise EventwireError("E413", "")
        ctype = request.headers.get("content-type", "")
        if "json" in ctype:
            try:
                article = ArticleIn.model_validate_json(body)
            except Exception as exc:
                raise EventwireError("E400", f": {str(exc)[:500]}") from None
            # Python's hash() differs per process: a posted article must get the same id (and
            # so the same content hash) every time, or a re-post is stored twice.
            doc_id = article.id or _body_id(article.text.encode("utf-8"))
            try:
                document = Document(id=doc_id, text=check_text(article.text), date=parse_date(article.date),
                                    title=article.title, url=article.url, source="api")
            except EventwireError as exc:
                document = error_document(doc_id, exc, body, "api")
        else:
            try:
                text = body.decode("utf-8")
                document = parse_text(text, _body_id(body), source="api")
            except (UnicodeDecodeError, EventwireError) as exc:
                err = exc if isinstance(exc, EventwireError) else EventwireError("E102", "")
                document = error_document("api-text", err, body, "api")
        from .pipeline import extract_many

        _, record = next(extract_many([document]))
        with write_lock:
            if not store.known_keys([document.content_hash]):
                store.write_batch([(document, record)])
        if hasattr(record, "error"):
            return _error(400, record.error.code, record.error.message)
        return record.to_dict()

    web = resources.files("eventwire").joinpath("web")

    @app.get("/", include_in_schema=False)
    def index():
        page = web.joinpath("index.html")
        if page.is_file():
            return FileResponse(str(page))
        return JSONResponse({"eventwire": "JSON API", "openapi": "/openapi.json",
                             "endpoints": ["/api/documents", "/api/documents/{id}", "/api/events",
                                           "/api/actors", "/api/places", "/api/stats", "/api/ingest"]})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        # Only names of files that ship in the package's web folder; never a path.
        files = {p.name: p for p in web.iterdir() if p.is_file()} if web.is_dir() else {}
        if name not in files:
            raise EventwireError("E404", f": {name!r}")
        return Response(files[name].read_bytes(), media_type=_media_type(name))

    return app


def _body_id(data: bytes) -> str:
    return f"api-{hashlib.sha256(data).hexdigest()[:10]}"


def _media_type(name: str) -> str:
    for ext, mt in ((".js", "text/javascript"), (".css", "text/css"), (".json", "application/json"),
                    (".svg", "image/svg+xml"), (".png", "image/png"), (".html", "text/html")):
        if name.endswith(ext):
            return mt
    return "application/octet-stream"
