"""One round of fetching: feeds polled, new article pages fetched and archived.

Each page fetched is written to a WARC archive (a gzip member per record, flushed
at once) in the archive directory, so a re-extraction never refetches and
`dragoman ingest DIR/*.warc.gz` reads the pages again. What was fetched, the
validators each URL answered with, and which archives were ingested live in a small
SQLite file beside them (`fetch-state.sqlite`): a later run, or one after a kill,
goes on where the last stopped. A page is marked seen only once its record is on disk.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Callable, Iterable, Optional

from .feeds import NotAFeed, feed_links
from .fetch import FEED_TYPES, PAGE_TYPES, FetchError, Fetcher, Response, Validators, validators_of

STATE_FILE = "fetch-state.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, polled_at TEXT);
CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, archive TEXT NOT NULL, fetched_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS archives (name TEXT PRIMARY KEY, ingested INTEGER NOT NULL DEFAULT 0);
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class FetchState:
    """Validators, pages seen and archives ingested, in `DIR/fetch-state.sqlite`."""

    def __init__(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self._db = sqlite3.connect(directory / STATE_FILE, timeout=30, isolation_level=None)
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def validators(self, url: str) -> Validators:
        row = self._db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return Validators(*row) if row else Validators()

    def polled(self, url: str, validators: Validators) -> None:
        self._db.execute("INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?)",
                         (url, validators.etag, validators.last_modified, _now()))

    def seen(self, url: str) -> bool:
        return self._db.execute("SELECT 1 FROM pages WHERE url = ?", (url,)).fetchone() is not None

    def archived(self, urls: Iterable[str], archive: str) -> None:
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("INSERT OR IGNORE INTO archives (name) VALUES (?)", (archive,))
            self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)",
                                 [(url, archive, _now()) for url in urls])

    def pending_archives(self) -> list[Path]:
        """Archives written but not yet ingested (one a killed run left behind among them)."""
        rows = self._db.execute("SELECT name FROM archives WHERE ingested = 0 ORDER BY name").fetchall()
        return [self.directory / name for (name,) in rows if (self.directory / name).exists()]

    def ingested(self, archive: Path) -> None:
        self._db.execute("UPDATE archives SET ingested = 1 WHERE name = ?", (archive.name,))


class PageArchive:
    """A WARC.gz file of this run's pages, created with its first page."""

    def __init__(self, directory: Path):
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        self.path = directory / f"pages-{stamp}-{os.getpid()}.warc.gz"
        self._file = None
        self._writer = None

    def write(self, response: Response) -> None:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        if self._writer is None:
            self._file = open(self.path, "ab")
            self._writer = WARCWriter(self._file, gzip=True)
        kept = [(k, v) for k, v in response.headers.items()
                if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")]
        http = StatusAndHeaders(f"{response.status} OK", kept, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(response.url, "response", payload=BytesIO(response.body),
                                                 length=len(response.body), http_headers=http)
        self._writer.write_record(record)
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    @property
    def written(self) -> bool:
        return self._writer is not None


@dataclass
class Round:
    """What one round did, for the summary line."""

    counts: Counter = field(default_factory=Counter)
    archive: Optional[Path] = None

    def summary(self) -> str:
        order = ("fetched", "unchanged", "already fetched", "failed")
        return ", ".join(f"{self.counts[key]} {key}" for key in order)


def harvest(
    sources: list[str],
    fetcher: Fetcher,
    state: FetchState,
    on_error: Callable[[Exception], None],
    stop: Callable[[], bool] = lambda: False,
) -> Round:
    """Fetch every source (a feed, a sitemap or a page) and the new pages feeds list.

    A page named on the command line is asked for again with its validators (a 304 when
    unchanged); a page a feed lists is fetched once, ever. Every failure goes to
    `on_error` and the round goes on.
    """
    result = Round()
    archive = PageArchive(state.directory)

    def fail(error: Exception) -> None:
        result.counts["failed"] += 1
        on_error(error)

    def keep(response: Response, url: str) -> None:
        archive.write(response)
        state.archived({url, response.url}, archive.path.name)
        state.polled(url, validators_of(response))
        result.counts["fetched"] += 1

    def poll(url: str, depth: int) -> None:
        try:
            response = fetcher.get(url, PAGE_TYPES | FEED_TYPES, state.validators(url))
        except FetchError as exc:
            fail(exc)
            return
        if response.not_modified:
            result.counts["unchanged"] += 1
            return
        if response.media_type in PAGE_TYPES:
            keep(response, url)
            return
        try:
            links = feed_links(response.body, response.url)
        except NotAFeed as exc:
            fail(FetchError(url, str(exc)))
            return
        failed_before = result.counts["failed"]
        for problem in links.problems:
            fail(FetchError(url, problem))
        for page in links.pages:
            if stop():
                return
            if state.seen(page):
                result.counts["already fetched"] += 1
                continue
            try:
                keep(fetcher.get(page, PAGE_TYPES), page)
            except FetchError as exc:
                fail(exc)
        for sitemap in links.feeds:
            if depth < 2 and not stop():
                poll(sitemap, depth + 1)
        # remembered last, and only when every page came, so a feed whose pages failed
        # or were cut short is read whole next time rather than answered with a 304
        if result.counts["failed"] == failed_before + len(links.problems) and not stop():
            state.polled(url, validators_of(response))

    try:
        for source in sources:
            if stop():
                break
            poll(source, 0)
    finally:
        archive.close()
    result.archive = archive.path if archive.written else None
    return result
