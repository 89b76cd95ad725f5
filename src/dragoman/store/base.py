"""What every dragoman store does, whichever database holds it.

Each `ArticleRecord` is kept whole as JSON (`articles.record`, without the
text, which has its own column) so `get()` returns exactly what was added;
the layers are also spread into plain tables so they can be queried with SQL:

- ``articles``: id (unique), text_sha256 (unique: the same text is stored
  once), title, published (YYYY-MM-DD), url, source, text, record, ingested_at.
- ``actors``: article_id, actor_id, name, country, sector, role, kind, rule.
- ``events``: article_id, event_id, event, mode, cameo, quad, status,
  date_value (YYYY-MM-DD, YYYY-MM or YYYY, as `DateMention.value`)/date_first/date_last
  (days, also for a month or year value: compare days with these), place_name, place_country, lat, lon,
  sentence_start/sentence_end, trigger, rule, lexicon, confidence,
  actor_countries/recipient_countries (space-separated sorted codes), record (JSON).
- ``parties``: article_id, event_id, side (actor|recipient), text, start, end,
  actor_id, country, sector: one row per event participant.
- ``quotes``: article_id, quote_id, kind, text, start, end, speaker (name, or
  the speaker text), speaker_actor_id, cue, rule.
- ``places``, ``claims``, ``dates``: their record fields plus article_id.
  (Entities live only in the record JSON.)
- ``minhashes``: article_id, signature (hex), and ``minhash_bands``: band, article_id:
  each stored text's MinHash signature and its band keys, found by band, so that a
  near-duplicate of a stored article is recognised (`dragoman.ingest.near_duplicates`).
- ``near_duplicates``: text_sha256 (unique), id, original_id, similarity, title,
  published, url, source, linked_at: an article not extracted because it is a
  near-duplicate of a stored one (a wire copy, an update); who published it is kept,
  so stories can count their sources. Articles stored before schema version 4 have no
  signature and are not found as originals.
- ``fused_events``, ``fused_mentions``, ``fusion_blocks``, ``fusion_corrections``,
  ``corrected_mentions``: the mentions of one happening across articles, joined at `add()`
  (see `dragoman.store.fusion`).
- ``stories``, ``story_articles``, ``story_corrections``: story lines, articles clustered
  as they arrive, and a user's placements (see `dragoman.store.stories`).

A store written by an older dragoman is upgraded in place when opened (`UPGRADES`:
tables, columns and indexes are only ever added; versions 10 and 11 each replaced an index by a
wider one).

Child rows reference ``articles.id`` with ON DELETE CASCADE. Each `add()` is one
transaction, so after a crash an article is either fully stored or absent.
Adding a text already stored is a no-op. A different text under an id already
stored (two files called ``index.html``, an edited story) is stored beside it
as ``ID~HASH8``: nothing already stored is ever replaced or lost by `add()`. Only a
user's `delete(id)` removes an article, and `replace(record)` puts a new analysis of its
stored text in place of its records (`dragoman.store.revise`), each in one transaction.

PostgreSQL cannot hold the character NUL (U+0000) in text, so no store does:
each NUL in the text and the record is stored as U+FFFD, one character for one,
so every offset still points at the same characters (`storable`). The stored
record's ``text_sha256`` is then that of the stored text.

Errors: `StoreError` when the store cannot be opened or used (the message names
it and the cause), `ArticleNotStored` when the database refused one article
(the next may well be stored), `DatabaseFailure` (from `.connection`) when a
statement failed because the database itself did (disk full, connection lost).

`Store.open(target)` picks the database: a path is an SQLite file
(`dragoman.store.sqlite`), a ``postgresql://`` URL a PostgreSQL database
(`dragoman.store.postgres`). Only the schema and full-text search differ.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple, Optional, Union

import msgspec

from ..analysis import text_sha256
from ..ingest.near_duplicates import Match, Signature, best_match, signature
from ..records import Actor, Article, ArticleRecord, Event, Party, Quote
from ..resolve.timex import mention_bounds
from . import fusion, stories
from .connection import Connection, DatabaseFailure, is_postgres
from .fusion import BLOCK_INDEXES, CORRECTION_FINGERPRINTS, FUSED_ORDER_INDEXES, FUSION_TABLES
from .fused_reading import (  # noqa: F401 (FusedEvent, Story, StoryTimeline: re-exported)
    EVENTS_PAGE, NEAR_DUPLICATE_COLUMNS, ArticleSummary, EventMention, FusedEvent, FusedReading, NearDuplicate, Story,
    StoryTimeline,
)
from .revise import Replaced, Revising  # noqa: F401 (Replaced: re-exported)
from .stories import CORRECTION_TABLES, FEATURE_TABLES, STORY_TABLES
from .search import Query, parse_query

if TYPE_CHECKING:
    from ..query.filters import EventFilter

SCHEMA_VERSION = 14

# near-duplicate articles (schema versions 4 to 8), the same statements for a new store and an upgrade
NEAR_DUPLICATE_TABLES = (
    """CREATE TABLE IF NOT EXISTS minhashes (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS minhash_bands (
    band BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
)""",
    "CREATE INDEX IF NOT EXISTS minhash_bands_band ON minhash_bands(band)",
    """CREATE TABLE IF NOT EXISTS near_duplicates (
    text_sha256 TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    title TEXT,
    published TEXT,
    url TEXT,
    source TEXT,
    linked_at TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS near_duplicates_original ON near_duplicates(original_id)",
)

# events looked up by (article, event), as fused_mentions and parties refer to them; it
# replaces the index on article_id alone, which is its prefix (schema version 10)
EVENTS_BY_MENTION = (
    "CREATE INDEX IF NOT EXISTS events_article_event ON events(article_id, event_id)",
    "DROP INDEX IF EXISTS events_article",
)

# the party filters (`dragoman.query.filters`, schema version 14): an actor found by its name in
# any case, its parties by its article-local id (and article); a party by code or id found through
# an index per alternative (country has one), not by reading every party
PARTY_FILTER_INDEXES = (
    "CREATE INDEX IF NOT EXISTS actors_lower_name ON actors(lower(name))",
    "CREATE INDEX IF NOT EXISTS parties_actor ON parties(actor_id, article_id)",
    "CREATE INDEX IF NOT EXISTS parties_sector ON parties(sector)",
)

# What turns a store of version N into version N + 1 (one statement), on every database.
# Upgrades only add: nothing already stored is changed or lost (an index may be replaced).
UPGRADES = {
    1: "ALTER TABLE places ADD COLUMN within TEXT",  # 2: where an unlisted street stands
    2: "ALTER TABLE places ADD COLUMN rule TEXT",  # 3: why the place has that sense
    **{3 + n: statement for n, statement in enumerate(NEAR_DUPLICATE_TABLES)},  # 4-8: near-duplicates
    8: FUSION_TABLES + STORY_TABLES,  # 9: fused events and stories; `Store.fuse_unfused` files older articles
    # 10: an event found by its mention key (fused events and pages join on it), fused events in each order
    # read, and how many articles have each story feature
    9: EVENTS_BY_MENTION + FUSED_ORDER_INDEXES + ("DROP INDEX IF EXISTS fused_events_sources",) + FEATURE_TABLES,
    10: BLOCK_INDEXES,  # 11: a block's candidates in byte order of their ids, read in index order
    11: CORRECTION_TABLES,  # 12: a user's placements of articles in stories
    12: CORRECTION_FINGERPRINTS,  # 13: the mentions users corrected, as they were, not only their ids
    13: PARTY_FILTER_INDEXES,  # 14: the party filters read through indexes
}


def upgrade_statements(version: int) -> tuple[str, ...]:
    """What turns a store of `version` into the next one, statement by statement."""
    found = UPGRADES[version]
    return (found,) if isinstance(found, str) else tuple(found)

# a stored text shares a band with few others; more candidates than this are boilerplate
MAX_CANDIDATES = 200

# The plain tables, the same on every database; each store fills in its own
# types for the integer key {pk} that full-text search points at, for
# floating-point numbers {float} and for true/false {flag}, and adds its search.
TABLES = """
CREATE TABLE IF NOT EXISTS articles (
    pk {pk},
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
    lat {float},
    lon {float},
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger TEXT,
    rule TEXT,
    lexicon TEXT,
    confidence {float},
    actor_countries TEXT,
    recipient_countries TEXT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article_event ON events(article_id, event_id);
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
    pk {pk},
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
    lat {float},
    lon {float},
    geonameid INTEGER,
    feature TEXT,
    within TEXT,
    rule TEXT
);
CREATE INDEX IF NOT EXISTS places_article ON places(article_id);
CREATE INDEX IF NOT EXISTS places_country ON places(country);

CREATE TABLE IF NOT EXISTS claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    value {float},
    unit TEXT,
    approximate {flag},
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
""" + "".join(f"\n{statement};\n" for statement in (*NEAR_DUPLICATE_TABLES, *FUSION_TABLES, *CORRECTION_FINGERPRINTS,
                                                      *STORY_TABLES, *PARTY_FILTER_INDEXES))


# what each NUL (U+0000) is stored as: the replacement character, one for one
NUL_STORED_AS = "\ufffd"


class StoreError(Exception):
    """The target is not a dragoman store this version can use, or cannot be used now."""


class ArticleNotStored(Exception):
    """The database refused one article; `str()` names it and says why."""


class SearchHit(NamedTuple):
    article_id: str
    snippet: str


class QuoteHit(NamedTuple):
    article_id: str
    quote_id: str
    speaker: Optional[str]
    snippet: str


class Store(FusedReading, Revising, ABC):
    """An open store; use `Store.open(path_or_url)`, ideally as a context manager."""

    def __init__(self, connection: Connection, name: str):
        self._db = connection
        self.name = name
        self.fusion = True  # whether `add()` files the article's events into fused events

    @classmethod
    def open(cls, target: Union[str, Path], *, create: bool = True, read_only: bool = False) -> "Store":
        """Open the store at `target` (SQLite path or PostgreSQL URL), creating it unless `create`
        is False. `read_only` (which creates nothing) only reads: nothing stored changes, an older
        store is read as it is, and a store on read-only media can be read."""
        if is_postgres(target):
            from .postgres import PostgresStore

            return PostgresStore.open(str(target), create=create, read_only=read_only)
        from .sqlite import SQLiteStore

        return SQLiteStore.open(target, create=create, read_only=read_only)

    @property
    def connection(self) -> Connection:
        """The store's connection, for the tables kept beside it (the actor registry, the
        sources' homes): written through it, they leave its page cache warm, where a
        second connection's commit after each article made SQLite drop it (and re-read
        the store's index pages from the file for the next article)."""
        return self._db

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

    def holds(self, text: str) -> bool:
        """Whether this text is stored (as `storable` makes it), or linked as a near-duplicate."""
        sha256 = text_sha256(text.replace("\x00", NUL_STORED_AS))
        if self.has(sha256):
            return True
        return self._db.execute("SELECT 1 FROM near_duplicates WHERE text_sha256 = ?", (sha256,)).fetchone() is not None

    def add(self, record: ArticleRecord, text: str) -> Optional[str]:
        """Store one analysed article atomically (made `storable` first).

        Returns the id it was stored under, or None if its text is already stored.
        Raises `ArticleNotStored` if the database refused this article, and
        `DatabaseFailure` if the database failed.
        """
        if text_sha256(text) != record.text_sha256:
            raise ValueError(f"article {record.id}: text does not match record.text_sha256")
        record, text = storable(record, text)
        try:
            with self._db.transaction(writes="articles"):
                if self.has(record.text_sha256):
                    return None
                if self._db.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone():
                    record = msgspec.structs.replace(record, id=f"{record.id}~{record.text_sha256[:8]}")
                self._insert_article(record, text)
                self._insert_layers(record)
                self._insert_signature(record.id, text)
                if self.fusion:
                    fusion.fuse_article(self._db, record, text)
                    stories.file_article(self._db, record, text, self._story_profile)
        except DatabaseFailure as exc:
            if exc.rejected_values:
                raise ArticleNotStored(f"{record.id}: not stored in {self.name} ({exc.cause})") from exc
            raise
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

    def _insert_signature(self, article_id: str, text: str) -> None:
        found = signature(text)
        if found is None:
            return
        self._db.execute("INSERT INTO minhashes VALUES (?, ?)", (article_id, found.encode()))
        self._db.executemany("INSERT INTO minhash_bands VALUES (?, ?)", [(band, article_id) for band in found.bands])

    # -- near-duplicates -----------------------------------------------------

    def near_duplicate_of(self, found: Signature) -> Optional[Match]:
        """The stored article this signature's text most nearly repeats, at THRESHOLD or above."""
        marks = ", ".join("?" * len(found.bands))
        rows = self._db.execute(
            "SELECT m.article_id, m.signature FROM minhashes m WHERE m.article_id IN"
            f" (SELECT DISTINCT article_id FROM minhash_bands WHERE band IN ({marks})) ORDER BY m.article_id LIMIT ?",
            (*found.bands, MAX_CANDIDATES),
        ).fetchall()
        return best_match(found, {article_id: Signature.decode(value) for article_id, value in rows})

    def link_near_duplicate(self, article: Article, match: Match) -> bool:
        """Keep that `article` repeats the stored `match.original_id`; False if already linked."""
        sha256 = text_sha256(article.text.replace("\x00", NUL_STORED_AS))
        with self._db.transaction(writes="articles"):
            if self._db.execute("SELECT 1 FROM near_duplicates WHERE text_sha256 = ?", (sha256,)).fetchone():
                return False
            self._db.execute(
                "INSERT INTO near_duplicates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha256, article.id, match.original_id, round(match.similarity, 4), article.title, article.published,
                 article.url, article.source, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
        return True

    def near_duplicates(self) -> list[NearDuplicate]:
        """Every linked near-duplicate, by original, then id."""
        rows = self._db.execute(f"SELECT {NEAR_DUPLICATE_COLUMNS} FROM near_duplicates ORDER BY original_id, id")
        return [NearDuplicate(*row) for row in rows.fetchall()]

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
            "INSERT INTO places (article_id, text, start, \"end\", name, country, lat, lon, geonameid, feature,"
            " within, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature, p.within, p.rule)
                for p in record.places
            ],
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
            [(aid, d.text, d.start, d.end, d.value, *mention_bounds(d), d.precision) for d in record.dates],
        )

    def _delete_layers(self, article_id: str) -> None:
        """Remove what `_insert_layers` stored of an article, its row kept (a new analysis replaces them)."""
        for table in ("actors", "events", "parties", "quotes", "places", "claims", "dates"):
            self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

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
        return [ArticleSummary(*row) for row in rows.fetchall()]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text match a query (see `dragoman.store.search`), best first."""
        parsed = parse_query(query)
        return self._search_articles(parsed, limit) if parsed.alternatives else []

    def search_quotes(self, query: str, limit: int = 20) -> list[QuoteHit]:
        """Quotes whose text matches a query (see `dragoman.store.search`), best first."""
        parsed = parse_query(query)
        return self._search_quotes(parsed, limit) if parsed.alternatives else []

    def events(self, where: Optional["EventFilter"] = None, *, limit: Optional[int] = None,
               page: int = EVENTS_PAGE, **criteria) -> Iterator[EventMention]:
        """The stored event mentions `where` selects, or the keyword `criteria` of an `EventFilter`
        (``types="ASSAULT", actors=["ISR"], since="2024-03-01"``; by default every event that
        happened; see `dragoman.query.filters`), by article id, then event number; at most `limit`.

        Reads `page` events per query, each page starting after the last event read
        (keyset), so memory stays bounded and no event is read twice."""
        from ..query.filters import EventFilter

        if page < 1:
            raise ValueError(f"page must be at least 1, not {page}")
        condition, params = self._current_stories(EventFilter.given(where, criteria)).sql()
        order = "e.article_id, length(e.event_id), e.event_id"
        after: list = []
        left = limit
        while left is None or left > 0:
            size = page if left is None else min(page, left)
            keyset = ""
            if after:
                keyset = (" AND e.article_id >= ? AND (e.article_id > ? OR length(e.event_id) > ?"
                          " OR (length(e.event_id) = ? AND e.event_id > ?))")
            rows = self._db.execute(
                "SELECT e.article_id, e.event_id, e.record, a.title, a.published, a.source, a.url,"
                " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), m.fused_id"
                " FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN fused_mentions m"
                f" ON m.article_id = e.article_id AND m.event_id = e.event_id WHERE {condition}{keyset}"
                f" ORDER BY {order} LIMIT ?",
                (*params, *after, size),
            ).fetchall()
            yield from self._mentions(rows)
            if len(rows) < size:
                return
            article_id, event_id = rows[-1][0], rows[-1][1]
            after = [article_id, article_id, len(event_id), len(event_id), event_id]
            if left is not None:
                left -= len(rows)

    def _mentions(self, rows: list[tuple]) -> Iterator[EventMention]:
        """The event rows of one page (article, event, record, title, published, source, url,
        sentence, fused id) with their articles' actors and places (two queries)."""
        if not rows:
            return
        ids = sorted({row[0] for row in rows})
        marks = ", ".join("?" * len(ids))
        actors: dict[str, dict[str, Actor]] = {article_id: {} for article_id in ids}
        for article_id, actor_id, name, country, sector, role, kind, rule in self._db.execute(
            "SELECT article_id, actor_id, name, country, sector, role, kind, rule FROM actors"
            f" WHERE article_id IN ({marks})", ids,
        ).fetchall():
            actors[article_id][actor_id] = Actor(
                id=actor_id, name=name or "", country=country, sector=sector, role=role, kind=kind, rule=rule
            )
        places: dict[str, dict[str, None]] = {article_id: {} for article_id in ids}
        for article_id, name in self._db.execute(
            f"SELECT article_id, COALESCE(name, text) FROM places WHERE article_id IN ({marks}) ORDER BY start", ids,
        ).fetchall():
            if name:
                places[article_id][name] = None
        for article_id, _event_id, record, title, published, source, url, sentence, fused_id in rows:
            yield EventMention(
                article_id, title, published, source, url, sentence or "",
                msgspec.json.decode(record, type=Event), actors[article_id], tuple(places[article_id]), fused_id,
            )

    @abstractmethod
    def _search_articles(self, query: Query, limit: int) -> list[SearchHit]:
        """`search` in this database's own full-text search (`query` has alternatives)."""

    @abstractmethod
    def _search_quotes(self, query: Query, limit: int) -> list[QuoteHit]:
        """`search_quotes` in this database's own full-text search."""


def storable(record: ArticleRecord, text: str) -> tuple[ArticleRecord, str]:
    """The record and text as every store keeps them: each NUL stored as `NUL_STORED_AS`
    (one character for one, so offsets hold) and `text_sha256` that of the stored text.
    The same objects come back when there is no NUL."""
    if "\x00" not in text and b"\\u0000" not in msgspec.json.encode(record):
        return record, text
    text = text.replace("\x00", NUL_STORED_AS)
    cleaned = msgspec.convert(_without_nul(msgspec.to_builtins(record)), ArticleRecord)
    return msgspec.structs.replace(cleaned, text_sha256=text_sha256(text)), text


def _without_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", NUL_STORED_AS)
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_nul(item) for key, item in value.items()}
    return value


def _countries(parties: list[Party]) -> str:
    return " ".join(sorted({p.country for p in parties if p.country}))


def _event_row(article_id: str, e: Event) -> tuple:
    date, place = e.date, e.place
    # filters compare days with first/last: a value ("1996-03") is no day
    first, last = mention_bounds(date) if date else (None, None)
    return (
        article_id,
        e.id,
        e.event,
        e.mode,
        e.cameo,
        e.quad,
        e.status,
        date.value if date else None,
        first,
        last,
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
