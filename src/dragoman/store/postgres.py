"""The store for larger deployments: a PostgreSQL database, searched with its text search.

The tables and columns are those of `dragoman.store.base`, so the same SQL
queries work on both stores. PostgreSQL specifics: ``articles.search`` and
``quotes.search`` are generated ``tsvector`` columns (English configuration,
titles weighted above text) with GIN indexes; queries use web-search syntax
(``"humanitarian aid" -Gaza``, ``ceasefire or truce``), which never fails to
parse. The schema version is kept in ``dragoman_schema``. Several ingest
processes may write at once: each `add()` locks ``articles`` for its transaction.

Needs the optional dependency psycopg: ``pip install 'dragoman[postgres]'``.
"""

from __future__ import annotations

from .base import SCHEMA_VERSION, TABLES, UPGRADES, QuoteHit, SearchHit, Store, StoreError
from .connection import CannotConnect, Connection, connect, display_name

# pg_advisory_xact_lock key: two processes creating the schema at once take turns
_SCHEMA_LOCK = 0x64726167

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
    def open(cls, url: str, *, create: bool = True) -> "PostgresStore":
        """Connect to the database at `url`, creating the tables unless `create` is False."""
        name = display_name(url)
        try:
            db = connect(url)
        except CannotConnect as exc:
            raise StoreError(str(exc)) from None
        try:
            _ensure_schema(db, name, create=create)
        except BaseException:
            db.close()
            raise
        return cls(db, name)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text match a web-search style query, best first."""
        rows = self._db.execute(
            f"SELECT a.id, ts_headline('english', a.text, q, {_HEADLINE})"
            " FROM articles a, websearch_to_tsquery('english', ?) q"
            " WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id LIMIT ?",
            (query, limit),
        )
        return [SearchHit(*row) for row in rows.fetchall()]

    def search_quotes(self, query: str, limit: int = 20) -> list[QuoteHit]:
        """Quotes whose text matches a web-search style query, best first."""
        rows = self._db.execute(
            f"SELECT x.article_id, x.quote_id, x.speaker, ts_headline('english', x.text, q, {_HEADLINE})"
            " FROM quotes x, websearch_to_tsquery('english', ?) q"
            " WHERE x.search @@ q ORDER BY ts_rank(x.search, q) DESC, x.article_id, x.quote_id LIMIT ?",
            (query, limit),
        )
        return [QuoteHit(*row) for row in rows.fetchall()]


def _ensure_schema(db: Connection, name: str, *, create: bool) -> None:
    """Create the tables in an empty database, upgrade an older store; refuse a newer
    one or a database of another purpose."""
    import psycopg

    try:
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
            tables = {row[0] for row in db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}
            if "dragoman_schema" in tables:
                version = db.execute("SELECT max(version) FROM dragoman_schema").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(f"{name}: store schema version {version}, this dragoman reads version {SCHEMA_VERSION}")
                while version < SCHEMA_VERSION:  # an older store: add what this version adds
                    db.execute(UPGRADES[version])
                    version += 1
                    db.execute("INSERT INTO dragoman_schema VALUES (?)", (version,))
                return
            if "articles" in tables:
                raise StoreError(f"{name}: a database with an 'articles' table that is not a dragoman store")
            if not create:
                raise StoreError(f"{name}: no dragoman store in this database")
            db.script(SCHEMA)
            db.execute("INSERT INTO dragoman_schema VALUES (?)", (SCHEMA_VERSION,))
    except psycopg.Error as exc:
        raise StoreError(f"{name}: not usable as a dragoman store ({str(exc).strip().splitlines()[0]})") from None
