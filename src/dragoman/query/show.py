"""Terminal view of one article: its text with the extracted layers highlighted.

Colours mark event triggers, actor mentions, quotes, places and dates in the
text; below it each event, quote and actor is listed with its evidence, so a
reader can check every record against the words it came from. Every piece of
the article is escaped with `terminal_safe` here, not by the caller, so that
our own colours survive and the article's escape sequences do not.
"""

from __future__ import annotations

import click

from ..records import ArticleRecord, DateMention
from ..safe_text import terminal_safe

# layer -> (style, priority when spans overlap: higher wins)
_STYLES = {
    "trigger": (dict(fg="red", bold=True), 5),
    "actor": (dict(fg="cyan", bold=True), 4),
    "place": (dict(fg="yellow"), 3),
    "date": (dict(fg="magenta"), 3),
    "quote": (dict(fg="green"), 1),
}


def _spans(record: ArticleRecord) -> list[tuple[int, int, str]]:
    spans = [(e.trigger.start, e.trigger.end, "trigger") for e in record.events]
    spans += [(s, e, "actor") for a in record.actors for s, e in a.mentions]
    spans += [(p.start, p.end, "place") for p in record.places]
    spans += [(d.start, d.end, "date") for d in record.dates]
    spans += [(q.start, q.end, "quote") for q in record.quotes]
    return spans


def highlight(text: str, spans: list[tuple[int, int, str]], color: bool) -> str:
    """Mark spans in text: ANSI colours on a terminal, [brackets] otherwise; the text
    itself escaped, chunk by chunk, so that the offsets still line up."""
    layer_at: list[str | None] = [None] * len(text)
    for start, end, layer in sorted(spans, key=lambda s: _STYLES[s[2]][1]):
        for i in range(max(0, start), min(end, len(text))):
            layer_at[i] = layer
    out, i = [], 0
    while i < len(text):
        layer = layer_at[i]
        j = i
        while j < len(text) and layer_at[j] == layer:
            j += 1
        chunk = terminal_safe(text[i:j])
        if layer is None:
            out.append(chunk)
        elif color:
            out.append(click.style(chunk, **_STYLES[layer][0]))
        else:
            out.append(f"[{chunk}]")
        i = j
    return "".join(out)


def _parties(parties) -> str:
    return "+".join(p.country or f"?{p.text}" for p in parties) or "-"


def _date_label(date: DateMention) -> str:
    """The value, else the range (".." on an open side), else why it has no days."""
    if date.value:
        return date.value
    if date.first or date.last:
        return f"{date.first or ''}..{date.last or ''}"
    return f"?({date.unresolved or 'unknown'})"


def _place_label(place) -> str:
    """The gazetteer's name, else the text; a street placed at its town, or a creek in
    its country, says which."""
    label = place.name or place.text
    return f"{label} (in {place.within})" if place.within else label


def render_article(record: ArticleRecord, *, color: bool = False) -> str:
    """The article's header, highlighted text and its events, quotes and actors, safe to print."""
    header = f"{record.id}  {record.title or ''}  ({record.published or 'no date'}, {record.source or '?'})"
    text = [highlight(record.text, _spans(record), color), ""] if record.text else []
    listing = [terminal_safe(line, one_line=True) for line in _listing(record)]
    return "\n".join([terminal_safe(header, one_line=True), "", *text, *listing])


def _listing(record: ArticleRecord) -> list[str]:
    """One line per event, quote and actor, under a heading per kind."""
    lines = [f"EVENTS ({len(record.events)})"]
    for e in record.events:
        date = _date_label(e.date) if e.date else "-"
        place = _place_label(e.place) if e.place else "-"
        mode = f"/{e.mode}" if e.mode else ""
        lines.append(
            f"  {e.id} {e.event}{mode} {_parties(e.actor)} -> {_parties(e.recipient)} "
            f"[{e.status}] date={date} place={place} trigger={e.trigger.text!r} rule={e.rule} "
            f"lexicon={e.lexicon}"
        )
    lines.append(f"QUOTES ({len(record.quotes)})")
    for q in record.quotes:
        speaker = q.speaker.name or q.speaker.text if q.speaker else "?"
        lines.append(f"  {q.id} {q.kind} {speaker}: {q.text[:90]!r}")
    lines.append(f"ACTORS ({len(record.actors)})")
    for a in record.actors:
        lines.append(
            f"  {a.id} {a.name} country={a.country} sector={a.sector} role={a.role} "
            f"mentions={len(a.mentions)}"
        )
    return lines
