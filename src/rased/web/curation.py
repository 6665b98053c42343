"""The explorer's curation page: the names of an article that no actor is linked to, and (when the explorer is
writable) forms that add one as a new actor or as a name of an existing one; the article is re-linked at once.
The same library calls as `rased actors add` and `rased relink` (``rased.ingest.curate``, ``relink``)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..knowledge.registry import KINDS
from ..knowledge.linking import NATIONALITY
from . import markup
from .explore import ReadOnly
from .pages import render

router = APIRouter(include_in_schema=False)


def unlinked_names(article) -> list[dict[str, Any]]:
    """The article's unlinked entity names (nationality adjectives aside), most frequent first."""
    names: dict[str, dict[str, Any]] = {}
    for e in article.entities or ():
        if e.actor_id is None and e.type != NATIONALITY:
            item = names.setdefault(e.text, {"text": e.text, "type": e.type, "count": 0, "start": e.start})
            item["count"] += 1
    return sorted(names.values(), key=lambda x: (-x["count"], x["start"]))


@router.get("/articles/{article_id}/names", response_class=HTMLResponse)
def names_page(request: Request, article_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    article, _info = request.app.state.explorer.article(article_id)
    return render(request, "names.html", page="names", article=article, names=unlinked_names(article),
                  kinds=sorted(KINDS))


@router.post("/articles/{article_id}/names", response_class=HTMLResponse)
async def add_name(
    request: Request,
    article_id: Annotated[str, Path(max_length=64)],
    name: Annotated[str, Form(max_length=200)],
    actor_id: Annotated[str, Form(max_length=200)],
    kind: Annotated[str, Form(max_length=40)] = "",
    name_en: Annotated[str, Form(max_length=200)] = "",
    country: Annotated[str, Form(max_length=3)] = "",
):
    """With ``kind``: a new actor named ``name``; without: ``name`` becomes another name of ``actor_id``."""
    from starlette.concurrency import run_in_threadpool

    from ..ingest import curate
    from ..ingest.relink import relink_article

    if request.app.state.read_only:
        raise ReadOnly("the explorer is read-only", hint="start it with `rased serve --writable`")
    record: dict[str, Any] = {"id": actor_id.strip(), "aliases_ar": [name.strip()]}
    if kind:
        record.update(kind=kind, name_ar=name.strip(), name_en=name_en.strip(), country=country.strip().upper(),
                      aliases_ar=[])

    def work() -> None:
        with request.app.state.explorer.store() as store:
            curate.add(store, record, "explorer")
            relink_article(store, article_id)

    await run_in_threadpool(work)
    return RedirectResponse(markup.article_url(article_id), status_code=303)
