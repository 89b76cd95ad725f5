"""Known actors: who a bare name ("Blinken", "Museveni") is, and what role they held when.

Three sources answer the same question through one interface (`find(name)`):

* `Registry(target)` — learned across articles, kept in tables `registry_*` of the
  store's database (SQLite file or PostgreSQL; or the open store's own connection). `learn(record, published)` records every coded person or
  organisation of an article with its names and the role seen on that date, and which article
  showed it (`forget_article` takes back what one article taught, when it is deleted or read again); `add_known(actor)` adds dated facts from a file or a Wikidata item
  (`dragoman.ingest.wikidata`). A registry may also stand alone in its own SQLite file
  (``actors.db``), read like any actor file.
* `ActorBook` — actors a user supplies in a file (YAML, CSV or a CAMEO/PETRARCH actor
  dictionary; see `dragoman.ingest.actor_dictionary`), held in memory.
* the bundled starter book `data/known_actors.yaml`: heads of state and government and
  foreign ministers written by the dragoman authors from general knowledge.

`lookup(name, as_of=...)` asks them in order: an explicit source, then the ones made
active with `use(...)`, then the starter book. The first source that knows the name
decides; a name that source gives to two actors is ambiguous and stays unresolved,
never guessed. A role carries the dates it held ("Prime Minister 2005-11-22..2021-12-08");
after the last state role ended the actor codes as ELI (former official), as PLOVER asks.
Facts are never overwritten: conflicting roles are all kept with their sources, and
`code_as_of` says in `Coding.why` which one won and why (`explain(name)` for a name).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Protocol, Sequence, Union

from unidecode import unidecode

if TYPE_CHECKING:
    from ..records import ArticleRecord
    from ..store.connection import Connection

# sectors of holders of state office: when every such role has ended, the holder is ELI
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_MONTH_YEAR = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y%m%d")


@lru_cache(maxsize=2**14)
def name_key(name: str) -> str:
    """Lookup key of a name: ASCII, lower case, hyphens as spaces, no punctuation.

    "Kassym-Jomart Tokayev" -> "kassym jomart tokayev", "Le Drian's" -> "le drian".
    Kept per name: every source asks for the key of every name it is asked about.
    """
    text = unidecode(name or "").replace("\u2019", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = _PUNCT.sub(" ", text.replace(".", "").replace("'", ""))
    return _SPACES.sub(" ", text).strip().lower()


def iso_day(value: Union[str, date, None]) -> Optional[str]:
    """YYYY-MM-DD for a date or a date string ("12 April 2022"); None if unreadable."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = value.strip()
    if _ISO.match(text[:10]):
        return text[:10]
    from datetime import datetime

    for fmt in _DAY_MONTH_YEAR:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Role:
    """A role an actor held: bounded dates (from a file) or dates it was seen (learned)."""

    role: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    start: Optional[str] = None  # YYYY-MM-DD, inclusive; None: since always
    end: Optional[str] = None  # YYYY-MM-DD, exclusive; None: still held (as far as known)
    seen: bool = False  # learned: start..end are the first and last dates it was seen
    source: str = ""  # "known_actors.yaml:12", "article:A17", "wikidata:Q42"
    attested: int = 1  # learned: how many articles showed it

    def describe(self) -> str:
        """"Interior Minister (CZE GOV) seen 2023-06-01..2023-09-01 in 2 articles, first article:b"."""
        what = " ".join(p for p in (self.role, f"({' '.join(x for x in (self.country, self.sector) if x)})"
                                    if self.country or self.sector else None) if p) or "no role"
        if self.seen:
            articles = f"{self.attested} article" + ("s" if self.attested != 1 else "")
            return f"{what} seen {self.start}..{self.end} in {articles}, first {self.source}"
        return f"{what} {self.start or ''}..{self.end or ''} from {self.source}"

    def covers(self, day: str) -> bool:
        if self.seen:
            return self.start is None or self.start <= day
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class KnownActor:
    """One actor with its names and roles over time."""

    name: str
    aliases: tuple[str, ...] = ()
    country: Optional[str] = None  # the actor's own country, independent of any role
    sector: Optional[str] = None  # default sector when no role applies (an organisation's)
    kind: Optional[str] = None  # person | organization | group
    roles: list[Role] = field(default_factory=list)
    source: str = ""
    surname: Optional[str] = None  # when the last word is not it: "Xi" of "Xi Jinping"; "" for none
    prominence: Optional[int] = None  # a Wikidata item's number of sitelinks (Wikipedia articles)

    def keys(self) -> set[str]:
        return {k for k in (name_key(n) for n in (self.name, *self.aliases)) if k}

    def surname_key(self) -> Optional[str]:
        """A person's last name, matched alone only when no other known person shares it."""
        if self.surname is not None:
            return name_key(self.surname) or None
        parts = name_key(self.name).split()
        if self.kind != "person" or len(parts) < 2 or len(parts[-1]) < 4:
            return None  # "Hun Sen", "Xi Jinping": a short or given last word is no surname
        return parts[-1]


@dataclass(frozen=True)
class Coding:
    """What a known actor says about a name as of a date."""

    country: Optional[str]
    sector: Optional[str]
    role: Optional[str]
    name: str
    kind: Optional[str]
    rule: str  # "known:Angela Merkel@known_actors.yaml:40+former"
    why: str = ""  # the same decision in words, with the facts it weighed and their sources


def code_as_of(actor: KnownActor, as_of: Union[str, date, None] = None) -> Coding:
    """Country, sector and role of a known actor on a day, with why in `Coding.why`.

    Undated: the actor's default sector, else its latest role; but a person coded to a
    state sector whose every dated state role has ended by today is a former official
    (ELI), as of today. Dated: the role held that day (for learned roles, the latest seen
    on or before it); if none and a state role has ended by then, ELI; before any role,
    only the default. Conflicting facts are all kept; among the roles held, the most
    recently begun wins, except a learned role whose country is contradicted by a better
    attested one (a dated source, or more articles), which is set aside (`outvote`).
    """
    day = iso_day(as_of)
    rule = f"known:{actor.name}@{actor.source}" if actor.source else f"known:{actor.name}"
    roles, outvoted = outvote(actor.roles)
    aside = "".join(f"; set aside ({why}): {r.describe()}" for r, why in outvoted)
    if day is None:
        undated = _undated(actor, roles, rule, aside)
        if actor.kind == "person" and undated.sector in STATE_SECTORS:
            return _former(actor, roles, date.today().isoformat(), rule) or undated
        return undated
    held = [r for r in roles if r.covers(day)]
    if held:
        choice = "the only role" if len(held) == 1 else f"the most recently begun of {len(held)} roles"
        return _from_role(actor, held[-1], rule, f"{choice} held on {day}{aside}")
    former = _former(actor, roles, day, rule)
    if former is not None:
        return replace(former, why=former.why + aside)
    seen_later = [r for r in roles if r.seen]
    if seen_later:
        return _from_role(actor, seen_later[0], f"{rule}+seen-later",
                          f"no role known on {day}; the earliest role seen after it{aside}")
    return Coding(actor.country or _first_country(roles), actor.sector, None, actor.name, actor.kind, rule,
                  f"{actor.name} ({actor.source}): no role known on {day}; the actor's own country and sector")


def outvote(roles: Iterable[Role]) -> tuple[list[Role], list[tuple[Role, str]]]:
    """Roles in the order they began (kept), and the learned ones set aside with why.

    A role seen in articles is set aside when another role contradicts its country and
    comes from a dated source or was seen in more articles ("outvoted"), or when a dated
    role of the same country and sector spans the days it was seen: the articles then
    attest that role, whose dates say when it ended ("within a dated role").
    """
    ordered = sorted(roles, key=lambda r: (r.start or "", r.attested))
    aside = []
    for r in ordered:
        if not r.seen:
            continue
        if r.country and any(o.country and o.country != r.country and (not o.seen or o.attested > r.attested)
                             for o in ordered):
            aside.append((r, "outvoted"))
        elif any(not o.seen and (o.country, o.sector) == (r.country, r.sector) and o.covers(r.start or "")
                 and o.covers(r.end or r.start or "") for o in ordered):
            aside.append((r, "within a dated role"))
    set_aside = [r for r, _ in aside]
    return [r for r in ordered if r not in set_aside], aside


def _undated(actor: KnownActor, roles: Sequence[Role], rule: str, aside: str) -> Coding:
    if actor.sector or not roles:
        return Coding(actor.country or _first_country(roles), actor.sector, None, actor.name, actor.kind, rule,
                      f"{actor.name} ({actor.source}): no date asked; the actor's own country and sector{aside}")
    return _from_role(actor, roles[-1], rule, f"no date asked; the latest role{aside}")


def _former(actor: KnownActor, roles: Sequence[Role], day: str, rule: str) -> Optional[Coding]:
    """ELI, "former <role>", when no role covers `day` and a state role has ended by then."""
    if any(r.covers(day) for r in roles):
        return None
    ended = [r for r in roles if not r.seen and r.end is not None and r.end <= day and r.sector in STATE_SECTORS]
    if not ended:
        return None
    last = max(ended, key=lambda r: r.end or "")
    return Coding(actor.country or last.country, "ELI", f"former {last.role}" if last.role else None,
                  actor.name, actor.kind, f"{rule}+former:{last.end}",
                  f"{actor.name}: no role held on {day}; the last state role ended: {last.describe()}")


def _first_country(roles: Sequence[Role]) -> Optional[str]:
    return next((r.country for r in roles if r.country), None)


def _from_role(actor: KnownActor, role: Role, rule: str, choice: str) -> Coding:
    when = f"seen:{role.end or role.start}" if role.seen else f"role:{role.role or role.sector}"
    return Coding(role.country or actor.country, role.sector or actor.sector, role.role, actor.name, actor.kind,
                  f"{rule}+{when}", f"{actor.name}: {role.describe()}; {choice}")


class ActorSource(Protocol):
    """Anything that can list the actors a name may refer to."""

    def find(self, name: str) -> list[KnownActor]: ...


class ActorBook:
    """Known actors held in memory: a user's file or the bundled starter book."""

    def __init__(self, actors: Iterable[KnownActor] = ()) -> None:
        self.actors: list[KnownActor] = []
        self._by_key: dict[str, list[KnownActor]] = {}
        self._by_surname: dict[str, list[KnownActor]] = {}
        for actor in actors:
            self.add(actor)

    def add(self, actor: KnownActor) -> None:
        """Add an actor; a second entry with the same name merges its aliases and roles."""
        existing = next((a for a in self._by_key.get(name_key(actor.name), []) if a.name == actor.name), None)
        if existing is not None:
            existing.aliases = tuple(dict.fromkeys(existing.aliases + actor.aliases))
            existing.roles.extend(r for r in actor.roles if r not in existing.roles)
            existing.country = existing.country or actor.country
            existing.sector = existing.sector or actor.sector
            existing.kind = existing.kind or actor.kind
            actor = existing
        else:
            self.actors.append(actor)
        for key in actor.keys():
            bucket = self._by_key.setdefault(key, [])
            if actor not in bucket:
                bucket.append(actor)
        surname = actor.surname_key()
        if surname and actor not in self._by_surname.setdefault(surname, []):
            self._by_surname[surname].append(actor)

    def find(self, name: str) -> list[KnownActor]:
        key = name_key(name)
        found = self._by_key.get(key)
        if found:
            return list(found)
        return list(self._by_surname.get(key, [])) if " " not in key else []

    def __len__(self) -> int:
        return len(self.actors)


@lru_cache(maxsize=1)
def starter() -> ActorBook:
    """The bundled starter book (data/known_actors.yaml), read once."""
    from importlib import resources

    from ..ingest.actor_dictionary import read_yaml_text

    path = resources.files("dragoman") / "data" / "known_actors.yaml"
    return ActorBook(read_yaml_text(path.read_text("utf-8"), "known_actors.yaml"))


# -- the registry learned across articles ---------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS registry_actors (
    id {id_column},
    name TEXT NOT NULL UNIQUE,
    country TEXT, sector TEXT, kind TEXT, source TEXT
);
CREATE TABLE IF NOT EXISTS registry_aliases (
    alias TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES registry_actors(id),
    surname INTEGER NOT NULL DEFAULT 0,  -- 1: a person's last name, matched only when unshared
    PRIMARY KEY (alias, actor_id, surname)
);
CREATE TABLE IF NOT EXISTS registry_roles (
    actor_id INTEGER NOT NULL REFERENCES registry_actors(id),
    role TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
    start TEXT NOT NULL DEFAULT '', "end" TEXT NOT NULL DEFAULT '',
    seen INTEGER NOT NULL, source TEXT,
    PRIMARY KEY (actor_id, role, country, sector, seen, start)
);
-- one row per article that showed a learned role: what "best attested" counts
CREATE TABLE IF NOT EXISTS registry_evidence (
    actor_id INTEGER NOT NULL REFERENCES registry_actors(id),
    role TEXT NOT NULL, country TEXT NOT NULL, sector TEXT NOT NULL,
    day TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (actor_id, role, country, sector, source)
);
-- one row per article that taught a learned actor, with what it gave: what `forget_article` takes back
CREATE TABLE IF NOT EXISTS registry_taught (
    actor_id INTEGER NOT NULL REFERENCES registry_actors(id),
    article_id TEXT NOT NULL,
    day TEXT, country TEXT, sector TEXT, kind TEXT,
    PRIMARY KEY (actor_id, article_id)
);
CREATE INDEX IF NOT EXISTS registry_taught_article ON registry_taught(article_id);
-- the Wikidata item an actor was imported from
CREATE TABLE IF NOT EXISTS registry_wikidata (
    qid TEXT PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES registry_actors(id),
    sitelinks INTEGER  -- how many Wikipedias have an article on it: prominence among namesakes
);
CREATE INDEX IF NOT EXISTS registry_wikidata_actor ON registry_wikidata(actor_id);
"""
_ID_COLUMN = {"sqlite": "INTEGER PRIMARY KEY", "postgres": "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"}


class Registry:
    """Actors learned across articles, in `registry_*` tables of the store's database.

    `target` is the store's SQLite path or PostgreSQL URL. Only persons with a full
    name and organisations are learned, and only with what their article coded
    (country or sector): a name alone teaches nothing.
    """

    def __init__(self, target: Union[str, Path, "Connection"]) -> None:
        from ..store.connection import Connection, connect

        # an open connection is the store's own (`Store.connection`), shared and left open
        self._owned = not isinstance(target, Connection)
        self._db = connect(str(target)) if self._owned else target
        self._db.script(_SCHEMA.format(id_column=_ID_COLUMN[self._db.dialect]))

    def close(self) -> None:
        """Close the database (unless it is the store's connection); a closed registry is no
        longer consulted by lookups (a later command in the same process, such as `explain`
        after `ingest`, would fail)."""
        if self._owned:
            self._db.close()
        _active[:] = [source for source in _active if source is not self]

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------
    def learn(self, record: "ArticleRecord", published: Optional[str] = None) -> int:
        """Remember the coded persons and organisations of one article; returns how many."""
        day = iso_day(published or record.published)
        learned = 0
        with self._db.transaction(writes="registry_actors"):
            for actor in record.actors:
                # a country the article's scene lent (rule "+scene:XXX") is a guess about
                # this article, not a fact about the actor to remember
                country = None if "+scene:" in (actor.rule or "") else actor.country
                if not _learnable(actor.name, actor.kind, country, actor.sector):
                    continue
                sector = None if actor.kind == "person" else actor.sector
                actor_id = self._actor_id(actor.name, country, sector, actor.kind, f"article:{record.id}")
                self._db.execute("INSERT INTO registry_taught VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                 (actor_id, record.id, day, country, sector, actor.kind))
                self._add_names(actor_id, KnownActor(actor.name, kind=actor.kind))
                if day and (actor.role or actor.sector):
                    self._see_role(actor_id, actor.role, country, actor.sector, day, record.id)
                learned += 1
        return learned

    def forget(self, article_id: str) -> None:
        """Take back what one article taught (`forget_article`), in a transaction of its own."""
        with self._db.transaction(writes="registry_actors"):
            forget_article(self._db, article_id)

    def _add_names(self, actor_id: int, actor: KnownActor) -> None:
        rows = [(key, actor_id, 0) for key in actor.keys()]
        surname = actor.surname_key()
        if surname:
            rows.append((surname, actor_id, 1))
        self._db.executemany("INSERT INTO registry_aliases VALUES (?, ?, ?) ON CONFLICT DO NOTHING", rows)

    def _actor_id(self, name: str, country: Optional[str], sector: Optional[str], kind: Optional[str],
                  source: str) -> int:
        row = self._db.execute("SELECT id FROM registry_actors WHERE name = ?", (name,)).fetchone()
        if row:
            self._db.execute(
                "UPDATE registry_actors SET country = COALESCE(country, ?), sector = COALESCE(sector, ?),"
                " kind = COALESCE(kind, ?) WHERE id = ?", (country, sector, kind, row[0]))
            return row[0]
        inserted = self._db.execute(
            "INSERT INTO registry_actors (name, country, sector, kind, source) VALUES (?, ?, ?, ?, ?) RETURNING id",
            (name, country, sector, kind, source)).fetchone()
        return int(inserted[0])

    def _see_role(self, actor_id: int, role: Optional[str], country: Optional[str], sector: Optional[str],
                  day: str, article_id: str) -> None:
        """Widen the first/last-seen dates of a role (one row per role, kept across articles)."""
        values = (actor_id, role or "", country or "", sector or "")
        self._db.execute("INSERT INTO registry_evidence VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                         (*values, day, f"article:{article_id}"))
        row = self._db.execute(
            "SELECT start, \"end\" FROM registry_roles WHERE actor_id=? AND role=? AND country=? AND sector=?"
            " AND seen=1", values).fetchone()
        if row is None:
            self._db.execute("INSERT INTO registry_roles VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
                             (*values, day, day, f"article:{article_id}"))
            return
        self._db.execute(
            "UPDATE registry_roles SET start = ?, \"end\" = ? WHERE actor_id=? AND role=? AND country=? AND sector=?"
            " AND seen=1", (min(row[0], day), max(row[1], day), *values))

    def add_known(self, actor: KnownActor, wikidata: Optional[str] = None) -> int:
        """Store an actor from a file or a Wikidata item with its dated roles; returns its id.

        Facts only accumulate: an actor already known by that name (learned from articles,
        or another file) gains the new names and roles, each role keeping its source. A
        Wikidata item is one actor: importing it again updates it in place, and a second
        item with the label of another becomes "Label (Qnnn)", answering to the label too,
        so the shared name stays ambiguous rather than guessed, unless one of them is far
        more prominent (`most_prominent`). The caller owns the transaction (`batch()`).
        """
        actor_id = self._wikidata_actor(wikidata) if wikidata else None
        if actor_id is None:
            name = actor.name
            if wikidata and self._named_by_another_item(name):
                name = f"{actor.name} ({wikidata})"
            actor_id = self._actor_id(name, actor.country, actor.sector, actor.kind, actor.source)
        if wikidata:
            self._db.execute("INSERT INTO registry_wikidata VALUES (?, ?, ?) ON CONFLICT (qid) DO UPDATE"
                             " SET sitelinks = excluded.sitelinks", (wikidata, actor_id, actor.prominence))
        # the source's own country, sector and kind replace the defaults articles left
        self._db.execute(
            "UPDATE registry_actors SET country = COALESCE(?, country), sector = COALESCE(?, sector),"
            " kind = COALESCE(?, kind) WHERE id = ?", (actor.country, actor.sector, actor.kind, actor_id))
        self._add_names(actor_id, actor)
        self._db.executemany(
            "INSERT INTO registry_roles VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING",
            [(actor_id, r.role or "", r.country or "", r.sector or "", r.start or "", r.end or "", r.source)
             for r in actor.roles if not r.seen])
        return actor_id

    def _wikidata_actor(self, qid: str) -> Optional[int]:
        row = self._db.execute("SELECT actor_id FROM registry_wikidata WHERE qid = ?", (qid,)).fetchone()
        return None if row is None else int(row[0])

    def _named_by_another_item(self, name: str) -> bool:
        """Whether the actor called `name` came from another Wikidata item."""
        return self._db.execute(
            "SELECT 1 FROM registry_actors a JOIN registry_wikidata w ON w.actor_id = a.id WHERE a.name = ?",
            (name,)).fetchone() is not None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction around many `add_known` calls (an import writes in batches)."""
        with self._db.transaction(writes="registry_actors"):
            yield

    # -- reading --------------------------------------------------------------------
    def find(self, name: str) -> list[KnownActor]:
        """Actors answering to `name`; a bare surname finds every person whose last name it is."""
        return [self._load(actor_id) for actor_id in self.ids(name)]

    def _load(self, actor_id: int) -> KnownActor:
        name, country, sector, kind, source = self._db.execute(
            "SELECT name, country, sector, kind, source FROM registry_actors WHERE id = ?", (actor_id,)).fetchone()
        aliases = tuple(r[0] for r in self._db.execute("SELECT alias FROM registry_aliases WHERE actor_id = ?",
                                                       (actor_id,)).fetchall())
        counts = {(role, c, s): n for role, c, s, n in self._db.execute(
            "SELECT role, country, sector, COUNT(*) FROM registry_evidence WHERE actor_id = ?"
            " GROUP BY role, country, sector", (actor_id,)).fetchall()}
        roles = [
            Role(role or None, c or None, s or None, start or None, end or None, bool(seen), src or "",
                 max(1, counts.get((role, c, s), 0)) if seen else 1)
            for role, c, s, start, end, seen, src in self._db.execute(
                "SELECT role, country, sector, start, \"end\", seen, source FROM registry_roles WHERE actor_id = ?",
                (actor_id,)).fetchall()
        ]
        prominence = self._db.execute("SELECT MAX(sitelinks) FROM registry_wikidata WHERE actor_id = ?",
                                      (actor_id,)).fetchone()[0]
        return KnownActor(name, aliases, country, sector, kind, roles, source or "", prominence=prominence)

    def evidence(self, actor_id: int) -> list[tuple[str, str, str, str, str]]:
        """Every article that showed a learned role of the actor: (role, country, sector, day, source)."""
        return [tuple(row) for row in self._db.execute(
            "SELECT role, country, sector, day, source FROM registry_evidence WHERE actor_id = ?"
            " ORDER BY day, source", (actor_id,)).fetchall()]

    def ids(self, name: str) -> list[int]:
        """Ids of the actors `find(name)` returns, in the same order."""
        key = name_key(name)
        rows = self._db.execute("SELECT actor_id, surname FROM registry_aliases WHERE alias = ?", (key,)).fetchall()
        ids = [actor_id for actor_id, surname in rows if not surname]
        if not ids and " " not in key:
            ids = [actor_id for actor_id, surname in rows if surname]
        return list(dict.fromkeys(ids))

    def wikidata_id(self, actor_id: int) -> Optional[str]:
        row = self._db.execute("SELECT qid FROM registry_wikidata WHERE actor_id = ?", (actor_id,)).fetchone()
        return None if row is None else row[0]

    def summary(self, after: Optional[str] = None, limit: int = 10_000) -> list[tuple]:
        """(name, kind, country, sector, source, roles) of up to `limit` actors, by name, after `after`."""
        return [tuple(row) for row in self._db.execute(
            "SELECT a.name, a.kind, a.country, a.sector, a.source,"
            " (SELECT COUNT(*) FROM registry_roles r WHERE r.actor_id = a.id) FROM registry_actors a"
            " WHERE a.name > ? ORDER BY a.name LIMIT ?", (after or "", int(limit))).fetchall()]

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM registry_actors").fetchone()[0]


def forget_article(db: "Connection", article_id: str) -> None:
    """Take back what article `article_id` taught the registry kept in `db` (inside the
    caller's transaction; nothing when the store has no registry): its sightings of roles
    (each role's first and last seen days narrowed to the other articles', a role no other
    article showed dropped) and the actors it taught (`_settle`)."""
    if not db.has_table("registry_taught"):
        return
    source = f"article:{article_id}"
    roles = db.execute("SELECT DISTINCT actor_id, role, country, sector FROM registry_evidence WHERE source = ?",
                       (source,)).fetchall()
    actors = [row[0] for row in db.execute("SELECT actor_id FROM registry_taught WHERE article_id = ?"
                                           " ORDER BY actor_id", (article_id,)).fetchall()]
    db.execute("DELETE FROM registry_evidence WHERE source = ?", (source,))
    db.execute("DELETE FROM registry_taught WHERE article_id = ?", (article_id,))
    for key in roles:
        seen = db.execute("SELECT min(day), max(day) FROM registry_evidence WHERE actor_id = ? AND role = ?"
                          " AND country = ? AND sector = ?", key).fetchone()
        if seen[0] is None:
            db.execute("DELETE FROM registry_roles WHERE actor_id = ? AND role = ? AND country = ? AND sector = ?"
                       " AND seen = 1", key)
            continue
        first = db.execute("SELECT source FROM registry_evidence WHERE actor_id = ? AND role = ? AND country = ?"
                           " AND sector = ? ORDER BY day, source LIMIT 1", key).fetchone()[0]
        db.execute("UPDATE registry_roles SET start = ?, \"end\" = ?, source = ? WHERE actor_id = ? AND role = ?"
                   " AND country = ? AND sector = ? AND seen = 1", (*seen, first, *key))
    for actor_id in actors:
        _settle(db, actor_id)


def _settle(db: "Connection", actor_id: int) -> None:
    """An actor an article taught, once that article is forgotten: dropped when no other
    article teaches it, else its defaults from the earliest that does; left as it is when a
    file or a Wikidata item vouches for it. (Actors learned before articles were recorded
    as teachers are never dropped: nothing says which articles taught them.)"""
    if db.execute("SELECT 1 FROM registry_roles WHERE actor_id = ? AND seen = 0 UNION ALL SELECT 1 FROM"
                  " registry_wikidata WHERE actor_id = ? UNION ALL SELECT 1 FROM registry_actors WHERE id = ? AND"
                  " (source IS NULL OR source NOT LIKE 'article:%')", (actor_id,) * 3).fetchone():
        return
    taught = db.execute("SELECT article_id, country, sector, kind FROM registry_taught WHERE actor_id = ?"
                        " ORDER BY day IS NULL, day, article_id", (actor_id,)).fetchall()
    if not taught:
        for table in ("registry_aliases", "registry_roles", "registry_evidence"):
            db.execute(f"DELETE FROM {table} WHERE actor_id = ?", (actor_id,))
        db.execute("DELETE FROM registry_actors WHERE id = ?", (actor_id,))
        return

    def earliest(column: int) -> Optional[str]:
        return next((row[column] for row in taught if row[column]), None)

    db.execute("UPDATE registry_actors SET country = ?, sector = ?, kind = ?, source = ? WHERE id = ?",
               (earliest(1), earliest(2), earliest(3), f"article:{taught[0][0]}", actor_id))


def _learnable(name: str, kind: Optional[str], country: Optional[str], sector: Optional[str]) -> bool:
    """Persons with at least two name words, and organisations, that their article coded."""
    if not name or not (country or sector):
        return False
    if kind == "person":
        return len(name_key(name).split()) > 1
    return kind == "organization"


# -- which sources code_actor consults ------------------------------------------------

_active: list[ActorSource] = []
_use_starter = True


def use(*sources: ActorSource, starter_book: bool = True) -> None:
    """Make these sources (a Registry, ActorBooks) the ones every lookup consults.

    Called once by the CLI before a run: `use(Registry(db), read_actor_file(path))`.
    `starter_book=False` leaves the bundled starter book out.
    """
    global _use_starter
    _active[:] = list(sources)
    _use_starter = starter_book


def configure(actor_files: Sequence[Union[str, Path]] = (),
              registry_path: Union[str, Path, "Connection", None] = None) -> Optional["Registry"]:
    """Use users' actor files (first) and a learned registry (then); returns the registry.
    `registry_path` is the store's path or URL, or its open connection (`Store.connection`).

    One call sets up a process: the CLI calls it before a run, and each Dask
    worker calls it again, since module state does not travel between processes.
    An actor file ending in .db, .sqlite or .sqlite3 is a registry of its own (what
    `dragoman actors import --db actors.db` writes). Raises ActorFileError naming
    file:line for a malformed file.
    """
    from ..ingest.actor_dictionary import read_actor_file

    books = [open_actor_file(path) if is_actor_database(path) else read_actor_file(path) for path in actor_files]
    learned = Registry(registry_path) if registry_path else None
    use(*books, *([learned] if learned is not None else []))
    return learned


ACTOR_DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def is_actor_database(path: Union[str, Path]) -> bool:
    """Whether an actor file is a registry database rather than a YAML, CSV or CAMEO file."""
    return str(path).lower().endswith(ACTOR_DATABASE_SUFFIXES)


def open_actor_file(path: Union[str, Path]) -> "Registry":
    """A standalone registry file, which must exist (an actor file is read, never created)."""
    from ..ingest.actor_dictionary import ActorFileError

    if not Path(path).is_file():
        raise ActorFileError(str(path), 0, "no such actor database")
    from ..store.connection import DatabaseFailure

    try:
        found = Registry(path)
        len(found)
    except (sqlite3.DatabaseError, DatabaseFailure) as exc:  # "file is not a database"
        raise ActorFileError(str(path), 0, f"not an actor database ({getattr(exc, 'cause', exc)})") from None
    return found


@contextmanager
def using(*sources: ActorSource, starter_book: bool = True) -> Iterator[None]:
    """`use(...)` for the duration of a with-block, then the previous configuration."""
    global _use_starter
    saved, saved_starter = list(_active), _use_starter
    use(*sources, starter_book=starter_book)
    try:
        yield
    finally:
        _active[:] = saved
        _use_starter = saved_starter


def sources(explicit: Optional[ActorSource] = None) -> list[ActorSource]:
    """The sources a lookup asks, in order."""
    found = [explicit] if explicit is not None else []
    found += _active
    if _use_starter:
        found.append(starter())
    return found


def lookup(name: str, *, as_of: Union[str, date, None] = None,
           registry: Optional[ActorSource] = None) -> Optional[Coding]:
    """How the first source that knows `name` codes it as of a day; None if unknown or ambiguous.

    Only capitalised text is a name: the noun "ban" is not Ban Ki-moon.
    """
    found = _first_known(name, registry)
    chosen = found[0] if len(found) == 1 else most_prominent(found)
    return None if chosen is None else code_as_of(chosen, as_of)


def explain(name: str, *, as_of: Union[str, date, None] = None,
            registry: Optional[ActorSource] = None) -> Optional[str]:
    """Why the known actors code `name` as `lookup` does, or why they leave it open; None
    when no source knows the name."""
    found = _first_known(name, registry)
    if len(found) == 1:
        return code_as_of(found[0], as_of).why
    names = ", ".join(f"{a.name} ({a.source})" for a in found)
    chosen = most_prominent(found)
    if chosen is not None:
        return (f"{len(found)} known actors answer to {name!r}: {names}; {chosen.name} is by far the most "
                f"prominent ({chosen.prominence} Wikipedia articles); {code_as_of(chosen, as_of).why}")
    if found:
        return f"{len(found)} known actors answer to {name!r}: {names}; left open, never guessed"
    return None


PROMINENT = 20  # Wikipedia articles (sitelinks) an item needs to win over its namesakes ...
PROMINENCE_RATIO = 10  # ... having at least ten times as many as any of them


def most_prominent(actors: Sequence[KnownActor]) -> Optional[KnownActor]:
    """Among namesakes, the one Wikipedias write about far more than about any other (a
    full Wikidata import holds many people called "John Kerry"; news means the one with
    articles in 150 languages); None when no one stands out that clearly, or when one of
    them is not from Wikidata (its prominence unknown)."""
    if len(actors) < 2 or any(a.prominence is None for a in actors):
        return None
    first, second = sorted(actors, key=lambda a: -(a.prominence or 0))[:2]
    if (first.prominence or 0) >= max(PROMINENT, PROMINENCE_RATIO * (second.prominence or 0)):
        return first
    return None


def _first_known(name: str, registry: Optional[ActorSource]) -> list[KnownActor]:
    """The actors the first source that knows `name` gives it (two or more: ambiguous)."""
    if not name_key(name) or not any(word[:1].isupper() for word in name.split()):
        return []
    for source in sources(registry):
        found = source.find(name)
        if found:
            return found
    return []
