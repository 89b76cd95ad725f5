"""`dragoman reanalyse DB` and `dragoman delete DB`: a store's articles analysed again by this
dragoman, or removed, with their fused events and stories kept consistent (`dragoman.store.revise`).

Each article is one transaction: a failure names the article, leaves what was stored of
it as it was, and the run goes on with the next (exit status 1 at the end).
"""

from __future__ import annotations

import sys
from typing import Optional

import click
import msgspec

from ..resolve.actors_cli import actors_option

_DATE = click.DateTime(["%Y-%m-%d"])


def _selected(store, article_ids: tuple[str, ...], since: Optional[str], errors) -> list[str]:
    """The stored ids to work on, in publication order: those named (an unknown one is
    named as an error), of those the ones published on or after `since`; by default all."""
    summaries = store.articles()
    if article_ids:
        known = {a.id for a in summaries}
        for article_id in dict.fromkeys(article_ids):
            if article_id not in known:
                errors.report(RuntimeError(f"{article_id}: no such article in {store.name}"))
        wanted = set(article_ids)
        summaries = [a for a in summaries if a.id in wanted]
    return [a.id for a in summaries if not since or (a.published and a.published[:10] >= since)]


@click.command("reanalyse")
@click.argument("db_path", metavar="DB")
@click.option("--article", "article_ids", multiple=True, metavar="ID",
              help="An article to analyse again (repeatable); without it, every stored article.")
@click.option("--since", type=_DATE, metavar="DATE", help="Only articles published on or after DATE (YYYY-MM-DD).")
@actors_option
def reanalyse_command(db_path: str, article_ids: tuple[str, ...], since, actor_files: tuple[str, ...]) -> None:
    """Analyse stored articles again with this dragoman, from their stored text and metadata.

    Use it after upgrading dragoman or editing its knowledge base (lexicons, actor
    files). Each article's records (events, actors, quotes, places, dates, figures) are
    replaced in one transaction; its events are fused again and its story updated. A
    user's `fuse split|merge` follows each corrected mention to its new event number
    (known by its type, sentence and trigger); one whose mention is no longer found is
    dropped and counted. Story placements (`regroup`) are kept. What the article itself
    taught (the actors it showed, the places its source names) is set aside while it is
    read again, then learned from the new analysis. An article that fails is named on
    stderr and left as it was; the others go on.

    \b
    Examples:
      dragoman reanalyse news.db                        # every stored article
      dragoman reanalyse news.db --since 2024-03-01     # published on or after
      dragoman reanalyse news.db --article wire-0412 --article wire-0413
      dragoman reanalyse news.db --actors my_actors.csv

    \b
    Exit status: 0 all done; 1 some articles failed or were not found (each named);
    4 the store could not be opened or written (what was done stays).
    """
    from ..cli import EXIT_INPUT_ERRORS, _ErrorTally, _notice, _open_store, _progress, _records, _use_actor_sources
    from ..resolve import source_homes
    from ..resolve.gazetteer import load_gazetteer
    from ..store import DatabaseFailure

    errors = _ErrorTally()
    counts = {"articles": 0, "before": 0, "after": 0, "dropped": 0}
    day = since.date().isoformat() if since else None
    with (
        _open_store(db_path) as store,
        _use_actor_sources(actor_files, store.connection) as learned,
        source_homes.SourceHomes(store.connection) as homes,
        source_homes.using(homes),
    ):
        chosen = _selected(store, article_ids, day, errors)
        for article_id in _progress(chosen, len(chosen), "reanalyse"):
            try:
                article, old = store.stored_article(article_id), store.get(article_id)
            except (DatabaseFailure, msgspec.DecodeError) as exc:  # this article's row cannot be read
                errors.report(RuntimeError(f"{article_id}: cannot be read ({getattr(exc, 'cause', exc)})"))
                continue
            if article is None:  # deleted meanwhile: nothing to do
                continue
            # what the article itself taught is set aside while it is read again, then
            # taught anew from the new analysis (or again from the old, if that fails)
            learned.forget(article_id)
            homes.forget(article)
            record = next(iter(_records([article], errors, with_text=False, dask=None)), None)
            done = _replaced(store, record, errors) if record is not None else None
            taught = record if done is not None else old
            learned.learn(taught, taught.published)
            homes.learn(taught, load_gazetteer())
            if done is None:
                continue
            counts["articles"] += 1
            counts["before"] += done.events_before
            counts["after"] += done.events_after
            counts["dropped"] += done.corrections_dropped
    dropped = f", {counts['dropped']} fusion corrections dropped" if counts["dropped"] else ""
    _notice(f"dragoman: {counts['articles']} re-analysed (events {counts['before']} -> {counts['after']}),"
            f" {errors.count} failed{dropped}")
    if errors.count:
        sys.exit(EXIT_INPUT_ERRORS)


def _replaced(store, record, errors):
    """`store.replace(record)`, or None after naming the article when it cannot be replaced."""
    from ..store import DatabaseFailure

    try:
        return store.replace(record)
    except (KeyError, ValueError, msgspec.DecodeError) as exc:  # gone meanwhile, or its old record unreadable
        errors.report(RuntimeError(f"{record.id}: not replaced ({exc.args[0] if exc.args else exc})"))
    except DatabaseFailure as exc:
        if not exc.rejected_values:
            raise
        errors.report(RuntimeError(f"{record.id}: not replaced ({exc.cause})"))
    return None


@click.command("delete")
@click.argument("db_path", metavar="DB")
@click.option("--article", "article_ids", multiple=True, required=True, metavar="ID",
              help="An article to delete (repeatable).")
def delete_command(db_path: str, article_ids: tuple[str, ...]) -> None:
    """Delete stored articles with all their records.

    Each fused event loses the article's mentions and is recounted (one left with no
    mention disappears); each story loses the article and is re-profiled (one left
    with no article disappears); near-duplicates linked to the article go with it, and
    so does what it taught the actor registry and its source's home (facts other
    articles also showed stay).
    Users' corrections stay, so an article ingested again is placed as before.

    \b
    Examples:
      dragoman delete news.db --article wire-0412
      dragoman delete news.db --article a1 --article a2

    \b
    Exit status: 0 all deleted; 1 some ids were not stored (each named), the rest
    deleted; 4 the store could not be opened or written.
    """
    from ..cli import EXIT_INPUT_ERRORS, _ErrorTally, _notice, _open_store

    errors = _ErrorTally()
    deleted = 0
    with _open_store(db_path) as store:
        for article_id in dict.fromkeys(article_ids):
            if store.delete(article_id):
                deleted += 1
            else:
                errors.report(RuntimeError(f"{article_id}: no such article in {store.name}"))
    _notice(f"dragoman: {deleted} deleted, {errors.count} not found")
    if errors.count:
        sys.exit(EXIT_INPUT_ERRORS)
