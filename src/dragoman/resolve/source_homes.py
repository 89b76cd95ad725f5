"""Where a news source is at home: the state its articles keep naming, remembered across articles.

Local news names its towns bare ("Dublin", "Columbus", "Mansfield"): the reader knows
which state the paper serves. dragoman learns that the same way a reader would. Each
article teaches its source (the `source` field, else the host of its URL) the states
it names beyond doubt; once most of a source's other articles name one state, that
state is the source's home, and it counts as one more mention of the state when the
source's next article is resolved (`places.resolution._Resolver`). The article's own places still
decide: the home only breaks ties that the text leaves open.

What is learned is kept in memory for the run (so `dragoman extract` over a folder
learns as it goes) and, for `dragoman ingest`, in the table `source_states` of the
store's database, so later runs remember it. Results therefore depend on what a
source's earlier articles said; the first article of a source gets no home.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Union
from urllib.parse import urlsplit

from .gazetteer import LOCAL_FEATURES, Gazetteer, normalise

if TYPE_CHECKING:
    from ..records import Article, ArticleRecord, Place
    from ..store.connection import Connection

# a state is a source's home when at least this many of its other articles name it ...
HOME_MIN_ARTICLES = 2
# ... and at least this share of them: most of what the source reports happens there
HOME_SHARE = 0.5
# only a source's latest articles count: memory stays bounded over millions of
# articles, and a paper that moves its beat is followed
HOME_MEMORY = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS source_states (
    source TEXT NOT NULL,
    article TEXT NOT NULL,  -- the article's URL, else its id
    states TEXT NOT NULL,   -- first-level divisions it names beyond doubt, space-separated ("USA.OH USA.PA")
    PRIMARY KEY (source, article)
);
"""


def source_of(item: Union["Article", "ArticleRecord"]) -> Optional[str]:
    """The source an article came from: its `source` field, else its URL's host ("ajc.com")."""
    if item.source and item.source.strip():
        return item.source.strip()
    if item.url:
        host = (urlsplit(item.url.strip()).hostname or "").lower()
        return host.removeprefix("www.") or None
    return None


def article_key(item: Union["Article", "ArticleRecord"]) -> str:
    """One story counts once, however many times it was fed in: its URL, else its id."""
    return (item.url or "").strip() or item.id


def states_named(places: Iterable["Place"], gazetteer: Gazetteer) -> frozenset[str]:
    """States an article names beyond doubt: by the own name of a town, county or state
    whose every gazetteer entry lies in that one state ("Cuyahoga Falls"). "Dublin",
    a name of towns in many states, and "Dublin City", an alternate name, vouch for none."""
    states = set()
    for place in places:
        if place.feature not in LOCAL_FEATURES:
            continue
        senses = gazetteer.candidates(place.text)
        found = {sense.admin1 for sense in senses}
        if len(found) == 1 and None not in found and normalise(senses[0].name) == normalise(place.text):
            states |= found
    return frozenset(states)


class SourceHomes:
    """The states each source's articles named; with `target` (a store's SQLite path or
    PostgreSQL URL, or its open connection) also kept in its `source_states` table."""

    def __init__(self, target: Union[str, Path, "Connection", None] = None) -> None:
        self._states: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
        self._db = None
        self._owned = False
        if target is not None:
            from ..store.connection import Connection, connect

            # an open connection is the store's own (`Store.connection`), shared and left open
            self._owned = not isinstance(target, Connection)
            self._db = connect(str(target)) if self._owned else target
            self._db.script(_SCHEMA)
            rows = self._db.execute("SELECT source, article, states FROM source_states").fetchall()
            for source, article, states in rows:
                self.note(source, article, frozenset(states.split()))

    def close(self) -> None:
        """Close the database (unless it is the store's connection); what was read stays,
        and `learn` only remembers from now on."""
        if self._db is not None and self._owned:
            self._db.close()
        self._db = None

    def __enter__(self) -> "SourceHomes":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def home(self, source: Optional[str], article: str) -> Optional[str]:
        """The state most of the source's other articles name, if one does."""
        if source is None:
            return None
        others = [states for key, states in self._states.get(source, {}).items() if key != article]
        votes = Counter(state for states in others for state in states).most_common(2)
        if not votes or (len(votes) == 2 and votes[1][1] == votes[0][1]):
            return None  # no state, or two named equally often
        state, articles = votes[0]
        return state if articles >= HOME_MIN_ARTICLES and articles >= HOME_SHARE * len(others) else None

    def note(self, source: Optional[str], article: str, states: frozenset[str]) -> None:
        """Remember for this run what one article named (its latest reading, as the newest)."""
        if source is None:
            return
        articles = self._states[source]
        articles.pop(article, None)
        articles[article] = states
        if len(articles) > HOME_MEMORY:
            del articles[next(iter(articles))]

    def remember(self, record: "ArticleRecord", gazetteer: Gazetteer) -> Optional[frozenset[str]]:
        """Remember for this run what a finished article named, as its places step teaches
        in one process; the states, or None for an article of no known source."""
        source = source_of(record)
        if source is None:
            return None
        states = states_named(record.places, gazetteer)
        self.note(source, article_key(record), states)
        return states

    def learn(self, record: "ArticleRecord", gazetteer: Gazetteer) -> None:
        """Remember what a stored article named, in memory and (while open) in the database."""
        states = self.remember(record, gazetteer)
        if states is None:
            return
        source, article = source_of(record), article_key(record)
        if self._db is not None:
            with self._db.transaction(writes="source_states"):
                self._db.execute(
                    "INSERT INTO source_states VALUES (?, ?, ?) ON CONFLICT (source, article) DO UPDATE SET"
                    " states = excluded.states", (source, article, " ".join(sorted(states))))

    def forget(self, item: Union["Article", "ArticleRecord"]) -> None:
        """Forget for this run what one article named (`forget_article` takes it out of the store)."""
        source = source_of(item)
        if source is not None:
            self._states.get(source, {}).pop(article_key(item), None)

    def __len__(self) -> int:
        """How many sources it knows."""
        return len(self._states)

    def fixed(self, sources: Iterable[Optional[str]]) -> "SourceHomes":
        """What these sources' articles named so far, as a memory later articles leave as it is.

        A Dask partition consults it while its articles teach the ingesting process only, so
        that how a corpus is cut into partitions never changes a home."""
        fixed = _FixedHomes()
        for source in set(sources) & self._states.keys():
            fixed._states[source] = dict(self._states[source])
        return fixed


def forget_article(db: "Connection", item: Union["Article", "ArticleRecord"]) -> None:
    """Take out of the store's `source_states` (inside the caller's transaction) what a
    stored article being deleted named, unless another stored article is the same story
    (its URL, as `article_key` counts it once)."""
    source, key = source_of(item), article_key(item)
    if source is None or not db.has_table("source_states"):
        return
    if db.execute("SELECT 1 FROM articles WHERE id <> ? AND (url = ? OR id = ?) LIMIT 1",
                  (item.id, key, key)).fetchone():
        return
    db.execute("DELETE FROM source_states WHERE source = ? AND article = ?", (source, key))


class _FixedHomes(SourceHomes):
    def note(self, source: Optional[str], article: str, states: frozenset[str]) -> None:
        """Learns nothing: see `SourceHomes.fixed`."""


# -- which memory the places step consults ----------------------------------------------

_active = SourceHomes()


def active() -> SourceHomes:
    return _active


def configure(target: Union[str, Path, None] = None) -> SourceHomes:
    """Consult (and teach) the homes kept in this store from now on; without a target, a
    fresh memory. (Dask workers are sent what the ingesting process knows: `SourceHomes.fixed`.)"""
    global _active
    _active = SourceHomes(target)
    return _active


@contextmanager
def using(homes: SourceHomes) -> Iterator[SourceHomes]:
    """Consult `homes` for the duration of a with-block (an evaluation run, a test)."""
    global _active
    saved, _active = _active, homes
    try:
        yield homes
    finally:
        _active = saved
