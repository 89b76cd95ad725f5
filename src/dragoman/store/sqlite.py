"""The embedded store: one SQLite file (WAL mode), searched with FTS5.

The tables are those of `dragoman.store.base`; in SQLite ``articles`` and
``quotes`` also have an integer ``pk`` that the FTS5 indexes ``articles_fts``
(title, text) and ``quotes_fts`` (text) point at, kept in step by triggers.
The schema version is SQLite's ``user_version``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Union

from .base import SCHEMA_VERSION, TABLES, UPGRADES, QuoteHit, SearchHit, Store, StoreError
from .connection import Connection, connect

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
    def open(cls, target: Union[str, Path], *, create: bool = True) -> "SQLiteStore":
        """Open the file at `target`, creating it (and parent folders) unless `create` is False."""
        path = str(target)
        if path != ":memory:":
            if not create and not Path(path).is_file():
                raise StoreError(f"{path}: no such store")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = connect(path)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            _ensure_schema(db, path)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(f"{path}: not a dragoman store ({exc})") from None
        except StoreError:
            db.close()
            raise
        return cls(db, path)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text match an FTS5 query, best first."""
        rows = self._match(
            "SELECT a.id, snippet(articles_fts, -1, '[', ']', '…', 12) FROM articles_fts"
            " JOIN articles a ON a.pk = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            query,
            limit,
        )
        return [SearchHit(*row) for row in rows]

    def search_quotes(self, query: str, limit: int = 20) -> list[QuoteHit]:
        """Quotes whose text matches an FTS5 query, best first."""
        rows = self._match(
            "SELECT q.article_id, q.quote_id, q.speaker, snippet(quotes_fts, 0, '[', ']', '…', 12)"
            " FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid"
            " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            query,
            limit,
        )
        return [QuoteHit(*row) for row in rows]

    def _match(self, sql: str, query: str, limit: int) -> list[tuple]:
        """Run an FTS query; text that is not valid FTS5 syntax ("U.S.", "Blinken's")
        is searched again as plain words, each quoted as a phrase."""
        try:
            return self._db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            words = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
            return self._db.execute(sql, (words, limit)).fetchall() if words else []


def _ensure_schema(db: Connection, path: str) -> None:
    """Create the tables in a new file, upgrade an older store; refuse a newer one."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if 0 < version < SCHEMA_VERSION:
        _upgrade(db, path)
        return
    if version != 0:
        raise StoreError(f"{path}: store schema version {version}, this dragoman reads version {SCHEMA_VERSION}")
    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path}: an SQLite file that is not a dragoman store")
    # one transaction; IF NOT EXISTS lets two processes creating the store race safely
    try:
        db.script(f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    except BaseException:
        if db.raw.in_transaction:
            db.execute("ROLLBACK")
        raise


def _upgrade(db: Connection, path: str) -> None:
    """Apply the upgrades from the file's version on, in one transaction (re-read under
    the write lock: another process may have upgraded it meanwhile)."""
    try:
        db.execute("BEGIN IMMEDIATE")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        while version < SCHEMA_VERSION:
            db.execute(UPGRADES[version])
            version += 1
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.raw.in_transaction:
            db.execute("ROLLBACK")
        raise StoreError(f"{path}: cannot upgrade the store to schema version {SCHEMA_VERSION} ({exc})") from None
