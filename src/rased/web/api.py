"""The JSON API under ``/api/``: the same data as the pages, as JSON (see ``/api/docs``)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from pydantic import BaseModel, Field

from ..errors import InputError
from ..record import to_dict
from .explore import Explorer, ReadOnly, analyze

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


@router.get("/search", summary="Full-text search with filters and facet counts", responses=ERRORS)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description='words and "quoted phrases"')],
    source: Annotated[str | None, Query(max_length=200, description="only this outlet")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="only articles mentioning this actor id")] = None,
    type: Annotated[str | None, Query(max_length=40, description="entity type (PER, ORG, LOC…) or relation type")] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10, description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10, description="YYYY-MM-DD")] = None,
    limit: Limit = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> dict[str, Any]:
    return _explorer(request).search(q, source=source, actor=actor, type=type, date_from=date_from,
                                     date_to=date_to, limit=limit, offset=offset)


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
    a = analyze(body.text, max_bytes=request.app.state.max_upload, url=body.url, source=body.source)
    return to_dict(a)


@router.post("/analyze/file", summary="Analyse an uploaded file (text or HTML, UTF-8 or windows-1256) without storing it",
             responses=ERRORS)
async def analyze_file(
    request: Request,
    file: Annotated[UploadFile, File(description="one article")],
    url: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    data = await read_upload(request, file)
    from starlette.concurrency import run_in_threadpool

    a = await run_in_threadpool(analyze, data, max_bytes=request.app.state.max_upload, url=url)
    return to_dict(a)
