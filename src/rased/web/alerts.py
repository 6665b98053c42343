"""Alerts and watchlist rules in the explorer: the alerts page (new alerts arrive live by Server-Sent Events),
the rule form (writable explorer only), and the JSON API under ``/api/alerts``, ``/api/rules``, ``/api/watch``.

Each alert links to its article with the sentence of its first evidence span highlighted
(``/articles/ID?hl=START-END#hl``). The data comes from ``rased.watch``; no logic here beyond the shapes.
"""
from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ..errors import InputError, RasedError
from ..watch import alerts as alerting
from ..watch import rules as rule_data
from ..watch.loop import status as watch_status
from .explore import ReadOnly
from .labels import RELATION_TYPES

api = APIRouter(prefix="/api", tags=["alerts"])
pages = APIRouter(include_in_schema=False)
POLL = 0.3  # seconds between two looks at the store for new alerts (the live stream)
HEARTBEAT = 15.0
ERRORS = {400: {"description": "Bad input: `{code, message, hint}`"},
          403: {"description": "The explorer is read-only"}}


def alert_link(a: alerting.Alert) -> str:
    if a.evidence:
        e = a.evidence[0]
        return f"/articles/{a.article_id}?hl={e.start}-{e.end}#hl"
    return f"/articles/{a.article_id}"


def alert_view(a: alerting.Alert) -> dict[str, Any]:
    return {**a.to_dict(), "link": alert_link(a)}


def _alerts(request: Request, **kw) -> list[dict[str, Any]]:
    with request.app.state.explorer.store() as store:
        return [alert_view(a) for a in alerting.stored(store, **kw)]


def _rules(request: Request) -> list[dict[str, Any]]:
    with request.app.state.explorer.store() as store:
        return [r.to_dict() for r in alerting.load_rules(store)]


def _writable(request: Request) -> None:
    if request.app.state.read_only:
        raise ReadOnly("the explorer is read-only", hint="start it with `rased serve --writable` to change rules")


def add_rule(request: Request, raw: dict[str, Any]) -> dict[str, Any]:
    _writable(request)
    raw = {k: v for k, v in raw.items() if v not in (None, "")}
    rule = rule_data.from_dict(raw, "rule")
    with request.app.state.explorer.store() as store:
        from ..knowledge import base

        registry = base.for_actors(store.user_actors()).registry
        return alerting.add_rule(store, rule_data.resolved(rule, registry, store)).to_dict()


# ---------------------------------------------------------------------------------------------- JSON API

class RuleIn(BaseModel):
    kind: str = Field(description="actor, relation, quote, keyword or spike")
    id: str | None = Field(None, description="the rule's id (default: derived from what it asks)")
    actor: str | None = Field(None, description="actor, quote, spike: an actor id or any of its names")
    relation: str | None = Field(None, description="relation: the type (ASSAULT, THREATEN, ...)")
    source: str | None = Field(None, description="relation: the doer")
    target: str | None = Field(None, description="relation: the target")
    modality: str | None = Field(None, description="relation: asserted, reported, hedged, negated, possible")
    role: str | None = Field(None, description="quote: by, about or any")
    keyword: str | None = Field(None, description='keyword: words and "phrases", as in search')
    days: int | None = Field(None, description="spike: baseline days")
    factor: float | None = Field(None, description="spike: times the baseline")
    min_count: int | None = Field(None, description="spike: articles on the day, at least")


@api.get("/alerts", summary="Alerts, oldest first, each with its rule, article and evidence spans", responses=ERRORS)
def list_alerts(
    request: Request,
    after: Annotated[int, Query(ge=0, description="only alerts numbered above this")] = 0,
    since: Annotated[str | None, Query(max_length=40, description="only alerts made at or after (ISO time)")] = None,
    rule: Annotated[str | None, Query(max_length=120, description="only this rule's alerts")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    found = _alerts(request, after=after, since=since, rule=rule, limit=limit)
    return {"alerts": found, "last": found[-1]["n"] if found else after}


@api.get("/alerts/stream", summary="New alerts as Server-Sent Events (event `alert`, data: the alert's JSON)",
         response_class=StreamingResponse)
async def stream_alerts(
    request: Request, after: Annotated[int | None, Query(ge=0, description="start after this alert number")] = None,
) -> StreamingResponse:
    last = after
    if last is None:
        header = request.headers.get("last-event-id", "")
        last = int(header) if header.isdigit() else None
    if last is None:  # from now on
        newest = await run_in_threadpool(_alerts, request, after=0, limit=1_000_000)
        last = newest[-1]["n"] if newest else 0
    return StreamingResponse(_events(request, last), media_type="text/event-stream",
                             headers={"cache-control": "no-store", "x-accel-buffering": "no"})


async def _events(request: Request, last: int):
    yield "retry: 1000\n\n"
    quiet = 0.0
    while not await request.is_disconnected():
        found = await run_in_threadpool(_alerts, request, after=last, limit=100)
        for a in found:
            last = a["n"]
            yield f"id: {last}\nevent: alert\ndata: {json.dumps(a, ensure_ascii=False)}\n\n"
        quiet = 0.0 if found else quiet + POLL
        if quiet >= HEARTBEAT:
            quiet = 0.0
            yield ": still here\n\n"
        await asyncio.sleep(POLL)


@api.get("/rules", summary="Watchlist rules")
def list_rules(request: Request) -> dict[str, Any]:
    return {"rules": _rules(request)}


@api.post("/rules", summary="Add a watchlist rule (writable explorer only)", responses=ERRORS)
def post_rule(request: Request, body: RuleIn) -> dict[str, Any]:
    return add_rule(request, body.model_dump())


@api.delete("/rules/{rule_id}", summary="Remove a watchlist rule (writable explorer only)", responses=ERRORS)
def delete_rule(request: Request, rule_id: Annotated[str, Path(max_length=120)]) -> dict[str, Any]:
    _writable(request)
    with request.app.state.explorer.store() as store:
        if not alerting.remove_rule(store, rule_id):
            raise InputError(f"no rule {rule_id!r}", code="rule")
    return {"removed": rule_id}


@api.get("/watch/status", summary="The watched sources' health, items taken in, alerts")
def status(request: Request) -> dict[str, Any]:
    with request.app.state.explorer.store() as store:
        return watch_status(store)


# ---------------------------------------------------------------------------------------------- pages

def _page(request: Request, status: int = 200, error: dict | None = None) -> HTMLResponse:
    from .pages import render

    found = _alerts(request, after=0, limit=1_000_000)[-200:][::-1]
    with request.app.state.explorer.store() as store:
        health = watch_status(store)
    return render(request, "alerts.html", status=status, page="alerts", alerts=found, rules=_rules(request),
                  health=health, last=found[0]["n"] if found else 0, kinds=rule_data.KINDS,
                  relations=rule_data.RELATIONS, relation_names=RELATION_TYPES, error=error)


@pages.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request) -> HTMLResponse:
    return _page(request)


@pages.post("/alerts/rules", response_class=HTMLResponse)
def rule_form(
    request: Request,
    kind: Annotated[str, Form(max_length=20)],
    actor: Annotated[str, Form(max_length=200)] = "",
    relation: Annotated[str, Form(max_length=40)] = "",
    source: Annotated[str, Form(max_length=200)] = "",
    target: Annotated[str, Form(max_length=200)] = "",
    keyword: Annotated[str, Form(max_length=500)] = "",
    name: Annotated[str, Form(max_length=120)] = "",
):
    raw = {"kind": kind, "id": name, "actor": actor, "keyword": keyword}
    if kind == "relation":
        raw.update(relation=relation, source=source, target=target)
    try:
        add_rule(request, raw)
    except RasedError as err:
        status_code = 403 if isinstance(err, ReadOnly) else 400
        return _page(request, status_code, {"code": err.code, "message": err.message, "hint": err.hint})
    return RedirectResponse("/alerts", status_code=303)
