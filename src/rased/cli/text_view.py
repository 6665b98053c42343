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
    if article.quotes:
        out.append("## quotes")
        for q in article.quotes:
            who = q.speaker_text + (f" ({q.speaker.actor_id})" if q.speaker and q.speaker.actor_id else "")
            cue = article.text[q.cue_start : q.cue_end]
            kind = "direct" if q.direct else "indirect"
            out.append(f"- {who} [{cue}, {kind}]: «{article.text[q.content_start : q.content_end]}»")
        out.append("")
    if article.relations:
        out.append("## relations")
        for r in article.relations:
            src = _mention(r.source)
            tgt = _mention(r.target)
            extra = []
            if r.attributed_to:
                extra.append(f"according to {_mention(r.attributed_to)}")
            if r.event_time:
                extra.append(f"time: {r.event_time}")
            if r.location:
                extra.append(f"in {_mention(r.location)}")
            out.append(f"- {r.type} {src} → {tgt} ({r.modality}; trigger «{r.trigger}»{'; ' if extra else ''}{'; '.join(extra)})")
            out.append(f"  evidence: «{article.text[r.evidence_start : r.evidence_end]}»")
        out.append("")
    if article.summary:
        out.append("## summary")
        out.extend(f"- {article.text[s.start : s.end]}" for s in article.summary)
        out.append("")
    if article.keywords:
        out.append("## keywords")
        out.append("، ".join(article.keywords))
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


def _mention(m) -> str:
    if m is None:
        return "?"
    return f"«{m.text}»" + (f" ({m.actor_id})" if m.actor_id else "")


def explain(article: Article) -> str:
    """Per quote and relation: the rule that decided it, its words, and the clause it was read from
    (`rased analyze --explain`)."""
    text = article.text
    out = [f"# {article.title or '(no title)'}", "", "## quotes"]
    for n, q in enumerate(article.quotes or (), 1):
        speaker = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else q.speaker_text
        out.append(f"{n}. rule {q.rule or '?'} · cue «{text[q.cue_start:q.cue_end]}» · speaker «{speaker or '?'}»"
                   + (f" ({q.speaker.actor_id})" if q.speaker and q.speaker.actor_id else "")
                   + (" · direct" if q.direct else ""))
        out.append(f"   content [{q.content_start}:{q.content_end}] {text[q.content_start:q.content_end]}")
    out += ["", "## relations"]
    for n, r in enumerate(article.relations or (), 1):
        out.append(f"{n}. {r.type} rule {r.rule or '?'} · trigger «{r.trigger}» · {_mention(r.source)} → "
                   f"{_mention(r.target)} · {r.modality}"
                   + (f" · claimed by {_mention(r.attributed_to)}" if r.attributed_to else ""))
        out.append(f"   clause [{r.evidence_start}:{r.evidence_end}] {text[r.evidence_start:r.evidence_end]}")
    out.append("")
    return "\n".join(out)
