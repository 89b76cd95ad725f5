"""`dragoman actors`: what the actor registry knows, where each fact came from,
and growing it from a Wikidata dump or actor files."""

from __future__ import annotations

import sys

import click

from ..output import echo
from ..safe_text import terminal_safe

actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    metavar="FILE",
    help="Known actors (YAML, CSV or a CAMEO/PETRARCH dictionary), consulted before the "
    "learned registry and the bundled starter book. Repeatable.",
)

_WIKIDATA_SUFFIXES = (".json", ".json.gz", ".json.bz2", ".jsonl", ".jsonl.gz", ".jsonl.bz2", ".ndjson")
_SHOWN_PROBLEMS = 20


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def actors() -> None:
    """The known actors: import them, list them, show one and where each fact came from.

    A registry lives in a store (--db news.db, or a postgresql:// URL), where ingest
    also records what articles teach, or in a standalone actors database
    (--db actors.db) that other commands read with --actors actors.db.

    \b
    Examples:
      dragoman actors import latest-all.json.gz --db actors.db
      dragoman actors list --db news.db
      dragoman actors show "Benjamin Netanyahu" --db news.db --as-of 2024-03-22
    """


@actors.command("import")
@click.argument("file", metavar="FILE")
@click.option("--db", "db_path", required=True, metavar="DB",
              help="Store (SQLite file or postgresql:// URL) or actors database (.db) to import into; "
              "created if missing.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="A progress bar on stderr (by bytes read) when it is a terminal.")
def actors_import(file: str, db_path: str, progress: bool) -> None:
    """Import actors from a Wikidata dump or an actor file into a registry.

    FILE is a Wikidata JSON dump (latest-all.json.gz as downloaded; also .json,
    .json.bz2, or JSON Lines of entities), streamed in bounded memory: people with
    their positions held (and dates), citizenship and English aliases, and
    organisations with their country and kind. Any other FILE is read as a YAML, CSV
    or CAMEO/PETRARCH actor file (see --actors). Facts only accumulate: each keeps its
    source. Malformed dump lines are reported by line number and skipped (exit 1).

    \b
    Examples:
      dragoman actors import latest-all.json.gz --db actors.db
      dragoman actors import latest-all.json.bz2 --db postgresql://analyst@dbhost/news
      dragoman actors import ministers.yaml --db news.db
      dragoman actor "Amara Bell" --actors actors.db --as-of 2020-01-01
    """
    from pathlib import Path

    from ..cli import EXIT_INPUT_ERRORS, _notice, _open_store  # the command line's shared habits
    from ..ingest.actor_dictionary import ActorFileError, read_actor_file
    from ..ingest.wikidata import DumpError, import_dump
    from ..store.connection import CannotConnect, is_postgres
    from .registry import Registry

    shown = []

    def problem(found) -> None:
        shown.append(found)
        if len(shown) <= _SHOWN_PROBLEMS:
            _notice(f"dragoman: {file}: {found}")

    if not is_postgres(db_path) and not Path(db_path).exists():
        with _open_store(db_path, create=True):  # a new file is an (empty) store, usable by ingest too
            pass
    try:
        with Registry(db_path) as registry:
            if file.lower().endswith(_WIKIDATA_SUFFIXES):
                report = import_dump(file, registry, progress=progress, on_problem=problem)
                summary = report.summary()
            else:
                book = read_actor_file(file)
                with registry.batch():
                    for known in book.actors:
                        registry.add_known(known)
                summary = f"{len(book)} actors imported"
    except (DumpError, ActorFileError, CannotConnect) as exc:
        raise click.ClickException(str(exc)) from None
    if len(shown) > _SHOWN_PROBLEMS:
        _notice(f"dragoman: {file}: ... and {len(shown) - _SHOWN_PROBLEMS} more malformed lines")
    _notice(f"dragoman: {file}: {summary}")
    if shown:
        sys.exit(EXIT_INPUT_ERRORS)


def _actor_sources_for(db_path: str | None, actor_files: tuple[str, ...]):
    """(label, source) for what list/show read: files, then a registry, else the starter book."""
    from pathlib import Path

    from ..ingest.actor_dictionary import ActorFileError, read_actor_file
    from ..store.connection import is_postgres
    from .registry import Registry, is_actor_database, open_actor_file, starter

    if not db_path and not actor_files:
        return [("starter book", starter())]
    try:
        found = [(path, open_actor_file(path) if is_actor_database(path) else read_actor_file(path))
                 for path in actor_files]
    except ActorFileError as exc:
        raise click.ClickException(str(exc)) from None
    if db_path:
        if not is_postgres(db_path) and not Path(db_path).is_file():
            raise click.ClickException(f"{db_path}: no such store or actors database")
        found.append((db_path, Registry(db_path)))
    return found


@actors.command("list")
@click.option("--db", "db_path", metavar="DB", help="Store or actors database whose registry to list.")
@actors_option
@click.option("--limit", type=click.IntRange(min=1), help="At most this many actors per source.")
def actors_list(db_path: str | None, actor_files: tuple[str, ...], limit: int | None) -> None:
    """List known actors, one tab-separated line each.

    Columns: name, kind, country, sector, number of roles, source (the file:line,
    wikidata:QID or article:ID it was first learned from), where it is kept. Without
    --db or --actors, the bundled starter book.

    \b
    Examples:
      dragoman actors list --db news.db
      dragoman actors list --actors actors.db --limit 20
      dragoman actors list | cut -f1,3
    """
    from .registry import Registry

    for label, source in _actor_sources_for(db_path, actor_files):
        if isinstance(source, Registry):
            rows = _registry_rows(source, limit)
        else:
            rows = ((a.name, a.kind, a.country, a.sector, a.source, len(a.roles)) for a in source.actors[:limit])
        for name, kind, country, sector, origin, roles in rows:
            echo("\t".join(terminal_safe(str(v), one_line=True) if v is not None else ""
                             for v in (name, kind, country, sector, roles, origin, label)))


def _registry_rows(registry, limit: int | None, page: int = 10_000):
    """A registry's actors a page at a time, by name (a registry may hold millions)."""
    after, left = None, limit
    while left is None or left > 0:
        rows = registry.summary(after, page if left is None else min(page, left))
        yield from rows
        if not rows:
            return
        after = rows[-1][0]
        left = None if left is None else left - len(rows)


@actors.command("show")
@click.argument("name")
@click.option("--db", "db_path", metavar="DB", help="Store or actors database whose registry to ask.")
@actors_option
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Also say how the actor codes on this day, and why.")
def actors_show(name: str, db_path: str | None, actor_files: tuple[str, ...], as_of) -> None:
    """Show what is known about NAME, and where each fact came from.

    Every known actor answering to NAME is shown; sources are asked in lookup order: --actors files, the registry of --db, then the
    bundled starter book. For each actor: its names, country and sector, every role
    with its dates and source, the articles that showed learned roles, and how it
    codes (today, or --as-of DATE) and why.

    \b
    Examples:
      dragoman actors show "Benjamin Netanyahu" --db news.db
      dragoman actors show "Amara Bell" --actors actors.db --as-of 2016-05-01
      dragoman actors show Museveni
    """
    from .actor_people import known_spelling
    from .registry import Registry, code_as_of, outvote, starter

    sources = _actor_sources_for(db_path, actor_files)
    if db_path or actor_files:
        sources.append(("starter book", starter()))
    day = as_of.date() if as_of else None
    shown = 0

    def say(line: str) -> None:
        echo(terminal_safe(line, one_line=True))

    spelling = known_spelling(name, None, [source for _, source in sources])
    if spelling and spelling != name:  # as coding does: "Muhammad" finds "Mohammed"
        say(f"{name!r} is known as {spelling!r}")
        name = spelling

    for label, source in sources:
        ids = source.ids(name) if isinstance(source, Registry) else []
        for index, known in enumerate(source.find(name)):
            shown += 1
            qid = source.wikidata_id(ids[index]) if ids else None
            say(f"{known.name}  [{known.kind or 'actor'}]  in {label}" + (f"  (wikidata {qid})" if qid else ""))
            say(f"  first from: {known.source or '-'}")
            say(f"  country: {known.country or '-'}  sector: {known.sector or '-'}")
            say(f"  names: {', '.join(sorted(known.keys()))}")
            kept, aside = outvote(known.roles)
            for role in kept:
                say(f"  role: {role.describe()}")
            for role, why in aside:
                say(f"  role (set aside, {why}): {role.describe()}")
            for role, country, sector, seen, article in source.evidence(ids[index]) if ids else ():
                say(f"  seen {seen} in {article}: {role or '-'} ({country or '-'} {sector or '-'})")
            code = code_as_of(known, day)
            say(f"  codes {'on ' + str(day) if day else 'today'}: {code.country or '-'} "
                       f"{code.sector or '-'} {code.role or ''}".rstrip())
            say(f"  why: {code.why}")
    if not shown:
        raise click.ClickException(f"no known actor answers to {name!r}")
