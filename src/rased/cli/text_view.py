"""A readable plain-text view of an analyzed article (`rased analyze --format text`)."""
from __future__ import annotations

from ..record import Article


def render(article: Article) -> str:
    out = [f"# {article.title or '(no title)'}", ""]
    if article.published:
        out.append(f"published: {article.published.value} ({article.published.precision}; from «{article.published.text}»)")
    else:
        out.append("published: unknown")
    for label, value in (("source", article.source), ("url", article.url), ("author", article.author)):
        if value:
            out.append(f"{label}: {value}")
    if article.dateline and (article.dateline.place or article.dateline.agency):
        out.append(f"dateline: {article.dateline.place or ''} {article.dateline.agency or ''}".rstrip())
    out.append(f"id: {article.id}")
    out.append("")
    for block in article.blocks:
        text = article.text[block.start : block.end]
        if block.type == "heading":
            out.append(f"## {text}")
        elif block.type == "list_item":
            out.append(f"[{block.number}] {text}")
        elif block.type in ("quote", "caption"):
            out.append(f"({block.type}) {text}")
        else:
            out.append(text)
        out.append("")
    if article.entities:
        out.append("## entities")
        for e in article.entities:
            actor = f" → {e.actor.name_en} ({e.actor_id})" if e.actor else ""
            out.append(f"- {e.type} «{e.text}»{actor}")
        out.append("")
    if article.removed:
        out.append("## removed by cleaning")
        out.extend(f"- {r.reason}: «{r.text}»" for r in article.removed)
        out.append("")
    if article.problems:
        out.append("## notes")
        out.extend(f"- {p.code}: {p.message}" for p in article.problems)
        out.append("")
    return "\n".join(out)
