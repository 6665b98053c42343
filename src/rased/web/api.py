"""The JSON API under ``/api/``: the same data as the pages, as JSON (see ``/api/docs``)."""
from __future__ import annotations

import itertools
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from ..errors import InputError
from ..record import to_dict
from . import exports
from .explore import Explorer, ReadOnly, analyze, may_analyze

router = APIRouter(prefix="/api", tags=["api"])

ERRORS = {
    400: {"description": "Bad input: `{code, message, hint}` (e.g. `query`, `date`, `input`)"},
    404: {"description": "Not in the store: `{code: not_found, message}`"},
    422: {"description": "Invalid parameters: `{code: invalid_parameter, message, details}`"},
}

Limit = Annotated[int, Query(ge=1, le=100, description="results per page (1–100)")]


def _explorer(request: Request) -> Explorer:
    return request.app.state.explorer


class TextIn(BaseModel):
    text: str = Field(description="the article: plain text or an HTML page")
    url: str | None = Field(None, description="its address, if known")
    source: str | None = Field(None, description="the outlet, if known")


async def read_upload(request: Request, upload: UploadFile) -> bytes:
    """The uploaded file's bytes; more than the limit is refused without reading it all."""
    limit = request.app.state.max_upload
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"the file is too large (the limit is {limit // 1000} kB)",
                         hint="one article at a time; use `rased ingest` for many")
    return data


@router.get("/stats", summary="Counts of articles, duplicates, actors, stories", responses=ERRORS)
def stats(request: Request) -> dict[str, Any]:
    return _explorer(request).stats()


QueryText = Annotated[str, Query(min_length=1, max_length=500, description='words and "quoted phrases"; -word leaves out')]
Source = Annotated[str | None, Query(max_length=200, description="only this outlet (any case)")]
ActorId = Annotated[str | None, Query(max_length=200, description="only articles mentioning this actor id")]
TypeName = Annotated[str | None, Query(max_length=40, description="entity type (PER, ORG, LOC…) or relation type")]
DateFrom = Annotated[str | None, Query(alias="from", max_length=10, description="YYYY-MM-DD")]
DateTo = Annotated[str | None, Query(alias="to", max_length=10, description="YYYY-MM-DD")]
Sort = Annotated[Literal["relevance", "date"], Query(description="best match first, or latest first")]


@router.get("/search", summary="Full-text search: a page of hits, the total and facet counts", responses=ERRORS)
def search(
    request: Request, q: QueryText, source: Source = None, actor: ActorId = None, type: TypeName = None,
    date_from: DateFrom = None, date_to: DateTo = None, sort: Sort = "relevance", limit: Limit = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> JSONResponse:
    # Plain JSON types already: answered as they are, without FastAPI's second walk through the whole page.
    return JSONResponse(_explorer(request).search(q, source=source, actor=actor, type=type, date_from=date_from,
                                                  date_to=date_to, sort=sort, limit=limit, offset=offset))


@router.get("/search/export", summary="Every hit of a search (up to 10,000) as CSV or JSON lines",
            responses=ERRORS, response_class=StreamingResponse)
def search_export(
    request: Request, q: QueryText, format: Annotated[Literal["csv", "jsonl"], Query(description="csv or jsonl")] = "csv",
    source: Source = None, actor: ActorId = None, type: TypeName = None, date_from: DateFrom = None,
    date_to: DateTo = None, sort: Sort = "relevance",
) -> StreamingResponse:
    ex = _explorer(request)
    hits = ex.search_all(q, sort=sort, source=source, actor=actor, type=type, date_from=date_from, date_to=date_to)
    first = next(hits, None)  # a bad query fails here, as a 400 answer, before the download starts
    chain = itertools.chain([first] if first is not None else [], hits)
    return StreamingResponse(
        exports.lines(format, chain), media_type=exports.FORMATS[format],
        headers={"content-disposition": f'attachment; filename="rased-search.{format}"'},
    )


@router.get("/articles/{article_id}", summary="One article: record, duplicates, versions, story", responses=ERRORS)
def article(request: Request, article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    a, info = _explorer(request).article(article_id)
    return {"article": to_dict(a), **info}


@router.post("/articles", summary="Analyse a text and store it (only when the explorer is writable)",
             responses={**ERRORS, 403: {"description": "The explorer is read-only"}})
def add_article(request: Request, body: TextIn) -> dict[str, Any]:
    if request.app.state.read_only:
        raise ReadOnly("the explorer is read-only", hint="start it with `rased serve --writable` to add articles")
    a = analyze(body.text, max_bytes=request.app.state.max_upload, url=body.url, source=body.source,
                actors=_explorer(request).user_actors())
    return _explorer(request).add(a)


@router.get("/actors", summary="Actors by number of articles", responses=ERRORS)
def actors(
    request: Request,
    type: Annotated[str | None, Query(max_length=40, description="entity type: PER, ORG, LOC…")] = None,
    name: Annotated[str | None, Query(max_length=200, description="part of a name")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> dict[str, Any]:
    return _explorer(request).actors(type=type, name=name, limit=limit)


@router.get("/actors/{actor_id}", summary="One actor: names, timeline, co-actors, relations, quotes", responses=ERRORS)
def actor(request: Request, actor_id: Annotated[str, Path(max_length=200)], limit: Limit = 20) -> dict[str, Any]:
    return _explorer(request).actor(actor_id, limit=limit)


@router.get("/stories", summary="Stories: one event reported by several outlets", responses=ERRORS)
def stories(
    request: Request,
    window_days: Annotated[float, Query(gt=0, le=60, description="days between articles of one story")] = 2.0,
    min_sources: Annotated[int, Query(ge=1, le=50)] = 2,
    limit: Limit = 20,
) -> dict[str, Any]:
    return _explorer(request).stories(window_days=window_days, min_sources=min_sources, limit=limit)


@router.post("/analyze", summary="Analyse a text without storing it", responses=ERRORS)
def analyze_text(request: Request, body: TextIn) -> dict[str, Any]:
    may_analyze(request.app.state)
    a = analyze(body.text, max_bytes=request.app.state.max_upload, url=body.url, source=body.source)
    return to_dict(a)


@router.post("/analyze/file", summary="Analyse an uploaded file (text or HTML, UTF-8 or windows-1256) without storing it",
             responses=ERRORS)
async def analyze_file(
    request: Request,
    file: Annotated[UploadFile, File(description="one article")],
    url: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    may_analyze(request.app.state)
    data = await read_upload(request, file)
    from starlette.concurrency import run_in_threadpool

    a = await run_in_threadpool(analyze, data, max_bytes=request.app.state.max_upload, url=url)
    return to_dict(a)
