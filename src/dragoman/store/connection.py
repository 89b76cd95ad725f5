"""One SQL connection, SQLite or PostgreSQL, behind one small interface.

The store and the actor registry write SQL once, in the subset both engines
share (`?` placeholders, `INSERT ... ON CONFLICT`, `RETURNING`), and run it on
either: a path opens an SQLite file, a ``postgresql://`` URL a PostgreSQL
database (with the optional `psycopg` dependency, ``pip install dragoman[postgres]``).
Transactions are explicit (`transaction()`), never implicit, on both.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Protocol, Sequence, Union

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class CannotConnect(Exception):
    """The database could not be opened; the message names it (without its password)."""


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def is_postgres(target: Union[str, Path]) -> bool:
    """Whether `target` names a PostgreSQL database rather than an SQLite file."""
    return str(target).startswith(POSTGRES_SCHEMES)


def display_name(target: Union[str, Path]) -> str:
    """`target` as it may be printed: a URL's password is masked."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(target))


class Connection:
    """A DB-API connection taking `?` placeholders, with explicit transactions."""

    def __init__(self, raw: Any, dialect: str) -> None:
        self.raw = raw
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.raw.execute(self._native(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        if self.dialect == "sqlite":
            self.raw.executemany(sql, rows)
        else:
            with self.raw.cursor() as cursor:
                cursor.executemany(self._native(sql), rows)

    def script(self, sql: str) -> None:
        """Run several `;`-separated statements (schema creation)."""
        if self.dialect == "sqlite":
            self.raw.executescript(sql)
        else:
            self.raw.execute(sql)

    @contextmanager
    def transaction(self, *, writes: Optional[str] = None) -> Iterator[None]:
        """One transaction. `writes` names the table it writes, to keep other writers
        out until it ends: SQLite locks the file, PostgreSQL that table."""
        if writes is None:
            self.raw.execute("BEGIN")
        elif self.dialect == "sqlite":
            self.raw.execute("BEGIN IMMEDIATE")
        else:
            self.raw.execute("BEGIN")
            self.raw.execute(f"LOCK TABLE {writes} IN SHARE ROW EXCLUSIVE MODE")
        try:
            yield
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()

    def _native(self, sql: str) -> str:
        return sql if self.dialect == "sqlite" else sql.replace("%", "%%").replace("?", "%s")


def connect(target: Union[str, Path]) -> Connection:
    """Open an SQLite file (a path, or ":memory:") or a PostgreSQL database (a URL)."""
    if is_postgres(target):
        return _connect_postgres(str(target))
    raw = sqlite3.connect(str(target), isolation_level=None, timeout=30)
    return Connection(raw, "sqlite")


def _connect_postgres(url: str) -> Connection:
    try:
        import psycopg
    except ImportError:
        raise CannotConnect(
            f"{display_name(url)}: PostgreSQL needs the psycopg package: pip install 'dragoman[postgres]'"
        ) from None
    try:
        raw = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CannotConnect(f"{display_name(url)}: cannot connect ({message})") from None
    return Connection(raw, "postgres")
