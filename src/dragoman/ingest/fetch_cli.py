"""`dragoman fetch` and `dragoman watch`: news from feeds, sitemaps and pages on the web."""

from __future__ import annotations

import re
import signal
import sys
import threading
from pathlib import Path
from typing import Optional

import click

DEFAULT_ARCHIVE = "dragoman-archive"
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _interval(_ctx, _param, value: str) -> float:
    match = _INTERVAL.fullmatch(value.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise click.BadParameter(f"{value!r} is not a duration such as 30s, 15m, 1h")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _sources(given: tuple[str, ...]) -> list[str]:
    """URLs as given, and the URLs listed in files (one a line, # comments), in order."""
    urls: list[str] = []
    for item in given:
        if re.match(r"https?://", item, re.I):
            urls.append(item)
            continue
        try:
            text = sys.stdin.read() if item == "-" else Path(item).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.BadParameter(f"{item}: not a URL, and not a readable file of URLs ({exc})",
                                     param_hint="SOURCES") from None
        urls += [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return list(dict.fromkeys(urls))


def _fetch_options(command):
    for option in reversed([
        click.option("--archive", "archive_dir", default=DEFAULT_ARCHIVE, show_default=True, metavar="DIR",
                     help="Where fetched pages are kept (WARC.gz) with the fetch state (fetch-state.sqlite)."),
        click.option("--timeout", default=30.0, show_default=True, metavar="SECONDS",
                     help="Connect and read timeout of one request (a whole response gets 4 times as long)."),
        click.option("--retries", default=3, show_default=True, metavar="N",
                     help="Further attempts after a 5xx status or a broken connection, 1 s, 2 s, 4 s... apart."),
        click.option("--delay", default=1.0, show_default=True, metavar="SECONDS",
                     help="Least time between two requests to one host."),
    ]):
        command = option(command)
    return command


def _fetcher(timeout: float, retries: int, delay: float):
    from .fetch import Fetcher, FetchPolicy

    policy = FetchPolicy(connect_timeout=timeout, read_timeout=timeout, deadline=4 * timeout,
                         retries=max(0, retries), backoff=min(1.0, timeout), per_host_delay=max(0.0, delay))
    return Fetcher(policy)


def _ingest_pending(state, db_path: str, errors) -> None:
    """Every archive not yet in the store goes through `dragoman ingest`; a store
    refusing the articles (exit status 4) leaves the archive pending."""
    from ..cli import ingest

    for archive in state.pending_archives():
        try:
            click.get_current_context().invoke(ingest, inputs=(str(archive),), db_path=db_path)
        except SystemExit as exc:  # ingest names each failed article itself
            if exc.code:
                errors.count += 1
        state.ingested(archive)


def _write_articles(archive: Path, output: Optional[str], errors) -> None:
    """The articles of this run's pages as JSON Lines, in `output` or on stdout."""
    from ..cli import _write_line
    from ..output import Unwritable
    from ..safe_text import encode_json
    from .readers import InputError, read_inputs

    try:
        target = open(output, "wb") if output else None
    except OSError as exc:
        raise Unwritable(f"{output}: cannot write ({exc.strerror})") from None
    try:
        for item in read_inputs([str(archive)]):
            if isinstance(item, InputError):
                errors.report(item)
            elif target:
                target.write(encode_json(item) + b"\n")
            else:
                _write_line(item)
    finally:
        if target:
            target.close()


@click.command("fetch")
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", metavar="OUT.jsonl", help="Write the articles as JSON Lines here (default stdout).")
@click.option("--db", "db_path", metavar="DB", help="Extract and store the articles instead (SQLite file or postgresql:// URL).")
@_fetch_options
def fetch_command(sources: tuple[str, ...], output: Optional[str], db_path: Optional[str], archive_dir: str,
                  timeout: float, retries: int, delay: float) -> None:
    """Fetch news from RSS/Atom feeds, sitemaps and article pages.

    SOURCES are URLs, or files listing URLs one a line (- for stdin). A feed or
    sitemap is read for its links and each page it lists is fetched once, ever; a
    page named directly is asked for again only if it changed (ETag/Last-Modified).
    robots.txt is obeyed, one host is asked at most once per --delay, only HTML
    pages and XML feeds are read, bodies over 10 MB and more than 5 redirects are
    refused. Every page is kept in a WARC.gz file in --archive, so
    `dragoman ingest DIR/*.warc.gz` reads it again without the network. Each URL that
    fails is named on stderr and the rest go on (exit status 1).

    Without --db, each new page's article (id, text, title, published, url, source)
    is one JSON line, as `dragoman ingest` and `extract` read them.

    \b
    Examples:
      dragoman fetch https://example.org/world/rss.xml > articles.jsonl
      dragoman fetch feeds.txt --db news.db --archive ~/news-archive
      dragoman fetch https://example.org/sitemap.xml -o articles.jsonl --delay 5
      dragoman ingest ~/news-archive/'*.warc.gz' --db other.db
    """
    from ..cli import EXIT_INPUT_ERRORS, _ErrorTally, _notice
    from .harvest import FetchState, harvest

    if output and db_path:
        raise click.UsageError("give -o/--output or --db, not both")
    urls = _sources(sources)
    errors = _ErrorTally()
    state = FetchState(Path(archive_dir))
    try:
        with _fetcher(timeout, retries, delay) as fetcher:
            result = harvest(urls, fetcher, state, errors.report)
        _notice(f"dragoman: fetch: {result.summary()}; pages kept in {archive_dir}")
        if db_path:
            _ingest_pending(state, db_path, errors)
        elif result.archive:
            _write_articles(result.archive, output, errors)
    finally:
        state.close()
    if errors.count:
        sys.exit(EXIT_INPUT_ERRORS)


class _StopSignal:
    """Set by SIGINT or SIGTERM: the watch ends after the request under way."""

    def __init__(self) -> None:
        self.event = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, self._set)

    def _set(self, number, _frame) -> None:
        if self.event.is_set():  # a second signal: stop now
            raise KeyboardInterrupt
        self.event.set()

    def __call__(self) -> bool:
        return self.event.is_set()


@click.command("watch")
@click.argument("feeds_file", metavar="FEEDS.txt", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_path", required=True, metavar="DB", help="Store the articles go into (SQLite file or postgresql:// URL).")
@click.option("--every", "every", default="15m", show_default=True, callback=_interval, metavar="DURATION",
              help="Time between the starts of two rounds: 90s, 15m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit.")
@_fetch_options
def watch_command(feeds_file: str, db_path: str, every: float, once: bool, archive_dir: str,
                  timeout: float, retries: int, delay: float) -> None:
    """Poll feeds for ever, storing each new article once.

    Each round reads FEEDS.txt again (URLs of feeds, sitemaps or pages, one a line),
    fetches what is new as `dragoman fetch` does, and ingests it into --db as
    `dragoman ingest` does (English only, near-duplicates linked). A failing feed
    or page is named on stderr, counted in the round's summary, and tried again next
    round. Killed, the watch resumes where it stopped: pages are marked fetched only
    once archived, and archives not yet ingested are ingested first. SIGINT or SIGTERM
    ends it after the request under way (exit status 0, or 1 if anything failed).

    \b
    Examples:
      dragoman watch feeds.txt --db news.db --every 15m
      dragoman watch feeds.txt --db news.db --every 1h --archive /srv/news-archive
      dragoman watch feeds.txt --db news.db --once        # one round, from cron
    """
    import time

    from ..cli import EXIT_INPUT_ERRORS, _ErrorTally, _notice
    from .harvest import FetchState, harvest

    stop = _StopSignal()
    errors = _ErrorTally()
    state = FetchState(Path(archive_dir))
    rounds = 0
    try:
        _ingest_pending(state, db_path, errors)  # what a killed run fetched and did not store
        with _fetcher(timeout, retries, delay) as fetcher:
            while not stop():
                started = time.monotonic()
                rounds += 1
                result = harvest(_sources((feeds_file,)), fetcher, state, errors.report, stop)
                _notice(f"dragoman: watch round {rounds}: {result.summary()}")
                _ingest_pending(state, db_path, errors)
                if once:
                    break
                stop.event.wait(max(0.0, every - (time.monotonic() - started)))
    finally:
        state.close()
    _notice(f"dragoman: watch stopped after {rounds} round{'s' * (rounds != 1)}, {errors.count} failed")
    if errors.count:
        sys.exit(EXIT_INPUT_ERRORS)
