"""The `dragoman` command line.

Reads files, directories, globs or stdin; writes JSON Lines to stdout or a
store (an SQLite file, or a PostgreSQL database given as a postgresql:// URL). Exit codes: 0 all inputs processed, 1 some inputs failed
(each named on stderr, the rest processed), 2 usage error, 3 an incomplete installation
(no place index, and nothing to build one from), 4 the store or the output could not be
opened, read or written (named on stderr with the cause; the run stopped there).
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Iterable

import click

from .output import EXIT_STORE_OR_OUTPUT, Unwritable, echo, stdout_guard  # noqa: F401 (exit statuses side by side)
from .query.export import FORMATS, ExportError, export_events, fused_json, mention_json
from .query.filters import filter_options, from_options
from .resolve.actors_cli import actors_option as _actors_option
from .safe_text import encode_json, terminal_safe

if TYPE_CHECKING:
    from .store.connection import Connection

EXIT_INPUT_ERRORS = 1
EXIT_INCOMPLETE_INSTALL = 3


def _write_line(obj) -> None:
    """One JSON line on stdout, its control characters escaped (see `safe_text`)."""
    with stdout_guard():
        sys.stdout.buffer.write(encode_json(obj) + b"\n")


def _notice(message: str) -> None:
    """One line on stderr; the ids, titles and paths it names cannot drive the terminal."""
    click.echo(terminal_safe(message, one_line=True), err=True)


def _progress(iterable: Iterable, total: int | None, label: str):
    from tqdm import tqdm

    # a bar only when a person watches stderr and there is more than a handful of work
    disable = not sys.stderr.isatty() or (total is not None and total < 3)
    return tqdm(iterable, total=total, desc=label, unit="article", disable=disable, file=sys.stderr)


class _ErrorTally:
    """Prints one line per bad input and remembers that something failed."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, error: Exception) -> None:
        self.count += 1
        _notice(f"dragoman: error: {error}")

    def extraction_failed(self, article_id: str, detail: str) -> None:
        self.report(RuntimeError(f"{article_id}: extraction failed: {detail}"))

    def article_failed(self, article, exc: Exception) -> None:
        self.extraction_failed(article.id, repr(exc))


def _articles(
    inputs: tuple[str, ...], published: str | None, source: str | None, encoding: str | None, errors: _ErrorTally
):
    from .ingest.readers import InputError, read_inputs

    def note(message: str) -> None:
        _notice(f"dragoman: {message}")

    items = read_inputs(list(inputs) or ["-"], published=published, source=source, encoding=encoding, on_note=note)
    for item in items:
        if isinstance(item, InputError):
            errors.report(item)
        else:
            yield item


def _screen(store=None):
    """What sets aside foreign-language articles and near-duplicates, noting each on stderr."""
    from .ingest.screen import Screen

    return Screen(store, on_note=lambda message: _notice(f"dragoman: {message}"))


@contextmanager
def _open_store(path: str, *, create: bool = False, read_only: bool = False):
    """The store (SQLite path or PostgreSQL URL) for the length of the block; a store that
    cannot be opened, or fails while the block uses it, is one line and exit status 4."""
    from .store import DatabaseFailure, Store, StoreError

    try:
        with Store.open(path, create=create, read_only=read_only) as store:
            yield store
    except (StoreError, DatabaseFailure) as exc:
        raise Unwritable(str(exc)) from None


def _use_actor_sources(actor_files: tuple[str, ...], registry_path: str | Connection | None = None):
    """Users' actor files, then the learned registry (in the store at `registry_path`, a path,
    URL or the open store's connection), for every actor lookup of this run."""
    from .ingest.actor_dictionary import ActorFileError
    from .resolve.registry import configure
    from .store import DatabaseFailure

    try:
        return configure(actor_files, registry_path)
    except ActorFileError as exc:
        raise click.ClickException(str(exc)) from None
    except DatabaseFailure as exc:  # the registry's tables in the store cannot be opened or made
        raise Unwritable(str(exc)) from None


class _IncompleteInstall(click.ClickException):
    exit_code = EXIT_INCOMPLETE_INSTALL


def _require_place_index() -> None:
    """Stop once, before the first article, when there is no place index (see `_Commands`):
    otherwise every article would fail the same way."""
    from .resolve.gazetteer import load_gazetteer

    load_gazetteer()


def _records(
    articles,
    errors: _ErrorTally,
    *,
    with_text: bool,
    dask: str | None,
    actor_files: tuple[str, ...] = (),
    registry_path: str | None = None,
):
    """Analysed records in input order, locally or on a Dask scheduler.

    A failing article is reported on stderr and skipped, never fatal.
    """
    _require_place_index()
    if dask:
        from .parallel import ArticleFailure, run_dask

        outcomes = run_dask(articles, dask, with_text=with_text, actor_files=actor_files, registry_path=registry_path)
        for outcome in outcomes:
            if isinstance(outcome, ArticleFailure):
                errors.extraction_failed(outcome.article_id, outcome.error)
            else:
                yield outcome
        return
    from .pipeline import default_pipeline

    yield from default_pipeline().records(articles, with_text=with_text, on_error=errors.article_failed)


_dask_option = click.option(
    "--dask",
    metavar="SCHEDULER",
    help='Run on Dask: a scheduler address (tcp://host:8786) or "processes" for local worker '
    'processes. Needs `pip install "dragoman[dask]"`.',
)


def _check_encoding(_ctx, _param, value: str | None) -> str | None:
    from .ingest.readers import is_text_encoding

    if value is not None and not is_text_encoding(value):
        raise click.BadParameter(f"unknown text encoding {value!r} (e.g. utf-8, cp1252, latin-1)")
    return value


_encoding_option = click.option(
    "--encoding",
    metavar="NAME",
    callback=_check_encoding,
    help="Decode every input with this codec (e.g. cp1252, latin-1). Without it, inputs must be "
    "UTF-8 (or UTF-16 with a BOM); other encodings are refused, never guessed.",
)


class _Commands(click.Group):
    """Turns an incomplete installation, met by any command, into one line and exit status 3;
    escapes every error message, which may name an article, before click prints it."""

    def invoke(self, ctx: click.Context):
        from .resolve.gazetteer import GazetteerUnavailable

        try:
            return super().invoke(ctx)
        except GazetteerUnavailable as exc:
            raise _IncompleteInstall(terminal_safe(str(exc))) from None
        except click.ClickException as exc:
            exc.message = terminal_safe(exc.message)
            raise


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dragoman")
def main() -> None:
    """dragoman: news reports in, a source-linked record of events out.

    \b
    Examples:
      dragoman extract article.txt --published 2024-03-22
      dragoman extract page.html | jq '.events[] | .event'
      dragoman ingest ./articles/ --db news.db
      dragoman show news.db --article seed
      dragoman reanalyse news.db --since 2024-03-01
      dragoman delete news.db --article wire-0412
      dragoman events news.db --actor ISR --type ASSAULT
      dragoman export news.db --format polecat -o events.tsv
      dragoman actor "Israeli Prime Minister Benjamin Netanyahu"

    \b
    Exit status:
      0  every input processed
      1  some inputs failed (each named on stderr); the rest were processed
      2  usage error
      3  incomplete installation: no place index, and nothing to build one from
      4  the store or the output could not be opened, read or written (named on
         stderr with the cause); the run stopped there, and what was stored stays
    141  the reader of stdout closed it (`| head`): a quiet stop, as a tool killed
         by SIGPIPE
    """


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs that lack one.")
@click.option("--source", metavar="NAME", help="Publisher name recorded with each article.")
@click.option("--with-text", is_flag=True, help="Include the article text the offsets refer to.")
@click.option("--screen", is_flag=True,
              help="Set aside articles not in English and near-duplicates of one read before.")
@_encoding_option
@_actors_option
@_dask_option
def extract(
    inputs: tuple[str, ...],
    published: str | None,
    source: str | None,
    with_text: bool,
    screen: bool,
    encoding: str | None,
    actor_files: tuple[str, ...],
    dask: str | None,
) -> None:
    """Extract events, quotes, actors, places, dates and figures as JSON Lines.

    INPUTS are files (.txt, .html, .jsonl, .json, .warc, .warc.gz), directories,
    glob patterns, or - for stdin (the default). One JSON object per article on stdout,
    for every article read: a scorer or a script can count on one line per input.
    With --screen, articles not in English and near-duplicates of an article read
    before (a wire copy, an update) are not extracted: each is named on stderr, then
    counted (`ingest` screens by default).

    \b
    Examples:
      dragoman extract article.txt --published 2024-03-22
      dragoman extract 'news/*.html' > out.jsonl
      cat article.txt | dragoman extract - --published 2024-03-22
      dragoman extract corpus/ --dask processes > out.jsonl
      dragoman extract crawl.warc.gz --screen > out.jsonl
    """
    _use_actor_sources(actor_files)
    errors = _ErrorTally()
    articles = _articles(inputs, published, source, encoding, errors)
    screening = _screen() if screen else None
    if screening:
        articles = screening(articles)
    records = _records(articles, errors, with_text=with_text, dask=dask, actor_files=actor_files)
    extracted = 0
    for record in _progress(records, None, "extract"):
        _write_line(record)
        extracted += 1
    with stdout_guard():
        sys.stdout.flush()
    if screening and screening.counts:
        _notice(f"dragoman: {extracted} extracted{screening.summary()}")
    if errors.count:
        sys.exit(EXIT_INPUT_ERRORS)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--db", "db_path", required=True, metavar="DB",
    help="SQLite file or postgresql:// URL; created if missing.",
)
@click.option("--published", metavar="DATE", help="Publication date for inputs that lack one.")
@click.option("--source", metavar="NAME", help="Publisher name recorded with each article.")
@_encoding_option
@_actors_option
@_dask_option
def ingest(
    inputs: tuple[str, ...],
    db_path: str,
    published: str | None,
    source: str | None,
    encoding: str | None,
    actor_files: tuple[str, ...],
    dask: str | None,
) -> None:
    """Extract and store articles; re-running adds nothing twice.

    Articles not in English are skipped; a near-duplicate of an article read
    before in the run or stored before (a wire copy, an updated version) is not
    extracted but linked to that original, with its source, in the store's
    near_duplicates table. Each is named on stderr and counted in the summary.

    Each article is stored in its own transaction, so an interrupted run
    keeps every article it finished and none half-written. Actors met with a
    full name or a title are remembered in the database's registry, so a bare
    surname in a later article resolves to them; the states each source's
    articles name are remembered too, so a bare "Dublin" from a paper that
    mostly reports on Ohio is the Ohio town.

    \b
    Examples:
      dragoman ingest ./articles/ --db news.db
      dragoman ingest 'feeds/*.jsonl' --db news.db --source Reuters
      dragoman ingest CC-NEWS-20240502.warc.gz --db news.db
      dragoman ingest ./articles/ --db postgresql://analyst@dbhost/news
    """
    from msgspec.structs import replace

    from .resolve import source_homes
    from .resolve.gazetteer import load_gazetteer
    from .store import ArticleNotStored, storable

    errors = _ErrorTally()
    counts = {"added": 0, "skipped": 0}
    with (
        _open_store(db_path, create=True) as store,
        _use_actor_sources(actor_files, store.connection) as learned,
        source_homes.SourceHomes(store.connection) as homes,
        source_homes.using(homes),
    ):

        def unseen(articles):
            """Skip texts already stored before spending a parse on them."""
            for article in articles:
                if store.holds(article.text):
                    counts["skipped"] += 1
                else:
                    yield article

        screen = _screen(store)
        articles = screen(unseen(_articles(inputs, published, source, encoding, errors)))
        records = _records(
            articles, errors, with_text=True, dask=dask, actor_files=actor_files, registry_path=db_path
        )
        for record in _progress(records, None, "ingest"):
            stored, text = storable(record, record.text)
            try:
                stored_id = store.add(stored, text)
            except ArticleNotStored as exc:
                errors.report(exc)
                continue
            screen.stored(record.id, stored_id)
            if stored_id is None:
                counts["skipped"] += 1
                continue
            counts["added"] += 1
            if stored is not record:
                _notice(f"dragoman: {stored.id}: NUL characters (U+0000) stored as U+FFFD; offsets unchanged,"
                        " text_sha256 is that of the stored text")
            if stored_id != stored.id:
                _notice(f"dragoman: {stored.id}: id already used by another text, stored as {stored_id}")
                stored = replace(stored, id=stored_id)  # what it teaches is known by that id
            learned.learn(stored, stored.published)
            homes.learn(stored, load_gazetteer())
        for copy, match in screen.unlinked():
            errors.report(RuntimeError(f"{copy.id}: a near-duplicate of {match.original_id}, which was not stored: "
                                       "neither stored nor linked (ingest it again)"))
    added, skipped = counts["added"], counts["skipped"]
    _notice(f"dragoman: {added} added, {skipped} already stored, {errors.count} failed{screen.summary()}")
    if errors.count:
        sys.exit(EXIT_INPUT_ERRORS)


@main.command()
@click.argument("db_path", metavar="DB")
@click.option("--article", "article_id", metavar="ID", help="Article to show; without it, list articles.")
def show(db_path: str, article_id: str | None) -> None:
    """Show a stored article with its events, quotes and actors highlighted.

    \b
    Examples:
      dragoman show news.db                 # list stored articles
      dragoman show news.db --article seed  # one article, annotated
    """
    from .query.show import render_article

    with _open_store(db_path, read_only=True) as store:
        if article_id is None:
            for row in store.articles():
                echo("\t".join(terminal_safe(str(v), one_line=True) if v is not None else "" for v in row))
            return
        record = store.get(article_id, with_text=True)
        if record is None:
            raise click.ClickException(f"{store.name}: no article with id {article_id!r}")
        echo(render_article(record, color=sys.stdout.isatty()))


@main.command()
@click.argument("db_path", metavar="DB")
@click.argument("query")
@click.option("--quotes", is_flag=True, help="Search quotes instead of article text.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
def search(db_path: str, query: str, quotes: bool, limit: int) -> None:
    """Full-text search over stored articles or quotes; JSON Lines out.

    QUERY means the same in SQLite and PostgreSQL: words (all of them),
    "a quoted phrase", -word or NOT word (without it), `or` between alternatives.

    \b
    Examples:
      dragoman search news.db ceasefire
      dragoman search news.db '"humanitarian aid" -Gaza'
      dragoman search news.db --quotes mistake | jq -r .speaker
      dragoman search postgresql:///news '"humanitarian aid" -Gaza'
    """
    with _open_store(db_path, read_only=True) as store:
        hits = store.search_quotes(query, limit) if quotes else store.search(query, limit)
        for hit in hits:
            _write_line(hit._asdict())


@main.command()
@click.argument("db_path", metavar="DB")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--mentions", is_flag=True, help="Each article's report of an event, not the fused events.")
def events(db_path: str, limit: int | None, mentions: bool, **filters) -> None:
    """Stored events as JSON Lines: by default one line per fused event (a happening with
    every article that reported it: sources, mentions, and the evidence that joined them),
    with --mentions one line per article's report. Each has its article, sentence and trigger
    offsets, parties, status, date, place, rule and lexicon entry, and its sentence's text.

    By default every event that happened (status occurred or historical); filters
    of different kinds must all hold, repeated ones are alternatives. With --since
    or --until, undated events are left out unless --undated. Ordered by article
    id, then event number; read a page at a time, however large the store.

    \b
    Examples:
      dragoman events news.db --actor ISR --type ASSAULT --since 2024-03-01
      dragoman events news.db --country UKR --status all --limit 20
      dragoman events news.db --recipient "Benjamin Netanyahu" | jq -r .sentence_text
      dragoman events news.db --article seed --place "Tel Aviv"
      dragoman events news.db --min-sources 3 --mentions
    """
    where = from_options(filters)
    with _open_store(db_path, read_only=True) as store:
        if mentions:
            for mention in store.events(where, limit=limit):
                _write_line(mention_json(mention))
        else:
            for fused in store.fused_events(where, limit=limit):
                _write_line(fused_json(fused))


@main.command()
@click.argument("db_path", metavar="DB")
@click.option("--format", "format_name", required=True,
              type=click.Choice(list(FORMATS)),
              help="The file format (see the README's Query and export).")
@click.option("-o", "--output", metavar="FILE", help="Write FILE (default: stdout; parquet needs a file).")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--mentions", is_flag=True, help="One row per article's report, not per fused event.")
def export(db_path: str, format_name: str, output: str | None, limit: int | None, mentions: bool,
           **filters) -> None:
    """Export stored events (fused, or each report) in a format analysts load.

    \b
    polecat, icews  tab-separated, their datasets' column sets (one row per
                    actor-recipient pair; see data/export_columns.yaml)
    csv, parquet    one row per event, flat columns (parquet needs
                    pip install 'dragoman[export]')
    geojson         located events as Points
    gexf, graphml   the actor network: edges weighted by events, per quad class
    plover-jsonl    one PLOVER event record per line

    Takes the filters of `dragoman events`. Each row is one fused event (a happening,
    however many articles reported it: the values of its first report the filters
    select, with its fused id, its independent sources, its reports and its
    publishers); with --mentions one article's report of it, with its fused id: the
    same happening reported twice is two rows.

    \b
    Examples:
      dragoman export news.db --format polecat -o events.tsv
      dragoman export news.db --format parquet -o events.parquet --since 2024-01-01
      dragoman export news.db --format geojson --type ASSAULT > assaults.geojson
      dragoman export news.db --format gexf --country ISR -o network.gexf
    """
    where = from_options(filters)
    if output is None and FORMATS[format_name].kind == "path":
        raise click.UsageError(f"{format_name} is not text: name a file with -o FILE")
    with _open_store(db_path, read_only=True) as store:
        try:
            with stdout_guard() if output is None else nullcontext():
                rows = store.events(where, limit=limit) if mentions else store.fused_events(where, limit=limit)
                export_events(rows, format_name, output, sys.stdout.buffer)
        except ExportError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise Unwritable(f"{output}: cannot write ({exc.strerror or exc})") from None


@main.command()
@click.argument("texts", nargs=-1, required=True)
@click.option("--context", "context_country", metavar="ISO3", help="Country assumed for bare titles.")
@click.option(
    "--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
    help="Code roles as they were on this day (YYYY-MM-DD).",
)
@click.option("--db", "db_path", metavar="DB", help="Also consult the actor registry learned in this store.")
@_actors_option
def actor(
    texts: tuple[str, ...],
    context_country: str | None,
    as_of,
    db_path: str | None,
    actor_files: tuple[str, ...],
) -> None:
    """Code actor strings to country + sector + role, one JSON line per TEXT.

    When a known actor decided, "why" says which of its facts won and where it came from.

    \b
    Examples:
      dragoman actor "Israeli Prime Minister Benjamin Netanyahu"
      dragoman actor "riot police" "four Saudi men"
      printf 'Hamas\\nAmerican warplanes\\n' | dragoman actor -
      dragoman actor "Angela Merkel" --as-of 2023-01-01
    """
    from .resolve.actor_codes import code_actor
    from .resolve.actor_people import explain_known

    if db_path:
        with _open_store(db_path, read_only=True):  # a clear error for a path that is no store
            pass
    _use_actor_sources(actor_files, db_path)
    lines: Iterable[str] = texts
    if texts == ("-",):
        lines = (line.rstrip("\n") for line in sys.stdin)
    for text in lines:
        if not text.strip():
            continue
        code = code_actor(text, context_country=context_country, as_of=as_of.date() if as_of else None)
        _write_line(
            {
                "text": text,
                "name": code.name,
                "country": code.country,
                "sector": code.sector,
                "role": code.role,
                "kind": code.kind,
                "rule": code.rule,
                "why": explain_known(code.name, as_of.date() if as_of else None) if "known:" in (code.rule or "") else None,
            }
        )


@main.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    from .records import json_schema

    echo(json.dumps(json_schema(), indent=2))


def _register_subcommands() -> None:
    """Commands that live beside the code they serve."""
    from .evaluate.cli import eval_command
    from .ingest.fetch_cli import fetch_command, watch_command
    from .ingest.revise_cli import delete_command, reanalyse_command
    from .query.explain import explain_command
    from .query.fusion_cli import fuse_command
    from .query.stories_cli import regroup_command, stories_command, story_command
    from .resolve.actors_cli import actors
    from .serve.cli import serve_command

    main.add_command(actors, "actors")
    main.add_command(fuse_command, "fuse")
    main.add_command(stories_command, "stories")
    main.add_command(story_command, "story")
    main.add_command(regroup_command, "regroup")
    main.add_command(eval_command, "eval")
    main.add_command(explain_command, "explain")
    main.add_command(fetch_command, "fetch")
    main.add_command(watch_command, "watch")
    main.add_command(reanalyse_command, "reanalyse")
    main.add_command(delete_command, "delete")
    main.add_command(serve_command, "serve")


_register_subcommands()

if __name__ == "__main__":
    main()
