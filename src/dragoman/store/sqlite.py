"""The embedded store: one SQLite file (WAL mode) holding every analysed article.

Each `ArticleRecord` is kept whole as JSON (`articles.record`, without the
text, which has its own column) so `get()` returns exactly what was added;
the layers are also spread into plain tables so they can be queried with SQL:

- ``articles``: id (unique), text_sha256 (unique: the same text is stored
  once), title, published (YYYY-MM-DD), url, source, text, record, ingested_at.
- ``actors``: article_id, actor_id, name, country, sector, role, kind, rule.
- ``events``: article_id, event_id, event, mode, cameo, quad, status,
  date_value/date_first/date_last, place_name, place_country, lat, lon,
  sentence_start/sentence_end, trigger, rule, lexicon, confidence,
  actor_countries/recipient_countries (space-separated sorted codes), record (JSON).
- ``parties``: article_id, event_id, side (actor|recipient), text, start, end,
  actor_id, country, sector: one row per event participant.
- ``quotes``: article_id, quote_id, kind, text, start, end, speaker (name, or
  the speaker text), speaker_actor_id, cue, rule.
- ``places``, ``claims``, ``dates``: their record fields plus article_id.
  (Entities live only in the record JSON.)
- ``articles_fts`` (title, text) and ``quotes_fts`` (text): FTS5 indexes over
  the tables of the same name, kept in step by triggers.

Child rows reference ``articles.id`` with ON DELETE CASCADE; ``articles`` and
``quotes`` have an explicit integer ``pk`` that the FTS indexes point at. Each `add()` is one
transaction, so after a crash an article is either fully stored or absent.
Adding a text already stored is a no-op. A different text under an id already
stored (two files called ``index.html``, an edited story) is stored beside it
as ``ID~HASH8``: nothing already stored is ever replaced or lost.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import NamedTuple, Optional

import msgspec

from ..analysis import text_sha256
from ..records import ArticleRecord, Event, Party, Quote

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text_sha256 TEXT NOT NULL UNIQUE,
    title TEXT,
    published TEXT,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);

CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT,
    country TEXT,
    sector TEXT,
    role TEXT,
    kind TEXT,
    rule TEXT
);
CREATE INDEX IF NOT EXISTS actors_article ON actors(article_id);
CREATE INDEX IF NOT EXISTS actors_country ON actors(country);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name);

CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    event TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    quad INTEGER,
    status TEXT,
    date_value TEXT,
    date_first TEXT,
    date_last TEXT,
    place_name TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger TEXT,
    rule TEXT,
    lexicon TEXT,
    confidence REAL,
    actor_countries TEXT,
    recipient_countries TEXT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_event ON events(event);
CREATE INDEX IF NOT EXISTS events_date ON events(date_value);
CREATE INDEX IF NOT EXISTS events_place_country ON events(place_country);

CREATE TABLE IF NOT EXISTS parties (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('actor', 'recipient')),
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    actor_id TEXT,
    country TEXT,
    sector TEXT
);
CREATE INDEX IF NOT EXISTS parties_event ON parties(article_id, event_id);
CREATE INDEX IF NOT EXISTS parties_country ON parties(country);

CREATE TABLE IF NOT EXISTS quotes (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    kind TEXT,
    text TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    speaker TEXT,
    speaker_actor_id TEXT,
    cue TEXT,
    rule TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);

CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    name TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    feature TEXT
);
CREATE INDEX IF NOT EXISTS places_article ON places(article_id);
CREATE INDEX IF NOT EXISTS places_country ON places(country);

CREATE TABLE IF NOT EXISTS claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    value REAL,
    unit TEXT,
    approximate INTEGER,
    bound TEXT,
    subject TEXT,
    kind TEXT
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);

CREATE TABLE IF NOT EXISTS dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    value TEXT,
    first TEXT,
    last TEXT,
    precision TEXT
);
CREATE INDEX IF NOT EXISTS dates_article ON dates(article_id);
CREATE INDEX IF NOT EXISTS dates_value ON dates(value);

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


class StoreError(Exception):
    """The file is not a dragoman store this version can use."""


class ArticleSummary(NamedTuple):
    id: str
    title: Optional[str]
    published: Optional[str]
    url: Optional[str]
    source: Optional[str]


class SearchHit(NamedTuple):
    article_id: str
    snippet: str


class QuoteHit(NamedTuple):
    article_id: str
    quote_id: str
    speaker: Optional[str]
    snippet: str


class Store:
    """An open store; use `Store.open(path)`, ideally as a context manager."""

    def __init__(self, connection: sqlite3.Connection):
        self._db = connection

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> "Store":
        """Open the store at `path`, creating it (and parent folders) unless `create` is False."""
        if str(path) != ":memory:":
            if not create and not Path(path).is_file():
                raise StoreError(f"{path}: no such store")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            _ensure_schema(db, str(path))
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(f"{path}: not a dragoman store ({exc})") from None
        except StoreError:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- writing -------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        """Whether a text with this SHA-256 is stored (skip re-analysing it)."""
        row = self._db.execute("SELECT 1 FROM articles WHERE text_sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add(self, record: ArticleRecord, text: str) -> Optional[str]:
        """Store one analysed article atomically.

        Returns the id it was stored under, or None if its text is already stored.
        """
        if text_sha256(text) != record.text_sha256:
            raise ValueError(f"article {record.id}: text does not match record.text_sha256")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            if self.has(record.text_sha256):
                self._db.execute("ROLLBACK")
                return None
            if self._db.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone():
                record = msgspec.structs.replace(record, id=f"{record.id}~{record.text_sha256[:8]}")
            self._insert_article(record, text)
            self._insert_layers(record)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return record.id

    def _insert_article(self, record: ArticleRecord, text: str) -> None:
        stored = msgspec.structs.replace(record, text=None)
        self._db.execute(
            "INSERT INTO articles (id, text_sha256, title, published, url, source, text, record, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.text_sha256,
                record.title,
                record.published,
                record.url,
                record.source,
                text,
                msgspec.json.encode(stored).decode("utf-8"),
                dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            ),
        )

    def _insert_layers(self, record: ArticleRecord) -> None:
        aid = record.id
        self._db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, a.id, a.name, a.country, a.sector, a.role, a.kind, a.rule) for a in record.actors],
        )
        self._db.executemany(
            f"INSERT INTO events VALUES ({', '.join('?' * 23)})", [_event_row(aid, e) for e in record.events]
        )
        self._db.executemany(
            "INSERT INTO parties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, e.id, side, p.text, p.start, p.end, p.actor_id, p.country, p.sector)
                for e in record.events
                for side, parties in (("actor", e.actor), ("recipient", e.recipient))
                for p in parties
            ],
        )
        self._db.executemany(
            "INSERT INTO quotes (article_id, quote_id, kind, text, start, \"end\", speaker, speaker_actor_id, cue, rule)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_quote_row(aid, q) for q in record.quotes],
        )
        self._db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature) for p in record.places],
        )
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, c.text, c.start, c.end, c.value, c.unit, c.approximate, c.bound, c.subject, c.kind)
                for c in record.claims
            ],
        )
        self._db.executemany(
            "INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, d.text, d.start, d.end, d.value, d.first, d.last, d.precision) for d in record.dates],
        )

    # -- reading -------------------------------------------------------------

    def get(self, article_id: str, *, with_text: bool = False) -> Optional[ArticleRecord]:
        """The stored record, as added (with the text filled in if asked)."""
        row = self._db.execute("SELECT record, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        record = msgspec.json.decode(row[0], type=ArticleRecord)
        return msgspec.structs.replace(record, text=row[1]) if with_text else record

    def articles(self) -> list[ArticleSummary]:
        """Every stored article, by publication date (undated last), then id."""
        rows = self._db.execute(
            "SELECT id, title, published, url, source FROM articles ORDER BY published IS NULL, published, id"
        )
        return [ArticleSummary(*row) for row in rows]

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


def _ensure_schema(db: sqlite3.Connection, path: str) -> None:
    """Create the tables in a new file; refuse a store of another schema version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version != 0:
        raise StoreError(f"{path}: store schema version {version}, this dragoman reads version {SCHEMA_VERSION}")
    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path}: an SQLite file that is not a dragoman store")
    # one transaction; IF NOT EXISTS lets two processes creating the store race safely
    try:
        db.executescript(f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _countries(parties: list[Party]) -> str:
    return " ".join(sorted({p.country for p in parties if p.country}))


def _event_row(article_id: str, e: Event) -> tuple:
    date, place = e.date, e.place
    return (
        article_id,
        e.id,
        e.event,
        e.mode,
        e.cameo,
        e.quad,
        e.status,
        date.value if date else None,
        date.first if date else None,
        date.last if date else None,
        (place.name or place.text) if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        e.sentence.start,
        e.sentence.end,
        e.trigger.text,
        e.rule,
        e.lexicon,
        e.confidence,
        _countries(e.actor),
        _countries(e.recipient),
        msgspec.json.encode(e).decode("utf-8"),
    )


def _quote_row(article_id: str, q: Quote) -> tuple:
    speaker = q.speaker
    return (
        article_id,
        q.id,
        q.kind,
        q.text,
        q.start,
        q.end,
        (speaker.name or speaker.text) if speaker else None,
        speaker.actor_id if speaker else None,
        q.cue.text if q.cue else None,
        q.rule,
    )
