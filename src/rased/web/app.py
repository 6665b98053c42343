"""The explorer's application: ``create_app(store_url)`` gives a FastAPI app with the pages and ``/api/``.

Everything is served from the package (templates, CSS, the Arabic font): no CDN, and the API docs page is a
local page built from the OpenAPI schema. Errors are JSON ``{"code", "message", "hint"}`` under ``/api/``
and an HTML page elsewhere; never a traceback.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import InputError, RasedError
from ..store import open_store
from . import markup
from .explore import Explorer, NotFound, ReadOnly
from .search_cache import SearchCache

log = logging.getLogger("rased.web")

MAX_UPLOAD = 2_000_000  # bytes: one article, pasted or uploaded
READERS = 4  # connections to the store: requests served at once
SEARCH_CACHE = 256  # search pages kept until the store changes (0: none)

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
     b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _Guard:
    """ASGI middleware: security headers on every response; request bodies over the limit refused early."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._refuse(scope, receive, send)
        if length is None and scope.get("method") in ("POST", "PUT", "PATCH"):
            # no declared length (a chunked body): read it here, never more than the limit, then hand it on
            body, over = await self._bounded_body(receive)
            if over:
                return await self._refuse(scope, receive, send)
            receive = _replay(body, receive)
        return await self.app(scope, receive, self._with_headers(send))

    async def _bounded_body(self, receive) -> tuple[bytes, bool]:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"", True  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return b"", True
            if not message.get("more_body"):
                return b"".join(chunks), False

    async def _refuse(self, scope, receive, send):
        err = InputError(
            f"the request is too large (the limit is {self.max_body // 1000} kB)",
            hint="one article at a time; use `rased ingest` for many",
        )
        response = _error_response(scope.get("path", ""), 400, err.code, err.message, err.hint)
        return await response(scope, receive, self._with_headers(send))

    @staticmethod
    def _with_headers(send):
        async def wrapped(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *(h for h in SECURITY_HEADERS if h[0] not in names)]}
            await send(message)

        return wrapped


def _replay(body: bytes, receive):
    """An ASGI ``receive`` that gives ``body`` once, then whatever the client sends next (its disconnect)."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replayed():
        return pending.pop() if pending else await receive()

    return replayed


def templates() -> Environment:
    env = Environment(
        loader=PackageLoader("rased.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # packaged templates never change while serving: no file check on every page
    )
    env.globals.update(actor_url=markup.actor_url, article_url=markup.article_url, css_name=markup.css_name, http_url=markup.http_url,
                       date_tag=markup.date_tag, version=__version__)
    return env


def _wants_json(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


_TITLES = {400: "طلب غير صالح · Bad request", 403: "للقراءة فقط · Read-only", 404: "غير موجود · Not found",
           405: "طريقة غير مسموحة · Method not allowed", 422: "معاملات غير صالحة · Invalid parameters",
           500: "خطأ داخلي · Internal error"}


def _error_response(path: str, status: int, code: str, message: str, hint: str = "", details=None):
    body: dict[str, Any] = {"code": code, "message": message}
    if hint:
        body["hint"] = hint
    if details:
        body["details"] = details
    if _wants_json(path):
        return JSONResponse(body, status_code=status)
    html = templates().get_template("error.html").render(
        status=status, title=_TITLES.get(status, "خطأ · Error"), error=body, read_only=True, page="error",
    )
    return HTMLResponse(html, status_code=status)


def create_app(store_url: str, *, read_only: bool = True, max_upload: int = MAX_UPLOAD,
               allow_analyze: bool = True, search_cache: int = SEARCH_CACHE) -> FastAPI:
    """The explorer over the store at ``store_url`` (opened now: a missing store is a ``StoreError``);
    ``allow_analyze``: whether the analyze page and API analyse texts (``rased serve`` allows it only when asked);
    ``search_cache``: how many search pages to keep until the store changes (0: none)."""
    store = open_store(store_url, create=False)
    cache = SearchCache(open_store(store_url, create=False), search_cache) if search_cache > 0 else None
    explorer = Explorer(store, more=lambda: open_store(store_url, create=False), size=READERS, cache=cache)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        explorer.close()

    app = FastAPI(
        title="rased explorer API",
        version=__version__,
        description="Search, read and explore analysed Arabic news: articles with their entities, quotes and "
                    "relations, actors, stories. Every span indexes the article's clean text.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.explorer = explorer
    app.state.read_only = read_only
    app.state.max_upload = max_upload
    app.state.allow_analyze = allow_analyze or not read_only
    app.state.templates = templates()

    @app.exception_handler(RasedError)
    async def rased_error(request: Request, err: RasedError):
        status = 404 if isinstance(err, NotFound) else 403 if isinstance(err, ReadOnly) else 400
        return _error_response(request.url.path, status, err.code, err.message, err.hint)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        details = [
            {"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in err.errors()
        ]
        where = ", ".join(d["where"] for d in details)
        return _error_response(request.url.path, 422, "invalid_parameter", f"invalid parameters: {where}",
                               "see /api/docs for the parameters of each endpoint", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(err.status_code, "http_error")
        message = "no such page" if err.status_code == 404 else str(err.detail)
        return _error_response(request.url.path, err.status_code, code, message)

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception):
        log.exception("request failed: %s %s", request.method, request.url.path)
        return _error_response(request.url.path, 500, "internal", "internal error", "the server log has the details")

    from . import alerts, api, curation, pages

    app.include_router(api.router)
    app.include_router(alerts.api)
    app.include_router(pages.router)
    app.include_router(curation.router)
    app.include_router(alerts.pages)
    static = resources.files("rased.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(_Guard, max_body=max_upload + 64_000)
    return app
