"""`dragoman fuse split|merge|rebuild` and the account `dragoman explain DB --fused ID` prints.

Fused events are made at ingest (`dragoman.store.fusion`); these commands let a user
correct them. A correction is stored (table ``fusion_corrections``) and obeyed whenever
the same mentions meet again, so it survives re-ingesting the articles.
"""

from __future__ import annotations

from typing import Callable

import click

from ..output import echo
from ..safe_text import terminal_safe
from ..store.base import FusedEvent, Store


def fused_text(f: FusedEvent) -> str:
    """A readable account of one fused event: its mentions, their sources and the evidence."""
    span = f.first if f.first == f.last else f"{f.first or '?'}..{f.last or '?'}"
    lines = [f"{f.id}  {f.event}  {span if f.first else 'undated'}  "
             f"{f.sources} source(s), {f.reports} report(s), {len(f.mentions)} mention(s)"]
    for m, (joined, evidence) in zip(f.mentions, f.joins):
        lines.append(f"  {m.article_id}:{m.event.id}  {m.published or 'undated'}  {m.source or '-'}  "
                     f"'{m.event.trigger.text}'")
        lines.append(f"      {m.sentence_text.strip()}")
        if joined:
            lines.append(f"      joined {joined}: {', '.join(evidence)}")
        elif evidence:
            lines.append(f"      {', '.join(evidence)}")
    if f.copies:
        lines.append("  republished (near-duplicates, linked and not stored: one source, more reports):")
    for copy in f.copies:
        lines.append(f"  {copy.id}  {copy.published or 'undated'}  {copy.source or '-'}  copy of {copy.original_id}"
                     f" (similarity {copy.similarity:.2f})")
    return "\n".join(lines)


def _mention(value: str) -> tuple[str, str]:
    article_id, sep, event_id = value.rpartition(":")
    if not sep or not article_id or not event_id:
        raise click.BadParameter(f"{value!r} is not ARTICLE:EVENT (such as wire-0412:E3)")
    return article_id, event_id


@click.group("fuse")
def fuse_command() -> None:
    """Correct fused events: split a mention out, merge two, or fuse older articles.

    \b
    Examples:
      dragoman fuse split news.db 'wire-0412#E3' wire-0413:E1
      dragoman fuse merge news.db 'wire-0412#E3' 'wire-0415#E2'
      dragoman fuse rebuild news.db
    """


@fuse_command.command("split")
@click.argument("db_path", metavar="DB")
@click.argument("fused_id")
@click.argument("mention", metavar="ARTICLE:EVENT")
def split_command(db_path: str, fused_id: str, mention: str) -> None:
    """Take one mention out of a fused event; it stays apart from the others from now on."""
    article_id, event_id = _mention(mention)
    correct(db_path, lambda store: store.split_fused(fused_id, article_id, event_id))


@fuse_command.command("merge")
@click.argument("db_path", metavar="DB")
@click.argument("kept")
@click.argument("merged")
def merge_command(db_path: str, kept: str, merged: str) -> None:
    """Join fused event MERGED into KEPT; they stay together from now on."""
    correct(db_path, lambda store: store.merge_fused(kept, merged) or kept)


def correct(db_path: str, change: Callable[[Store], str]) -> None:
    """Make a user's correction in the store (fusion or stories) and print the id it
    leaves; an unknown id or an impossible change is one line naming it (exit 1)."""
    from ..cli import _open_store

    with _open_store(db_path) as store:
        try:
            shown = change(store)
        except (KeyError, ValueError) as exc:
            raise click.ClickException(f"{db_path}: {exc.args[0]}") from None
    echo(shown)


@fuse_command.command("rebuild")
@click.argument("db_path", metavar="DB")
def rebuild_command(db_path: str) -> None:
    """Fuse the events of articles stored before fusion existed (an upgraded store)."""
    from ..cli import _open_store

    with _open_store(db_path) as store:
        count = store.fuse_unfused()
    click.echo(f"dragoman: {count} articles fused", err=True)


def explain_fused(db_path: str, fused_id: str) -> None:
    """Print `fused_text` for one fused event of the store, or fail naming the id."""
    from ..cli import _open_store

    with _open_store(db_path, read_only=True) as store:
        found = store.fused_event(fused_id)
    if found is None:
        raise click.ClickException(f"{db_path}: no fused event {fused_id!r} (ids as `dragoman events` prints them)")
    echo(terminal_safe(fused_text(found)))
