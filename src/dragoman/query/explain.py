"""`dragoman explain`: why each event of an article was coded as it was.

For one event (`--event E3`) or every event of one sentence (`--sentence 4`)
it prints the sentence, the trigger, the lexicon entry that fired (file:line
and the entry's text), the rule, the dependency path from the trigger to each
actor and recipient, and the cues that decided the status and the date. The
trace is recomputed by `dragoman.extractors.events.explain_event`; nothing of
it is stored in the output record. A file or directory holding several articles
needs `--article ID`: the command never picks one silently.
"""

from __future__ import annotations

from typing import Optional

import click

from ..analysis import Analysis
from ..records import Article, Event
from ..output import echo
from ..safe_text import terminal_safe

_IDS_LISTED = 5  # ids named in the error for a file of many articles

_DATE_SOURCES = {
    "clause": "a date in the trigger's own clause",
    "sentence": "a date in a clause above the trigger",
    "context": "the date of the previous sentence of the paragraph",
    "narrative": "the day of one of the few sentences before (an event told in the past)",
    "lede": "the day the sentence after the story's undated lede names",
    "published": "on or before the publication date (no date in the text)",
    "mention": "the day another mention of the same happening states (the article's happening links)",
}
# why a date has no days (records.DateMention.unresolved)
_UNRESOLVED = {
    "no_publication_date": "the article has no publication date to count from",
    "no_earlier_date": "it counts from a date the text has not named",
    "ambiguous": "its readings differ and nothing chooses one",
    "unplaced": "it names no time that can be placed",
}
# why a place has its sense (records.Place.rule)
_PLACE_RULES = {
    "gazetteer": "the name's likeliest sense on its own",
    "article-context": "the article's other places",
    "qualifier": "the area named with it",
    "country-word": "a country's adjective or its capital",
    "same-name-city": "the town the article's bare name is",
    "county-named-in-full": "the county the article named in full",
    "source-home": "the state most of the source's other articles name",
    "within-town": "the town it stands in",
    "article-country": "the country nearly all the article's places lie in",
}


def explain_text(analysis: Analysis, event: Event) -> str:
    """A readable account of one event of an analysed article."""
    from ..extractors.events import explain_event
    from ..extractors.lexicon import entry_source

    trace = explain_event(analysis, event)
    text = analysis.text
    lines = [
        f"{event.id}  {event.event}" + (f" / {event.mode}" if event.mode else "")
        + f"  (CAMEO {event.cameo}, quad {event.quad}, confidence {event.confidence})",
        f"  sentence:  {text[event.sentence.start:event.sentence.end]}",
        f"  trigger:   '{event.trigger.text}' at {event.trigger.start}-{event.trigger.end}",
    ]
    if event.lexicon:
        lines.append(f"  lexicon:   {event.lexicon}  {entry_source(event.lexicon) or ''}".rstrip())
    lines.append(f"  rule:      {event.rule}")
    if trace is None:
        lines.append("  (no trace: the event was not found again in this text)")
        return "\n".join(lines)
    if trace["light_verb"]:
        lines.append(f"  carried by the light verb '{trace['light_verb']}'")
    for role, key in (("actor", "actor_paths"), ("recipient", "recipient_paths")):
        paths = trace[key] or [("(none)", "")]
        for party, path in paths:
            lines.append(f"  {role + ':':10s} {party}" + (f"    path: {path}" if path else ""))
    lines.append(f"  status:    {event.status} - " + "; ".join(trace["status_reasons"]))
    if event.date is None:
        lines.append("  date:      none")
    else:
        why = _DATE_SOURCES.get(event.date.source or "", event.date.source or "?")
        shown = f"'{event.date.text}' " if event.date.text else ""
        value = trace["date_value"] or (f"unknown ({_UNRESOLVED[event.date.unresolved]})" if event.date.unresolved
                                        else f"on or before {event.date.last}" if event.date.last else None)
        lines.append(f"  date:      {shown}= {value} - from {why}")
    if event.place is not None:
        within = ""
        if event.place.within:
            where = "at the point of" if event.place.lat is not None else "somewhere in"
            within = f", {where} {event.place.within}"
        why = f" - from {_PLACE_RULES.get(event.place.rule, event.place.rule)}" if event.place.rule else ""
        lines.append(f"  place:     {event.place.text} ({event.place.country or '?'}{within}){why}")
    return "\n".join(lines)


def events_to_explain(analysis: Analysis, event_id: Optional[str], sentence: Optional[int],
                      events: Optional[list[Event]] = None) -> list[Event]:
    """The event with that id, or the events of the N-th sentence (1-based), among `events`
    (by default the analysis's own)."""
    events = analysis.events if events is None else events
    if event_id is not None:
        return [e for e in events if e.id == event_id]
    from ..annotate.views import sentences

    spans = sentences(analysis.doc)
    if sentence is None or not 1 <= sentence <= len(spans):
        return []
    span = spans[sentence - 1]
    return [e for e in events if span.start_char <= e.trigger.start < span.end_char]


def is_store(file: str) -> bool:
    """Whether FILE names a store (a PostgreSQL URL, or an SQLite file) rather than articles."""
    from ..store.connection import is_postgres

    if is_postgres(file):
        return True
    try:
        with open(file, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _stored_article(db_path: str, article_id: Optional[str]) -> tuple[Article, list[Event]]:
    """A stored article, to analyse again, and its events as stored (what a user saw)."""
    from ..cli import _open_store

    if article_id is None:
        raise click.UsageError(f"{db_path} is a store: name a stored article with --article ID "
                               "(as `dragoman show` lists them), or a fused event with --fused ID")
    with _open_store(db_path, read_only=True) as store:
        record = store.get(article_id, with_text=True)
    if record is None:
        raise click.ClickException(f"{db_path}: no article with id {article_id!r} (ids as `dragoman show` lists them)")
    return record.as_article(), record.events


def _chosen_article(file: str, article_id: Optional[str], published: Optional[str]) -> Article:
    """The article of FILE to explain: the one named ID, or FILE's only one.

    A file or directory of several articles without an ID is a usage error that
    says how many there are and names some, rather than a silent first pick."""
    from ..ingest.readers import InputError, read_inputs

    articles: list[Article] = []
    problems: list[InputError] = []
    for item in read_inputs([file], published=published):
        (problems if isinstance(item, InputError) else articles).append(item)
    holds = f"{len(articles) + len(problems)} articles"
    if problems:
        holds += f", {len(problems)} of them unreadable (first: {problems[0]})"
    if article_id is not None:
        named = next((a for a in articles if a.id == article_id), None)
        if named is None:
            raise click.ClickException(
                f"{file}: no article with id {article_id!r}; it holds {holds} ({_ids(articles)})"
            )
        return named
    if len(articles) + len(problems) > 1:
        raise click.UsageError(f"{file} holds {holds}; pick one with --article ID ({_ids(articles)})")
    if not articles:
        raise click.ClickException(str(problems[0]) if problems else f"{file}: nothing to read")
    return articles[0]


def _ids(articles: list[Article]) -> str:
    if not articles:
        return "no readable articles"
    shown = ", ".join(a.id for a in articles[:_IDS_LISTED])
    return f"ids: {shown}" + (", ..." if len(articles) > _IDS_LISTED else "")


@click.command("explain")
@click.argument("file", type=click.Path())
@click.option("--article", "article_id", metavar="ID",
              help="The article to explain when FILE holds several (a JSON Lines file, a directory).")
@click.option("--event", "event_id", metavar="ID",
              help="Event id as `dragoman extract` prints it (E1, E2, ...).")
@click.option("--sentence", type=click.IntRange(min=1), metavar="N",
              help="Explain every event of sentence N (1-based).")
@click.option("--published", metavar="DATE",
              help="Publication date (YYYY-MM-DD) if the file lacks one.")
@click.option("--fused", "fused_id", metavar="ID",
              help="FILE is a store: show this fused event's mentions and the evidence that joined them.")
def explain_command(
    file: str,
    article_id: Optional[str],
    event_id: Optional[str],
    sentence: Optional[int],
    published: Optional[str],
    fused_id: Optional[str],
) -> None:
    """Show why the events of an article were coded as they were.

    FILE is one article (.txt, .html), or a .jsonl/.json file or a directory
    of several: then name the one to explain with --article ID. FILE may be a
    store: then --article ID names a stored article (its events as stored, traced
    in its text analysed again), or --fused ID a fused event.

    \b
    Examples:
      dragoman explain article.txt --published 2024-03-22 --event E3
      dragoman explain article.txt --sentence 4
      dragoman explain feed.jsonl --article wire-0412 --event E1
      dragoman explain news.db --article wire-0412 --event E1
      dragoman explain news.db --fused 'wire-0412#E3'
    """
    from ..pipeline import Pipeline

    if fused_id is not None:
        if event_id is not None or sentence is not None or article_id is not None:
            raise click.UsageError("--fused takes a store and no --event, --sentence or --article")
        from .fusion_cli import explain_fused

        explain_fused(file, fused_id)
        return

    if (event_id is None) == (sentence is None):
        raise click.UsageError("give exactly one of --event ID or --sentence N")
    stored: Optional[list[Event]] = None
    if is_store(file):
        article, stored = _stored_article(file, article_id)
    else:
        article = _chosen_article(file, article_id, published)
    analysis = Pipeline().analyse(article)
    chosen = events_to_explain(analysis, event_id, sentence, stored)
    if not chosen:
        where = f"event {event_id}" if event_id else f"sentence {sentence}"
        known = ", ".join(e.id for e in (analysis.events if stored is None else stored)) or "none"
        raise click.ClickException(f"no event for {where} (events: {known})")
    echo(terminal_safe("\n\n".join(explain_text(analysis, e) for e in chosen)))
