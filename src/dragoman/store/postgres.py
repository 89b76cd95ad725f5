"""The store for larger deployments: a PostgreSQL database, searched with its text search.

The tables and columns are those of `dragoman.store.base`, so the same SQL
queries work on both stores. PostgreSQL specifics: ``articles.search`` and
``quotes.search`` are generated ``tsvector`` columns (English configuration,
titles weighted above text) with GIN indexes; a query (``"humanitarian aid"
-Gaza``, ``ceasefire or truce``: `dragoman.store.search`) becomes a tsquery of
``phraseto_tsquery`` terms, with the meaning it has in SQLite. The schema version
is kept in ``dragoman_schema``; creating the schema takes an advisory lock, so
two first ingests into an empty database take turns. Several ingest processes
may write at once: each `add()` locks ``articles`` for its transaction.

Needs the optional dependency psycopg: ``pip install 'dragoman[postgres]'``.
"""

from __future__ import annotations

from .base import SCHEMA_VERSION, TABLES, upgrade_statements, QuoteHit, SearchHit, Store, StoreError
from .connection import SCHEMA_LOCK, CannotConnect, Connection, DatabaseFailure, connect, display_name
from .search import Query

SCHEMA = """
CREATE TABLE IF NOT EXISTS dragoman_schema (version INTEGER NOT NULL);
""" + TABLES.format(pk="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", float="DOUBLE PRECISION", flag="BOOLEAN") + """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
) STORED;
CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);

ALTER TABLE quotes ADD COLUMN IF NOT EXISTS search TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX IF NOT EXISTS quotes_search ON quotes USING GIN (search);
"""

_HEADLINE = "'StartSel=[, StopSel=], MinWords=8, MaxWords=16, MaxFragments=1, FragmentDelimiter=…'"


class PostgresStore(Store):
    """A store in a PostgreSQL database."""

    @classmethod
    def open(cls, url: str, *, create: bool = True, read_only: bool = False) -> "PostgresStore":
        """Connect to the database at `url`, creating the tables if `create` and not `read_only`."""
        name = display_name(url)
        try:
            db = connect(url, read_only=read_only)
        except CannotConnect as exc:
            raise StoreError(str(exc)) from None
        try:
            _ensure_schema(db, name, create=create and not read_only, read_only=read_only)
        except BaseException:
            db.close()
            raise
        return cls(db, name)

    def _search_articles(self, query: Query, limit: int) -> list[SearchHit]:
        tsquery, params = _tsquery(query)
        rows = self._db.execute(
            f"SELECT a.id, ts_headline('english', a.text, q, {_HEADLINE})"
            f" FROM articles a, (SELECT {tsquery} AS q) query"
            " WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id LIMIT ?",
            (*params, limit),
        )
        return [SearchHit(*row) for row in rows.fetchall()]

    def _search_quotes(self, query: Query, limit: int) -> list[QuoteHit]:
        tsquery, params = _tsquery(query)
        rows = self._db.execute(
            f"SELECT x.article_id, x.quote_id, x.speaker, ts_headline('english', x.text, q, {_HEADLINE})"
            f" FROM quotes x, (SELECT {tsquery} AS q) query"
            " WHERE x.search @@ q ORDER BY ts_rank(x.search, q) DESC, x.article_id, x.quote_id LIMIT ?",
            (*params, limit),
        )
        return [QuoteHit(*row) for row in rows.fetchall()]


def _tsquery(query: Query) -> tuple[str, list[str]]:
    """The query as a tsquery expression and its parameters: each term a
    ``phraseto_tsquery``, `a b -c or d` as ``(a && b && !!c) || (d)``."""
    term = "phraseto_tsquery('english', ?)"
    parts, params = [], []
    for alt in query.alternatives:
        parts.append("(" + " && ".join([term] * len(alt.include) + [f"!!{term}"] * len(alt.exclude)) + ")")
        params += [*alt.include, *alt.exclude]
    return " || ".join(parts), params


def _ensure_schema(db: Connection, name: str, *, create: bool, read_only: bool = False) -> None:
    """Create the tables in an empty database, upgrade an older store (unless `read_only`:
    it is read as it is); refuse a newer one or a database of another purpose."""
    try:
        with db.transaction():
            if not read_only:
                db.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            tables = {row[0] for row in db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}
            if "dragoman_schema" in tables:
                version = db.execute("SELECT max(version) FROM dragoman_schema").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(f"{name}: store schema version {version}, this dragoman reads version {SCHEMA_VERSION}")
                while version < SCHEMA_VERSION and not read_only:  # an older store: add what this version adds
                    for statement in upgrade_statements(version):
                        db.execute(statement)
                    version += 1
                    db.execute("INSERT INTO dragoman_schema VALUES (?)", (version,))
                return
            if "articles" in tables:
                raise StoreError(f"{name}: a database with an 'articles' table that is not a dragoman store")
            if not create:
                raise StoreError(f"{name}: no dragoman store in this database")
            db.script(SCHEMA)
            db.execute("INSERT INTO dragoman_schema VALUES (?)", (SCHEMA_VERSION,))
    except DatabaseFailure as exc:
        raise StoreError(f"{name}: not usable as a dragoman store ({exc.cause})") from None
