"""One SQL connection, SQLite or PostgreSQL, behind one small interface.

The store and the actor registry write SQL once, in the subset both engines
share (`?` placeholders, `INSERT ... ON CONFLICT`, `RETURNING`), and run it on
either: a path opens an SQLite file, a ``postgresql://`` URL a PostgreSQL
database (with the optional `psycopg` dependency, ``pip install dragoman[postgres]``).
Transactions are explicit (`transaction()`), never implicit, on both.

A statement that fails raises `DatabaseFailure`, whichever engine ran it: its
message names the database (password masked) and the cause, and it says whether
the database refused these values (one article) or cannot be used at all (disk
full, read-only, connection lost).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

POSTGRES_SCHEMES = ("postgresql://", "postgres://")

# pg_advisory_xact_lock key: processes creating tables in one database take turns
SCHEMA_LOCK = 0x64726167

# how long an SQLite connection waits for another writer before it gives up
SQLITE_BUSY_SECONDS = 30


class CannotConnect(Exception):
    """The database could not be opened; the message names it (without its password)."""


class DatabaseFailure(Exception):
    """A statement failed; `str()` is '<database>: <cause>'.

    `rejected_values` is true when the database refused the values of this statement
    (a constraint, a value it cannot hold): the next statement may well succeed.
    Otherwise the database itself failed (disk full, read-only, connection lost).
    """

    def __init__(self, name: str, cause: str, *, rejected_values: bool) -> None:
        super().__init__(f"{name}: {cause}")
        self.cause = cause
        self.rejected_values = rejected_values


def is_postgres(target: Union[str, Path]) -> bool:
    """Whether `target` names a PostgreSQL database rather than an SQLite file."""
    return str(target).startswith(POSTGRES_SCHEMES)


def display_name(target: Union[str, Path]) -> str:
    """`target` (or a message quoting it) as it may be printed: a URL's password is
    masked, whether given as user info (``user:pw@``) or in the query (``?password=pw``)."""
    masked = re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", str(target))
    return re.sub(r"([?&]password=)[^&#\s]*", r"\1***", masked, flags=re.IGNORECASE)


def first_line(exc: BaseException) -> str:
    """An exception's message, short enough for one line of stderr, any password masked."""
    text = str(exc).strip()
    return display_name(text.splitlines()[0]) if text else type(exc).__name__


class _Rows:
    """A cursor whose fetches fail as `DatabaseFailure` too (SQLite reads rows as they are fetched)."""

    def __init__(self, cursor: Any, connection: "Connection") -> None:
        self._cursor = cursor
        self._connection = connection

    def fetchone(self) -> Any:
        with self._connection.failures():
            return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        with self._connection.failures():
            return self._cursor.fetchall()


class Connection:
    """A DB-API connection taking `?` placeholders, with explicit transactions."""

    def __init__(self, raw: Any, dialect: str, name: str) -> None:
        self.raw = raw
        self.dialect = dialect
        self.name = name

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Rows:
        with self.failures():
            return _Rows(self.raw.execute(self._native(sql), tuple(params)), self)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        with self.failures():
            if self.dialect == "sqlite":
                self.raw.executemany(sql, rows)
            else:
                with self.raw.cursor() as cursor:
                    cursor.executemany(self._native(sql), rows)

    def script(self, sql: str) -> None:
        """Run several `;`-separated statements (schema creation). In PostgreSQL they run
        in one transaction under `SCHEMA_LOCK`, so two processes creating the same tables
        at once take turns instead of one failing on a duplicate name."""
        if self.dialect == "sqlite":
            with self.failures():
                self.raw.executescript(sql)
        elif self.in_transaction():
            self.execute(sql)
        else:
            with self.transaction():
                self.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
                self.execute(sql)

    def has_table(self, name: str) -> bool:
        """Whether the database holds this table (one kept beside the store may not be made yet)."""
        if self.dialect == "sqlite":
            found = self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
            return found is not None
        return self.execute("SELECT to_regclass(?)", (name,)).fetchone()[0] is not None

    def in_transaction(self) -> bool:
        if self.dialect == "sqlite":
            return self.raw.in_transaction
        import psycopg.pq

        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    @contextmanager
    def transaction(self, *, writes: Optional[str] = None) -> Iterator[None]:
        """One transaction. `writes` names the table it writes, to keep other writers
        out until it ends: SQLite locks the file, PostgreSQL that table."""
        if writes is None:
            self.execute("BEGIN")
        elif self.dialect == "sqlite":
            self.execute("BEGIN IMMEDIATE")
        else:
            self.execute("BEGIN")
        try:
            if writes is not None and self.dialect == "postgres":
                self.execute(f"LOCK TABLE {writes} IN SHARE ROW EXCLUSIVE MODE")
            yield
        except BaseException:
            self._roll_back()
            raise
        self.execute("COMMIT")

    def _roll_back(self) -> None:
        """Undo the open transaction; a connection too broken to roll back has lost it anyway."""
        try:
            if self.in_transaction():
                self.raw.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - the error that led here is the one to report
            pass

    @contextmanager
    def failures(self) -> Iterator[None]:
        """Turn the engine's errors into `DatabaseFailure`, naming this database."""
        try:
            yield
        except sqlite3.Error as exc:
            rejected = isinstance(exc, (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError))
            raise DatabaseFailure(self.name, first_line(exc), rejected_values=rejected) from exc
        except Exception as exc:
            if self.dialect != "postgres" or not _is_psycopg_error(exc):
                raise
            raise DatabaseFailure(self.name, first_line(exc), rejected_values=_refused_values(exc)) from exc

    def close(self) -> None:
        self.raw.close()

    def _native(self, sql: str) -> str:
        """The statement in this database's words: PostgreSQL takes `%s` placeholders,
        and its byte-order collation is "C" (SQLite's BINARY)."""
        if self.dialect == "sqlite":
            return sql
        return sql.replace("%", "%%").replace("?", "%s").replace("COLLATE BINARY", 'COLLATE "C"')


def _is_psycopg_error(exc: BaseException) -> bool:
    import psycopg

    return isinstance(exc, psycopg.Error)


def _refused_values(exc: BaseException) -> bool:
    """PostgreSQL refused what was given (a NUL in text, a duplicate key, a text too long
    to index), not the request as such."""
    import psycopg
    import psycopg.errors

    return isinstance(exc, (psycopg.DataError, psycopg.IntegrityError, psycopg.errors.ProgramLimitExceeded))


def connect(target: Union[str, Path], *, read_only: bool = False) -> Connection:
    """Open an SQLite file (a path, or ":memory:") or a PostgreSQL database (a URL).

    `read_only` opens an SQLite file so that nothing in it or beside it can change;
    see `dragoman.store.sqlite` for what that takes on read-only media.
    """
    if is_postgres(target):
        return _connect_postgres(str(target), read_only=read_only)
    path = str(target)
    if read_only:
        return _connect_sqlite_read_only(path)
    try:
        raw = sqlite3.connect(path, isolation_level=None, timeout=SQLITE_BUSY_SECONDS)
    except sqlite3.Error as exc:
        raise CannotConnect(f"{path}: cannot open ({first_line(exc)})") from None
    _sync_as_the_store(raw)
    return Connection(raw, "sqlite", path)


def _sync_as_the_store(raw: sqlite3.Connection) -> None:
    """In a WAL file (a store), commit as the store's own connection does: synchronous
    is a setting of each connection, and the registry's and source homes' connections
    to the store kept SQLite's default FULL, an fsync at each article's commit. WAL
    with NORMAL loses no consistency on a crash, at most the last commits. A file that
    cannot be read is left for its first real use to report."""
    try:
        if raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            raw.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        pass


def _connect_sqlite_read_only(path: str) -> Connection:
    """SQLite's read-only mode; where even that fails because a WAL store needs a
    shared-memory file beside it that cannot be created (read-only media), the file is
    opened as immutable: read as it is on disk, without locks."""
    uri = Path(path).absolute().as_uri()
    failure = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            raw = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None, timeout=SQLITE_BUSY_SECONDS)
        except sqlite3.Error as exc:
            failure = exc
            continue
        try:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raw.close()
            if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_CANTOPEN:
                raise  # not a database, malformed, locked: the caller says so
            failure = exc  # no -wal/-shm file beside it, and none can be made
            continue
        return Connection(raw, "sqlite", path)
    raise CannotConnect(f"{path}: cannot open for reading ({first_line(failure)})")


def _connect_postgres(url: str, *, read_only: bool = False) -> Connection:
    try:
        import psycopg
    except ImportError:
        raise CannotConnect(
            f"{display_name(url)}: PostgreSQL needs the psycopg package: pip install 'dragoman[postgres]'"
        ) from None
    try:
        raw = psycopg.connect(url, autocommit=True)
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
    except psycopg.Error as exc:
        raise CannotConnect(f"{display_name(url)}: cannot connect ({first_line(exc)})") from None
    return Connection(raw, "postgres", display_name(url))
