"""The embedded store: one SQLite file (WAL mode), searched with FTS5.

The tables are those of `dragoman.store.base`; in SQLite ``articles`` and
``quotes`` also have an integer ``pk`` that the FTS5 indexes ``articles_fts``
(title, text) and ``quotes_fts`` (text) point at, kept in step by triggers.
The schema version is SQLite's ``user_version``.

A file is looked at read-only before anything is written to it, so a file that is
no dragoman store is refused exactly as it was found. Opened for reading only
(`read_only`), a store is never changed, and it can be read where it cannot be
written: a store on read-only media, whose WAL mode wants a shared-memory file
beside it that cannot be made there, is read as immutable (as it is on disk; what
a crashed writer left in its ``-wal`` file is then not seen).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Union

from .base import SCHEMA_VERSION, TABLES, upgrade_statements, QuoteHit, SearchHit, Store, StoreError
from .connection import SQLITE_BUSY_SECONDS, CannotConnect, Connection, DatabaseFailure, connect
from .search import Query

# the page cache of a connection that writes (SQLite's default is 2 MiB): each article
# writes some 300 pages across 40 indexes, whose upper levels then stay in memory as the
# store grows past the cache (bench/scale.py)
CACHE_KIB = 64 * 1024

SCHEMA = TABLES.format(pk="INTEGER PRIMARY KEY", float="REAL", flag="INTEGER") + """
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', content_rowid='pk');
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='pk');
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;
"""


class SQLiteStore(Store):
    """A store in one SQLite file."""

    @classmethod
    def open(cls, target: Union[str, Path], *, create: bool = True, read_only: bool = False) -> "SQLiteStore":
        """Open the file at `target`, creating it (and parent folders) if `create` and not `read_only`."""
        path = str(target)
        if path == ":memory:":
            db = connect(path)
            _create_schema(db)
            return cls(db, path)
        version = _inspect(path, create=create and not read_only)
        try:
            db = connect(path, read_only=read_only) if read_only else _open_for_writing(path)
        except CannotConnect as exc:
            raise StoreError(str(exc)) from None
        try:
            if not read_only:
                _make_current(db, version)
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    def _search(self, table: str, columns: str, query: Query, limit: int) -> list[tuple]:
        return self._db.execute(
            f"SELECT {columns} FROM {table}_fts JOIN {table} x ON x.pk = {table}_fts.rowid"
            f" WHERE {table}_fts MATCH ? ORDER BY rank LIMIT ?",
            (_fts5(query), limit),
        ).fetchall()

    def _search_articles(self, query: Query, limit: int) -> list[SearchHit]:
        rows = self._search("articles", "x.id, snippet(articles_fts, -1, '[', ']', '…', 12)", query, limit)
        return [SearchHit(*row) for row in rows]

    def _search_quotes(self, query: Query, limit: int) -> list[QuoteHit]:
        columns = "x.article_id, x.quote_id, x.speaker, snippet(quotes_fts, 0, '[', ']', '…', 12)"
        return [QuoteHit(*row) for row in self._search("quotes", columns, query, limit)]


def _fts5(query: Query) -> str:
    """The query in FTS5 syntax: every term a quoted string (FTS5 tokenizes inside it),
    `a b -c or d` as ``(("a" AND "b") NOT ("c")) OR ("d")``."""

    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    parts = []
    for alt in query.alternatives:
        wanted = "(" + " AND ".join(map(quoted, alt.include)) + ")"
        parts.append(f"({wanted} NOT ({' OR '.join(map(quoted, alt.exclude))}))" if alt.exclude else wanted)
    return " OR ".join(parts)


def _inspect(path: str, *, create: bool) -> int:
    """The schema version of the store at `path`, 0 for a file to create it in; read
    without changing anything, so whatever is refused stays as it was."""
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path}: is a directory, not a store file")
    if not file.exists():
        if not create:
            raise StoreError(f"{path}: no such store")
        return 0
    try:
        db = connect(path, read_only=True)
    except CannotConnect as exc:
        raise StoreError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a dragoman store ({exc})") from None
    try:
        # one read transaction, so both come from one state of the file: read apart, a store
        # another process creates meanwhile could show its tables beside the version of before
        with db.transaction():
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    except DatabaseFailure as exc:
        raise StoreError(f"{path}: not a dragoman store ({exc.cause})") from None
    finally:
        db.close()
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: store schema version {version}, this dragoman reads version {SCHEMA_VERSION}")
    if tables and (version == 0 or "articles" not in tables):
        raise StoreError(f"{path}: an SQLite file that is not a dragoman store")
    if version == 0 and not create:
        raise StoreError(f"{path}: an empty file, not a dragoman store")
    return version


def _open_for_writing(path: str) -> Connection:
    """A connection that can write the store, its folders and file made if missing; a
    place where that cannot be done is refused before any work is spent."""
    folder = Path(path).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o666))  # the OS says why it cannot
    except FileExistsError:
        raise StoreError(f"{path}: cannot write ({folder} is a file, not a folder)") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror})") from None
    db = connect(path)
    try:
        _switch_to_wal(db)
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        db.execute("BEGIN IMMEDIATE")  # fails here on a read-only file or folder
        db.execute("ROLLBACK")
    except DatabaseFailure as exc:
        db.close()
        raise StoreError(f"{path}: cannot write ({exc.cause}{_read_only_why(path)})") from None
    return db


def _switch_to_wal(db: Connection) -> None:
    """WAL mode, waiting for other connections as any write does: SQLite answers a
    contended journal-mode switch with "database is locked" at once, without its busy
    handler (three first ingests into one new file at once met it)."""
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except DatabaseFailure as exc:
            if "locked" not in exc.cause or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _read_only_why(path: str) -> str:
    """Why SQLite may not write at `path`, when the file system says so."""
    if not os.access(path, os.W_OK):
        return "; the file is read-only"
    if not os.access(Path(path).absolute().parent, os.W_OK):
        return "; its folder is read-only, and SQLite writes files beside the store"
    return ""


def _make_current(db: Connection, version: int) -> None:
    """Create the tables in a new file or upgrade an older store."""
    if version == 0:
        _create_schema(db)
    elif version < SCHEMA_VERSION:
        _upgrade(db, db.name)


def _create_schema(db: Connection) -> None:
    """The tables, in one transaction; IF NOT EXISTS and the re-read version let two
    processes creating the store race safely."""
    try:
        with db.transaction(writes="articles"):
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                for statement in _statements(SCHEMA):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except DatabaseFailure as exc:
        raise StoreError(f"{db.name}: cannot create the store ({exc.cause})") from None


def _statements(script: str) -> list[str]:
    """The statements of a schema script (triggers keep their inner `;`)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def _upgrade(db: Connection, path: str) -> None:
    """Apply the upgrades from the file's version on, in one transaction (re-read under
    the write lock: another process may have upgraded it meanwhile)."""
    try:
        with db.transaction(writes="articles"):
            version = db.execute("PRAGMA user_version").fetchone()[0]
            while version < SCHEMA_VERSION:
                for statement in upgrade_statements(version):
                    db.execute(statement)
                version += 1
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except DatabaseFailure as exc:
        raise StoreError(f"{path}: cannot upgrade the store to schema version {SCHEMA_VERSION} ({exc.cause})") from None
