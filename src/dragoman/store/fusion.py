"""Fused events: the mentions of one happening in the stored articles, joined as articles arrive.

Tables (schema version 11, the same on every database):

- ``fused_events``: id (the founding mention, ``ARTICLE#EVENT``), event, first/last (the
  span its mentions' dates share), mentions, sources (distinct stored articles: a
  near-duplicate is never stored, so a wire copy republished by many outlets counts once).
- ``fused_mentions``: article_id, event_id (one row per stored event), fused_id, the
  mention it joined (joined_article_id, joined_event_id) and the evidence that joined them
  (JSON list, see `dragoman.resolve.happenings.compare`), and the comparable mention (JSON).
- ``fusion_blocks``: block, article_id, event_id: each mention under each party key and
  ISO week its date span touches, so a new mention meets only mentions of the same
  parties in the same weeks (indexed lookups: cost per article does not grow with
  the store). Each block yields its share of `MAX_CANDIDATES` mentions, the first in byte
  order of their ids, read in index order, so both databases fuse a corpus alike.
- ``fusion_corrections``: kind (apart | together), two mentions, made_at: a user's
  `dragoman fuse split|merge`. Not tied to the articles, so it survives their re-ingest,
  and fusion obeys it whenever the mentions meet again.
- ``corrected_mentions`` (version 13): article_id, event_id, fingerprint: each corrected
  mention's `fingerprint` when it was corrected. An article analysed again by a later
  dragoman may number its events otherwise; a correction is obeyed only while its ids
  still name the mentions it was made on (one made before version 13, by its ids alone).

Within an article the happening links (`Event.happening`) come first: mentions of one
happening enter one fused event together.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Optional, Sequence

from ..records import ArticleRecord
from ..resolve.happenings import Mention, compare, conflicting, mention_of
from .connection import Connection

# one index per order the fused events table is read in (`dragoman.serve.data.fused_order`),
# so a page walks the fused events in order instead of sorting them all (schema version 10;
# the one on sources serves ``min_sources`` too)
FUSED_ORDER_INDEXES = (
    "CREATE INDEX IF NOT EXISTS fused_events_sources_id ON fused_events(sources, id)",
    "CREATE INDEX IF NOT EXISTS fused_events_mentions_id ON fused_events(mentions, id)",
    "CREATE INDEX IF NOT EXISTS fused_events_event_id ON fused_events(event, id)",
    "CREATE INDEX IF NOT EXISTS fused_events_first ON fused_events((first IS NULL), first, id)",
    "CREATE INDEX IF NOT EXISTS fused_events_first_desc ON fused_events((first IS NOT NULL), first, id)",
)

# a block's mentions in byte order of their ids (COLLATE BINARY is "C" on PostgreSQL), so
# its first candidates are read without sorting; it replaces the index on block alone,
# its prefix (schema version 11)
BLOCK_INDEXES = (
    "CREATE INDEX IF NOT EXISTS fusion_blocks_mention ON fusion_blocks"
    "(block, article_id COLLATE BINARY, event_id COLLATE BINARY)",
    "DROP INDEX IF EXISTS fusion_blocks_block",
)

FUSION_TABLES = (
    """CREATE TABLE IF NOT EXISTS fused_events (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    first TEXT,
    last TEXT,
    mentions INTEGER NOT NULL,
    sources INTEGER NOT NULL
)""",
    *FUSED_ORDER_INDEXES,
    """CREATE TABLE IF NOT EXISTS fused_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    fused_id TEXT NOT NULL,
    joined_article_id TEXT,
    joined_event_id TEXT,
    evidence TEXT,
    mention TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
)""",
    "CREATE INDEX IF NOT EXISTS fused_mentions_fused ON fused_mentions(fused_id)",
    """CREATE TABLE IF NOT EXISTS fusion_blocks (
    block TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL
)""",
    *BLOCK_INDEXES,
    "CREATE INDEX IF NOT EXISTS fusion_blocks_article ON fusion_blocks(article_id)",
    """CREATE TABLE IF NOT EXISTS fusion_corrections (
    kind TEXT NOT NULL CHECK (kind IN ('apart', 'together')),
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    other_article_id TEXT NOT NULL,
    other_event_id TEXT NOT NULL,
    made_at TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS fusion_corrections_mention ON fusion_corrections(article_id, event_id)",
)

# the mentions users corrected, as they were then (schema version 13)
CORRECTION_FINGERPRINTS = (
    """CREATE TABLE IF NOT EXISTS corrected_mentions (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
)""",
)

# the most stored mentions one new mention is compared with (a block is a party in a week)
MAX_CANDIDATES = 300
# the stored mentions kept decoded in memory, the most recently met
DECODED_MENTIONS = 20_000


def blocks(mention: Mention) -> list[str]:
    """The blocks a mention is filed and looked up under: its event type x each key a join can
    rest on (a named actor, a country at a place, an actor country against a recipient
    country) x ISO week of its span (two types join only rarely; `happenings.compare`). A bare country is no block: it joins only with a place (`happenings._enough`),
    and would put a country's whole week of news in one block."""
    if not mention.first or not mention.last:
        return []
    names = {k for k in mention.actor | mention.recipient if k.startswith("name:")}
    actor_countries = sorted(k[2:] for k in mention.actor if k.startswith("c:"))
    recipient_countries = sorted(k[2:] for k in mention.recipient if k.startswith("c:"))
    pairs = {f"pair:{a}>{r}" for a in actor_countries for r in recipient_countries}
    places = {f"at:{c}@{mention.place}" for c in actor_countries + recipient_countries if mention.place}
    keys = sorted(names | pairs | places)
    if not keys:
        return []
    first, last = dt.date.fromisoformat(mention.first[:10]), dt.date.fromisoformat(mention.last[:10])
    weeks: dict[str, None] = {}
    for offset in range((last - first).days + 1):
        year, week, _ = (first + dt.timedelta(days=offset)).isocalendar()
        weeks[f"{year}W{week:02d}"] = None
    return [f"{mention.event}|{key}|{week}" for key in keys for week in weeks]


@functools.lru_cache(maxsize=DECODED_MENTIONS)
def _decode(value: str) -> Mention:
    """The stored mention (a `Mention` is immutable, so one decoded copy serves every
    lookup that meets it: recent mentions meet many new ones)."""
    fields = json.loads(value)
    for name in ("actor", "recipient", "words", "figures"):
        if name in fields:  # a mention stored before `figures` was kept has none
            fields[name] = frozenset(fields[name])
    return Mention(**fields)


def _encode(mention: Mention) -> str:
    fields = dict(vars(mention))  # as `asdict` gives, without its deep copy: the fields are flat
    for name in ("actor", "recipient", "words", "figures"):
        fields[name] = sorted(fields[name])
    return json.dumps(fields, ensure_ascii=False)


def mentions_of(record: ArticleRecord, text: str) -> dict[str, Mention]:
    """The article's events as fusion compares them, by event id."""
    actors = {actor.id: actor for actor in record.actors}
    return {
        e.id: mention_of(record.id, e, sentence=text[e.sentence.start:e.sentence.end], actors=actors,
                         published=record.published, claims=record.claims)
        for e in record.events
    }


def fingerprint(mention: Mention) -> str:
    """What tells a mention of an article from its others whatever its number: its type,
    sentence and trigger word."""
    return f"{mention.event}|{mention.sentence}|{mention.trigger}"


def stored_fingerprints(db: Connection, article_id: str) -> dict[str, str]:
    """The `fingerprint` of each fused mention of a stored article, by event id."""
    rows = db.execute("SELECT event_id, mention FROM fused_mentions WHERE article_id = ?", (article_id,)).fetchall()
    return {event_id: fingerprint(_decode(value)) for event_id, value in rows}


def fuse_article(db: Connection, record: ArticleRecord, text: str) -> None:
    """File the article's events into fused events (inside the caller's transaction)."""
    mentions = mentions_of(record, text)
    groups: dict[str, list[Mention]] = {}
    for e in record.events:
        groups.setdefault(e.happening or e.id, []).append(mentions[e.id])
    for group in groups.values():
        _fuse_group(db, record.id, group)


def _fuse_group(db: Connection, article_id: str, group: Sequence[Mention]) -> None:
    head = group[0]
    fused_id, joined, evidence = _best_join(db, article_id, group)
    if fused_id is None:
        fused_id = _free_id(db, f"{article_id}#{head.event_id}")
        if db.execute("SELECT 1 FROM fused_events WHERE id = ?", (fused_id,)).fetchone() is None:
            db.execute("INSERT INTO fused_events VALUES (?, ?, ?, ?, 0, 0)",
                       (fused_id, head.event, head.first, head.last))
    for mention in group:
        if mention is head:
            link, why = joined, evidence
        else:
            link, why = (article_id, head.event_id), list(compare(head, mention) or ("happening:same-in-article",))
        db.execute(
            "INSERT INTO fused_mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article_id, mention.event_id, fused_id, link[0] if link else None, link[1] if link else None,
             json.dumps(why) if why else None, _encode(mention)),
        )
        db.executemany("INSERT INTO fusion_blocks VALUES (?, ?, ?)",
                       [(block, article_id, mention.event_id) for block in blocks(mention)])
    refresh(db, fused_id)


def _free_id(db: Connection, wanted: str) -> str:
    """`wanted`, or `wanted~N` while a fused event holding mentions has it: an article analysed
    again may find a new happening under the number of one it founded, which other articles'
    mentions keep. A fused event left with no mention (its article deleted by SQL) is reused."""
    found, n = wanted, 1
    while db.execute("SELECT 1 FROM fused_mentions WHERE fused_id = ? LIMIT 1", (found,)).fetchone():
        n += 1
        found = f"{wanted}~{n}"
    return found


def _best_join(db: Connection, article_id: str, group: Sequence[Mention]):
    """The fused event the group belongs to (a user's merge first), the stored mention it
    joined and the evidence; (None, None, None) for a new happening."""
    together, apart = _corrections(db, article_id, group)
    for other in together:
        row = db.execute("SELECT fused_id FROM fused_mentions WHERE article_id = ? AND event_id = ?", other).fetchone()
        if row:
            return row[0], other, ["correction:merged-by-user"]
    keys = sorted({block for mention in group for block in blocks(mention)})
    if not keys:
        return None, None, None
    rows = _candidates(db, article_id, keys)
    candidates = [(fused_id, article, event, _decode(value)) for fused_id, article, event, value in rows]
    members: dict[str, list[Mention]] = {}
    for fused_id, _, _, candidate in candidates:
        members.setdefault(fused_id, []).append(candidate)
    refused = {row[0]: True for row in rows if (row[1], row[2]) in apart}

    def is_refused(fused_id: str) -> bool:
        # a fused event one of whose mentions is certainly another happening is not joined
        # (no chaining); asked only of the fused events a join would pick, as few are
        if fused_id not in refused:
            refused[fused_id] = any(conflicting(mention, candidate)
                                    for candidate in members[fused_id] for mention in group)
        return refused[fused_id]

    best = (0, None, None, None)
    for fused_id, other_article, other_event, candidate in candidates:
        if refused.get(fused_id):
            continue
        for mention in group:
            found = compare(mention, candidate)
            if found and len(found) > best[0] and not is_refused(fused_id):
                best = (len(found), fused_id, (other_article, other_event), list(found))
    return best[1], best[2], best[3]


def _candidates(db: Connection, article_id: str, keys: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """The stored mentions filed under these blocks (other articles'): each block gives
    its first share of `MAX_CANDIDATES` in byte order of (article, event), read in index
    order and stopping there. So the pick, and the order that breaks ties between equal
    joins, are the same on every database and query plan, and a crowded block (a pair of
    countries in a busy week) cannot crowd out a named party's."""
    share = max(1, MAX_CANDIDATES // len(keys))
    found: set[tuple[str, str]] = set()
    for key in keys:
        found.update(db.execute(
            "SELECT article_id, event_id FROM fusion_blocks WHERE block = ? AND article_id <> ?"
            " ORDER BY article_id COLLATE BINARY, event_id COLLATE BINARY LIMIT ?",
            (key, article_id, share),
        ).fetchall())
    if not found:
        return []
    rows = db.execute(  # a join, which reads each by its key (IN on a row value scans the table)
        f"WITH wanted(article_id, event_id) AS (VALUES {', '.join(['(?, ?)'] * len(found))})"
        " SELECT m.fused_id, m.article_id, m.event_id, m.mention FROM wanted w JOIN fused_mentions m"
        " ON m.article_id = w.article_id AND m.event_id = w.event_id",
        [value for pair in found for value in pair],
    ).fetchall()
    return sorted(rows, key=lambda row: (row[1], row[2]))  # str order is code point order, that of UTF-8 bytes


def _corrections(db: Connection, article_id: str, group: Sequence[Mention]):
    """The stored mentions a user put together with, and apart from, these mentions: the
    corrections whose mentions are still those they were made on (`fingerprint`)."""
    mine = {m.event_id: fingerprint(m) for m in group}
    marks = ", ".join("?" * len(mine))
    rows = db.execute(
        "SELECT kind, event_id, other_article_id, other_event_id FROM fusion_corrections"
        f" WHERE article_id = ? AND event_id IN ({marks})"
        " UNION ALL SELECT kind, other_event_id, article_id, event_id FROM fusion_corrections"
        f" WHERE other_article_id = ? AND other_event_id IN ({marks})",
        (article_id, *mine, article_id, *mine),
    ).fetchall()
    together, apart = [], set()
    for kind, event_id, other_article, other_event in rows:
        if not (_still(db, (article_id, event_id), mine[event_id]) and _still(db, (other_article, other_event))):
            continue  # the ids now name other mentions: not what the user corrected
        if kind == "together":
            together.append((other_article, other_event))
        else:
            apart.add((other_article, other_event))
    return together, apart


def _still(db: Connection, mention: tuple[str, str], now: Optional[str] = None) -> bool:
    """Whether the mention these ids name (fingerprint `now`, else as stored) is the one
    corrected under them; true when that was not kept (before version 13) or it is not stored."""
    then = db.execute("SELECT fingerprint FROM corrected_mentions WHERE article_id = ? AND event_id = ?",
                      mention).fetchone()
    if then is None:
        return True
    if now is None:
        row = db.execute("SELECT mention FROM fused_mentions WHERE article_id = ? AND event_id = ?", mention).fetchone()
        if row is None:
            return True
        now = fingerprint(_decode(row[0]))
    return now == then[0]


def refresh(db: Connection, fused_id: str) -> None:
    """Recount a fused event's mentions and sources and its shared span (or drop it when empty)."""
    rows = db.execute("SELECT article_id, mention FROM fused_mentions WHERE fused_id = ?", (fused_id,)).fetchall()
    if not rows:
        db.execute("DELETE FROM fused_events WHERE id = ?", (fused_id,))
        return
    mentions = [_decode(value) for _, value in rows]
    dated = [m for m in mentions if m.dated] or [m for m in mentions if m.first]
    first = max((m.first for m in dated), default=None)
    last = min((m.last for m in dated), default=None)
    if first and last and first > last:  # spans chained by a user's merge: their union
        first, last = min(m.first for m in dated), max(m.last for m in dated)
    db.execute(
        "UPDATE fused_events SET first = ?, last = ?, mentions = ?, sources = ? WHERE id = ?",
        (first, last, len(rows), len({article for article, _ in rows}), fused_id),
    )


def record_correction(db: Connection, kind: str, mention: tuple[str, str], other: tuple[str, str]) -> None:
    """Keep a user's correction of two stored mentions, and what the mentions were (`fingerprint`)."""
    for ids in (mention, other):
        row = db.execute("SELECT mention FROM fused_mentions WHERE article_id = ? AND event_id = ?", ids).fetchone()
        if row:
            db.execute("INSERT INTO corrected_mentions VALUES (?, ?, ?) ON CONFLICT (article_id, event_id)"
                       " DO UPDATE SET fingerprint = excluded.fingerprint", (*ids, fingerprint(_decode(row[0]))))
    db.execute(
        "INSERT INTO fusion_corrections VALUES (?, ?, ?, ?, ?, ?)",
        (kind, *mention, *other, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
    )


def split(db: Connection, fused_id: str, mention: tuple[str, str]) -> str:
    """Take `mention` out of `fused_id` into a fused event of its own; kept apart from now on."""
    members = db.execute("SELECT article_id, event_id FROM fused_mentions WHERE fused_id = ?", (fused_id,)).fetchall()
    members = [tuple(row) for row in members]
    if not members:
        raise KeyError(f"no fused event {fused_id} (ids as `dragoman events` prints them)")
    if mention not in members:
        raise KeyError(f"{mention[0]}:{mention[1]} is not a mention of fused event {fused_id}")
    if len(members) == 1:
        raise ValueError(f"fused event {fused_id} has one mention: nothing to split")
    for other in members:
        if other != mention:
            record_correction(db, "apart", mention, other)
    new_id = f"{mention[0]}#{mention[1]}"
    if new_id == fused_id:  # the founding mention leaves: the others keep the event under a new id
        rest = [m for m in members if m != mention]
        new_id, fused_id = fused_id, f"{rest[0][0]}#{rest[0][1]}"
        db.execute("UPDATE fused_mentions SET fused_id = ? WHERE fused_id = ? AND NOT (article_id = ? AND event_id = ?)",
                   (fused_id, new_id, *mention))
        db.execute("INSERT INTO fused_events SELECT ?, event, first, last, 0, 0 FROM fused_events WHERE id = ?",
                   (fused_id, new_id))
    else:
        db.execute("INSERT INTO fused_events SELECT ?, event, first, last, 0, 0 FROM fused_events WHERE id = ?",
                   (new_id, fused_id))
    db.execute("UPDATE fused_mentions SET fused_id = ?, joined_article_id = NULL, joined_event_id = NULL,"
               " evidence = ? WHERE article_id = ? AND event_id = ?",
               (new_id, json.dumps(["correction:split-by-user"]), *mention))
    _relink(db, fused_id, mention)
    refresh(db, fused_id)
    refresh(db, new_id)
    return new_id


def _relink(db: Connection, fused_id: str, gone: tuple[str, str]) -> None:
    """The mentions of `fused_id` that had joined `gone` (split off) are explained by the
    remaining mention most like them, with that evidence; one like none of them stays,
    as the user left it, and says so."""
    rows = db.execute("SELECT article_id, event_id, joined_article_id, joined_event_id, mention FROM fused_mentions"
                      " WHERE fused_id = ? ORDER BY article_id, event_id", (fused_id,)).fetchall()
    members = {(row[0], row[1]): _decode(row[4]) for row in rows}
    for article_id, event_id, joined_article, joined_event, _ in rows:
        if (joined_article, joined_event) != gone:
            continue
        best: tuple[int, Optional[tuple[str, str]], list[str]] = (0, None, ["correction:kept-after-split"])
        for other, candidate in members.items():
            found = compare(members[(article_id, event_id)], candidate) if other != (article_id, event_id) else None
            if found and len(found) > best[0]:
                best = (len(found), other, list(found))
        link = best[1] or (None, None)
        db.execute("UPDATE fused_mentions SET joined_article_id = ?, joined_event_id = ?, evidence = ?"
                   " WHERE article_id = ? AND event_id = ?", (*link, json.dumps(best[2]), article_id, event_id))


def merge(db: Connection, kept: str, merged: str) -> None:
    """Move every mention of `merged` into `kept`; kept together from now on."""
    if kept == merged:
        raise ValueError(f"cannot merge fused event {kept} with itself")
    first = db.execute("SELECT article_id, event_id FROM fused_mentions WHERE fused_id = ? ORDER BY article_id,"
                       " event_id LIMIT 1", (kept,)).fetchone()
    others = db.execute("SELECT article_id, event_id FROM fused_mentions WHERE fused_id = ?", (merged,)).fetchall()
    if first is None:
        raise KeyError(f"no fused event {kept}")
    if not others:
        raise KeyError(f"no fused event {merged}")
    for other in others:
        record_correction(db, "together", tuple(other), tuple(first))
    db.execute("UPDATE fused_mentions SET fused_id = ?, joined_article_id = ?, joined_event_id = ?, evidence = ?"
               " WHERE fused_id = ?", (kept, *first, json.dumps(["correction:merged-by-user"]), merged))
    db.execute("DELETE FROM fused_events WHERE id = ?", (merged,))
    refresh(db, kept)


def unfused(db: Connection) -> list[str]:
    """Stored articles with events not yet filed in fused events (stored before schema version 9)."""
    rows = db.execute(
        "SELECT DISTINCT e.article_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM fused_mentions m"
        " WHERE m.article_id = e.article_id AND m.event_id = e.event_id) ORDER BY e.article_id"
    ).fetchall()
    return [row[0] for row in rows]


def explain_row(value: Optional[str]) -> list[str]:
    return json.loads(value) if value else []
