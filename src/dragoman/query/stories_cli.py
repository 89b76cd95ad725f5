"""`dragoman stories DB`, `dragoman story DB STORY_ID` and `dragoman regroup`: the story
lines of a store, and a user's corrections of them.

Stories are made at ingest (`dragoman.store.stories`); the first two commands read them,
`regroup` moves an article or merges two stories, and the store keeps the placement for
when the articles are ingested again.
"""

from __future__ import annotations

from typing import Optional

import click

from ..output import echo
from ..safe_text import encode_json, terminal_safe
from ..store.base import StoryTimeline
from .filters import filter_options, from_options
from .fusion_cli import correct

_DATE = click.DateTime(["%Y-%m-%d"])


def story_json(timeline: StoryTimeline) -> dict:
    """A story as `dragoman story --json` prints it: its summary, articles and dated events."""
    s = timeline.story
    return {
        **s._asdict(),
        "article_list": [a._asdict() for a in timeline.articles],
        "event_list": [
            {"fused_id": f.id, "event": f.event, "first": f.first, "last": f.last, "sources": f.sources,
             "reports": f.reports,
             "mentions": [{"article_id": m.article_id, "event_id": m.event.id, "source": m.source,
                           "published": m.published, "sentence_text": m.sentence_text} for m in f.mentions]}
            for f in timeline.events
        ],
    }


def timeline_text(timeline: StoryTimeline) -> str:
    s = timeline.story
    lines = [f"{s.id}  {s.title or '(untitled)'}",
             f"  {s.first or '?'} .. {s.last or '?'}  {s.articles} article(s), {s.events} event(s)", ""]
    for f in timeline.events:
        sources = ", ".join(dict.fromkeys(m.source or m.article_id for m in f.mentions))
        when = f.first if f.first == f.last else f"{f.first or '?'}..{f.last or '?'}"
        lines.append(f"  {when if f.first else 'undated':23s} {f.event:9s} {f.mentions[0].sentence_text.strip()}")
        lines.append(f"  {'':23s} {f.sources} source(s): {sources}  [{f.id}]")
    return "\n".join(lines)


@click.command("stories")
@click.argument("db_path", metavar="DB")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="Stories of at least N articles.")
@click.option("--since", type=_DATE, metavar="DATE", help="Stories running on or after DATE (YYYY-MM-DD).")
@click.option("--until", type=_DATE, metavar="DATE", help="Stories running on or before DATE (YYYY-MM-DD).")
@filter_options(without=("since", "until", "undated", "stories"))
@click.option("--limit", type=click.IntRange(min=1), help="At most this many stories.")
def stories_command(db_path: str, min_articles: int, since, until, limit: Optional[int], **filters) -> None:
    """The story lines of a store as JSON Lines, latest first: id, title, span, articles, events.

    The event filters of `dragoman events` (--type, --actor, --country, ...) keep the
    stories with an event they select; --since and --until here are the story's span.

    \b
    Examples:
      dragoman stories news.db --min-articles 3
      dragoman stories news.db --since 2024-03-01 | jq -r .title
      dragoman stories news.db --actor ISR --type ASSAULT --min-sources 2
    """
    from ..cli import _open_store, _write_line

    where = from_options(filters)
    with _open_store(db_path, read_only=True) as store:
        found = store.stories(None if where.is_default() else where, min_articles=min_articles,
                              since=since and since.date().isoformat(), until=until and until.date().isoformat(),
                              limit=limit)
    for story in found:
        _write_line(story._asdict())


@click.command("story")
@click.argument("db_path", metavar="DB")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print the story as one JSON object.")
def story_command(db_path: str, story_id: str, as_json: bool) -> None:
    """One story's timeline: its dated fused events with their sources.

    \b
    Examples:
      dragoman story news.db 'S:wire-0412'
      dragoman story news.db 'S:wire-0412' --json | jq '.event_list[].fused_id'
    """
    from ..cli import _open_store

    with _open_store(db_path, read_only=True) as store:
        found = store.story(story_id)
    if found is None:
        raise click.ClickException(f"{db_path}: no story {story_id!r} (ids as `dragoman stories` prints them)")
    if found.story.id != story_id:
        click.echo(f"dragoman: story {terminal_safe(story_id, one_line=True)} was merged into "
                   f"{terminal_safe(found.story.id, one_line=True)}", err=True)
    echo(encode_json(story_json(found)) if as_json else terminal_safe(timeline_text(found)))


@click.group("regroup")
def regroup_command() -> None:
    """Correct story lines: move an article to another story or to a new one, merge two.

    \b
    Examples:
      dragoman regroup move news.db wire-0413 --to 'S:wire-0412'
      dragoman regroup move news.db wire-0413 --new
      dragoman regroup merge news.db 'S:wire-0412' 'S:wire-0420'
    """


@regroup_command.command("move")
@click.argument("db_path", metavar="DB")
@click.argument("article_id", metavar="ARTICLE")
@click.option("--to", "story_id", metavar="STORY", help="The story to put the article in.")
@click.option("--new", is_flag=True, help="Put the article in a new story of its own.")
def move_command(db_path: str, article_id: str, story_id: Optional[str], new: bool) -> None:
    """Put ARTICLE in another story (--to) or in a new one (--new); prints the story id."""
    if bool(story_id) == new:
        raise click.UsageError("give either --to STORY or --new")
    correct(db_path, lambda store: store.move_to_story(article_id, story_id))


@regroup_command.command("merge")
@click.argument("db_path", metavar="DB")
@click.argument("kept")
@click.argument("merged")
def merge_command(db_path: str, kept: str, merged: str) -> None:
    """Move every article of story MERGED into story KEPT, which keeps its id."""
    correct(db_path, lambda store: store.merge_stories(kept, merged) or kept)
