"""Server-rendered pages: each calls ``Explorer`` for its data and renders one template."""
from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import InputError, RasedError
from ..store.actor_views import aggregate_type
from . import markup
from .labels import ENTITY_TYPES, MODALITIES, RELATION_TYPES
from .api import read_upload
from .explore import ReadOnly, analyze, graph_svg, may_analyze
from .charts import timeline

router = APIRouter(include_in_schema=False)
PAGE = 20



def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(name).render(
        request=request, read_only=request.app.state.read_only, entity_types=ENTITY_TYPES,
        modalities=MODALITIES, relation_types=RELATION_TYPES, **context,
    )
    return HTMLResponse(html, status_code=status)


def _explorer(request: Request):
    return request.app.state.explorer


def _link(path: str = "/", **params: Any) -> str:
    return path + "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


FILTER_LABELS = {"source": "المصدر", "actor": "الفاعل", "type": "النوع", "from": "من", "to": "إلى"}
SORTS = {"relevance": "الأكثر صلة", "date": "الأحدث أولاً"}
MAX_OFFSET = 10_000


def pager(total: int, offset: int, size: int, form: dict[str, str], around: int = 2) -> dict[str, Any]:
    """Page links: previous, next, the first and last pages and those around the current one."""
    pages = max(1, -(-min(total, MAX_OFFSET + size) // size))
    current = offset // size + 1
    shown = sorted({1, pages, *range(max(1, current - around), min(pages, current + around) + 1)})
    items, last = [], 0
    for n in shown:
        if n - last > 1:
            items.append({"gap": True})
        items.append({"number": n, "url": _link(**form, offset=(n - 1) * size or None), "current": n == current})
        last = n
    return {
        "items": items if pages > 1 else [], "current": current, "pages": pages,
        "first": offset + 1, "last": min(total, offset + size),
        "prev": _link(**form, offset=max(0, offset - size) or None) if offset else None,
        "next": _link(**form, offset=offset + size) if offset + size < total and offset + size <= MAX_OFFSET else None,
    }


def _facet_label(name: str, f: dict) -> str:
    if name == "actor":
        return f.get("name") or f["value"]
    if name == "type":
        return ENTITY_TYPES.get(f["value"]) or RELATION_TYPES.get(f["value"], f["value"])
    return f["value"]


def _facet_links(facets: dict[str, list[dict]], form: dict[str, str]) -> dict[str, list[dict]]:
    out = {}
    for name, values in facets.items():
        out[name] = []
        for f in values:
            on = form.get(name, "").lower() == f["value"].lower()
            label = _facet_label(name, f)
            out[name].append({**f, "label": label, "on": on,
                              "url": _link(**{**form, name: "" if on else f["value"]})})
    return out


def _search_context(result: dict[str, Any], form: dict[str, str], offset: int) -> dict[str, Any]:
    for hit in result["hits"]:
        s = hit["snippet"]
        hit["snippet_html"] = markup.highlight(s["text"], s["highlights"], offset=s["start"])
        hit["title_html"] = markup.highlight(hit["title"] or "(بلا عنوان)", hit["title_highlights"] if hit["title"] else ())
    query = {k: v for k, v in form.items() if k != "sort"}
    return {
        "result": result,
        "pages": pager(result["total"], offset, PAGE, form),
        "facets": _facet_links(result["facets"], form),
        "sorts": [{"value": k, "label": v, "on": (form["sort"] or "relevance") == k,
                   "url": _link(**{**form, "sort": "" if k == "relevance" else k})}
                  for k, v in SORTS.items()],
        "active": [{"label": FILTER_LABELS[k], "value": v, "url": _link(**{**form, k: ""})}
                   for k, v in form.items() if k in FILTER_LABELS and v],
        "exports": {fmt: _link("/api/search/export", **query, sort=form["sort"], format=fmt) for fmt in ("csv", "jsonl")},
    }


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    source: Annotated[str, Query(max_length=200)] = "",
    actor: Annotated[str, Query(max_length=200)] = "",
    type: Annotated[str, Query(max_length=40)] = "",
    date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
    date_to: Annotated[str, Query(alias="to", max_length=10)] = "",
    sort: Annotated[Literal["relevance", "date"], Query()] = "relevance",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    ex = _explorer(request)
    form = {"q": q, "source": source, "actor": actor, "type": type, "from": date_from, "to": date_to,
            "sort": "" if sort == "relevance" else sort}  # links leave the default out
    if not q.strip():
        return render(request, "search.html", page="search", form=form, result=None, home=ex.home(), sorts=[])
    result = ex.search(q, source=source, actor=actor, type=type, date_from=date_from, date_to=date_to, sort=sort,
                       limit=PAGE, offset=offset)
    return render(request, "search.html", page="search", form=form, **_search_context(result, form, offset))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: Annotated[str, Path(max_length=64)],
    hl: Annotated[str, Query(max_length=40, pattern=r"^(\d+-\d+)?$")] = "",
) -> HTMLResponse:
    article, info = _explorer(request).article(article_id)
    span = None
    if hl:
        start, end = (int(x) for x in hl.split("-"))
        span = markup.sentence_span(article, start, end)
    return render(request, "article.html", page="article", **_article_context(article, span), info=info)


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _article_context(article, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
    text = article.text
    quotes = [
        {"ref": f"q{i}", "speaker": q.speaker_text, "actor_id": q.speaker.actor_id if q.speaker else None,
         "direct": q.direct, "cue": text[q.cue_start : q.cue_end], "content": _clip(text[q.content_start : q.content_end], 240)}
        for i, q in enumerate(article.quotes or (), 1)
    ]
    relations = [
        {"ref": f"r{i}", "type": r.type, "source": r.source, "target": r.target, "modality": r.modality,
         "trigger": r.trigger, "attributed_to": r.attributed_to, "event_time": r.event_time,
         "evidence": _clip(text[r.evidence_start : r.evidence_end])}
        for i, r in enumerate(article.relations or (), 1)
    ]
    entities: dict[tuple, dict] = {}
    for e in article.entities or ():
        # one row per linked actor, whatever its mentions' types (a nationality counts for its country)
        typ = aggregate_type(e.type) if e.actor_id else e.type
        key = (e.actor_id,) if e.actor_id else (e.text, e.type)
        item = entities.setdefault(key, {"text": e.text, "type": typ, "actor_id": e.actor_id,
                                         "name": e.actor.name_ar if e.actor else e.text, "count": 0})
        item["count"] += 1
    summary = [text[s.start : s.end] for s in article.summary or ()]
    return {
        "article": article, "blocks": markup.body(article, highlight), "quotes": quotes, "relations": relations,
        "entity_list": sorted(entities.values(), key=lambda x: -x["count"]), "summary": summary,
    }


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    type: Annotated[str, Query(max_length=40)] = "",
    name: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    data = _explorer(request).actors(type=type, name=name, limit=200)
    return render(request, "actors.html", page="actors", data=data, form={"type": type, "name": name})


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    info = _explorer(request).actor(actor_id)
    chart = timeline(info["timeline"], label=f"مرات الذكر عبر الزمن · mentions over time: {info['name']}")
    graph = graph_svg(info["graph"], title=f"العلاقات · relations: {info['name']}")
    return render(request, "actor.html", page="actors", info=info, chart=chart, graph=graph)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    window_days: Annotated[float, Query(gt=0, le=60)] = 2.0,
    min_sources: Annotated[int, Query(ge=1, le=50)] = 2,
) -> HTMLResponse:
    data = _explorer(request).stories(window_days=window_days, min_sources=min_sources, limit=50)
    return render(request, "stories.html", page="stories", data=data)


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", page="analyze", form={}, error=None, max_kb=request.app.state.max_upload // 1000)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(
    request: Request,
    text: Annotated[str, Form(max_length=2_000_000)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    store: Annotated[str, Form(max_length=10)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    from starlette.concurrency import run_in_threadpool

    form = {"text": text, "url": url}
    max_kb = request.app.state.max_upload // 1000
    try:
        may_analyze(request.app.state)
        data: str | bytes = text
        if file is not None and file.filename:
            data = await read_upload(request, file)
        elif not text.strip():
            raise InputError("paste a text or choose a file", hint="ألصق نصًا أو اختر ملفًا")
        article = await run_in_threadpool(analyze, data, max_bytes=request.app.state.max_upload, url=url,
                                          actors=_explorer(request).user_actors())
        if store:
            if request.app.state.read_only:
                raise ReadOnly("the explorer is read-only", hint="start it with `rased serve --writable`")
            _explorer(request).add(article)
            return RedirectResponse(markup.article_url(article.id), status_code=303)
    except RasedError as err:
        status = 403 if isinstance(err, ReadOnly) else 400
        return render(request, "analyze.html", status=status, page="analyze", form=form, max_kb=max_kb,
                      error={"code": err.code, "message": err.message, "hint": err.hint})
    return render(request, "analyze.html", page="analyze", form=form, error=None, max_kb=max_kb,
                  **_article_context(article))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "description": p.get("description") or p.get("schema", {}).get("description", ""),
                 "type": _type(p.get("schema", {}))}
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {})
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params, "body": ", ".join(body)})
    return render(request, "docs.html", page="docs", endpoints=endpoints, title=schema["info"]["title"],
                  description=schema["info"].get("description", ""))


def _type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    return schema.get("type", "")
