"""Reading fused events and stories (and the raw event mentions they are made of).

`Store` inherits these; they read the tables `dragoman.store.fusion` and
`dragoman.store.stories` fill at ingest. The records returned are plain NamedTuples,
so a web page or a script can render them as they are (`._asdict()`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Iterator, NamedTuple, Optional

from ..records import Actor, Event
from . import fusion, stories

if TYPE_CHECKING:
    from ..query.filters import EventFilter
    from .connection import Connection


class ArticleSummary(NamedTuple):
    id: str
    title: Optional[str]
    published: Optional[str]
    url: Optional[str]
    source: Optional[str]


class EventMention(NamedTuple):
    """One stored event as one article reports it, with what the article says around it."""

    article_id: str
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]
    url: Optional[str]
    sentence_text: str  # the text of the event's sentence
    event: Event
    actors: dict[str, Actor]  # the article's actors by id (no mentions), to name the parties
    places: tuple[str, ...]  # the names of the places the article mentions, once each
    fused_id: Optional[str] = None  # the fused event it is a mention of (none in a store not yet fused)


# how many events one query reads: memory stays bounded whatever the store holds
EVENTS_PAGE = 500
ID_PAGES = 10  # fused events are chosen ten pages of ids at a time (each choice reads the events once)


class NearDuplicate(NamedTuple):
    """An article linked to the stored original it repeats, instead of being stored."""

    id: str
    original_id: str
    similarity: float
    title: Optional[str]
    published: Optional[str]
    url: Optional[str]
    source: Optional[str]


NEAR_DUPLICATE_COLUMNS = "id, original_id, similarity, title, published, url, source"


class FusedEvent(NamedTuple):
    """One happening as the stored articles report it: every mention, with its source, and
    for each mention the one it joined and the evidence that joined them."""

    id: str
    event: str
    first: Optional[str]  # the span the mentions' dates share, YYYY-MM-DD
    last: Optional[str]
    sources: int  # independent stored articles (a near-duplicate is never stored: a wire copy counts once)
    reports: int  # sources plus the near-duplicates linked to them (every outlet that ran it)
    mentions: tuple[EventMention, ...]  # by article publication date, then article id
    joins: tuple[tuple[Optional[str], tuple[str, ...]], ...]  # per mention: joined "ARTICLE:EVENT", evidence
    copies: tuple[NearDuplicate, ...] = ()  # the near-duplicates of its articles (the reports beyond its sources)
    chosen: int = 0  # the mention that speaks for it: the first one the query selected

    @property
    def shown(self) -> EventMention:
        """The mention whose coding stands for the fused event: the first report the query
        selected (`fused_events(actors="JOR")` shows a report where Jordan acts)."""
        return self.mentions[self.chosen]


class Story(NamedTuple):
    """A story line: articles (and their fused events) about one developing matter."""

    id: str  # "S:" + its first article's id; stable as the story grows
    title: Optional[str]  # the headline of its most central article
    first: Optional[str]  # publication dates of its first and last articles
    last: Optional[str]
    articles: int
    events: int  # fused events reported by its articles


class StoryTimeline(NamedTuple):
    """A story with its articles (by date) and its fused events (by date, with their sources)."""

    story: Story
    articles: tuple[ArticleSummary, ...]
    events: tuple[FusedEvent, ...]


class FusedReading:
    """The fused-event and story half of `Store` (which provides `_db`, `_mentions` and `get`)."""

    _db: "Connection"

    def fused_events(self, where: Optional["EventFilter"] = None, *, limit: Optional[int] = None,
                     page: int = EVENTS_PAGE, **criteria) -> Iterator[FusedEvent]:
        """The fused events with a mention `where` (or the keyword `criteria`, as for `events`)
        selects (see `dragoman.query.filters`; ``min_sources`` counts the fused event's
        sources), by id; at most `limit`.
        Read a page at a time (keyset on the id, ids chosen through the events), so memory stays bounded."""
        from ..query.filters import EventFilter

        condition, params = self._current_stories(EventFilter.given(where, criteria)).sql()
        after: Optional[str] = None
        left = limit
        while left is None or left > 0:
            size = page * ID_PAGES if left is None else min(page * ID_PAGES, left)
            # the ids through the events (CROSS JOIN: read first, in SQLite), as the filter is on them
            ids = [row[0] for row in self._db.execute(
                "SELECT DISTINCT m.fused_id FROM events e CROSS JOIN fused_mentions m WHERE m.article_id = e.article_id"
                f" AND m.event_id = e.event_id AND {condition}{' AND m.fused_id > ?' if after is not None else ''}"
                " ORDER BY m.fused_id LIMIT ?",
                (*params, *([after] if after is not None else []), size),
            ).fetchall()]
            for start in range(0, len(ids), page):
                chunk = ids[start:start + page]
                selected = {(row[0], row[1]) for row in self._db.execute(
                    "SELECT e.article_id, e.event_id FROM fused_mentions m JOIN events e ON e.article_id = m.article_id"
                    f" AND e.event_id = m.event_id WHERE m.fused_id IN ({', '.join('?' * len(chunk))}) AND {condition}",
                    (*chunk, *params)).fetchall()}
                yield from self._fused(chunk, selected)
            if len(ids) < size:
                return
            after = ids[-1]
            if left is not None:
                left -= len(ids)

    def fused_event(self, fused_id: str) -> Optional[FusedEvent]:
        """One fused event by id, with all its mentions; None when there is none."""
        found = list(self._fused([fused_id]))
        return found[0] if found else None

    def fused_event_of(self, article_id: str, event_id: str) -> Optional[str]:
        """The id of the fused event a stored event mention belongs to."""
        row = self._db.execute("SELECT fused_id FROM fused_mentions WHERE article_id = ? AND event_id = ?",
                               (article_id, event_id)).fetchone()
        return row[0] if row else None

    def _fused(self, ids: list[str], selected: frozenset | set = frozenset()) -> Iterator[FusedEvent]:
        """The fused events with these ids; each shown by its first mention in `selected`
        ((article, event) pairs), else by its first."""
        if not ids:
            return
        marks = ", ".join("?" * len(ids))
        heads = {row[0]: row for row in self._db.execute(
            f"SELECT id, event, first, last, sources FROM fused_events WHERE id IN ({marks})", ids).fetchall()}
        rows = self._db.execute(
            "SELECT e.article_id, e.event_id, e.record, a.title, a.published, a.source, a.url,"
            " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),"
            " m.fused_id, m.joined_article_id, m.joined_event_id, m.evidence"
            " FROM fused_mentions m JOIN events e ON e.article_id = m.article_id AND e.event_id = m.event_id"
            f" JOIN articles a ON a.id = e.article_id WHERE m.fused_id IN ({marks})"
            " ORDER BY a.published IS NULL, a.published, e.article_id, length(e.event_id), e.event_id", ids,
        ).fetchall()
        copies: dict[str, list[NearDuplicate]] = {}
        for row in self._db.execute(
            f"SELECT {NEAR_DUPLICATE_COLUMNS} FROM near_duplicates WHERE original_id IN (SELECT article_id FROM"
            f" fused_mentions WHERE fused_id IN ({marks})) ORDER BY original_id, id", ids).fetchall():
            copies.setdefault(row[1], []).append(NearDuplicate(*row))
        mentions = dict(zip((id(row) for row in rows), self._mentions([row[:9] for row in rows])))
        for fused_id in ids:
            if fused_id not in heads:
                continue
            mine = [row for row in rows if row[8] == fused_id]
            _id, event, first, last, sources = heads[fused_id]
            its_copies = tuple(copy for article in dict.fromkeys(row[0] for row in mine)
                               for copy in copies.get(article, ()))
            yield FusedEvent(
                fused_id, event, first, last, sources, sources + len(its_copies),
                tuple(mentions[id(row)] for row in mine),
                tuple((f"{row[9]}:{row[10]}" if row[9] else None, tuple(fusion.explain_row(row[11]))) for row in mine),
                its_copies,
                next((index for index, row in enumerate(mine) if (row[0], row[1]) in selected), 0),
            )

    _STORY_COLUMNS = ("s.id, s.title, s.first, s.last, s.articles, (SELECT count(DISTINCT m.fused_id) FROM"
                      " story_articles x JOIN fused_mentions m ON m.article_id = x.article_id WHERE x.story_id = s.id)")

    def stories(self, where: Optional["EventFilter"] = None, *, min_articles: int = 1, since: Optional[str] = None,
                until: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> list[Story]:
        """The story lines, latest first: those of at least `min_articles` articles whose
        span overlaps `since`..`until` (YYYY-MM-DD) and, given `where`, holding an event
        mention it selects (``EventFilter(actors="ISR")``: the stories where Israel acts); a
        page of `limit` from `offset` when given (the events are counted for that page's stories only)."""
        where, params = _story_where(min_articles, since, until, where and self._current_stories(where))
        page = "" if limit is None else " LIMIT ? OFFSET ?"
        rows = self._db.execute(
            f"SELECT {self._STORY_COLUMNS} FROM (SELECT * FROM stories s WHERE {where}"
            f" ORDER BY s.last IS NULL, s.last DESC, s.id{page}) s ORDER BY s.last IS NULL, s.last DESC, s.id",
            (*params, *(() if limit is None else (limit, offset))),
        ).fetchall()
        return [Story(*row) for row in rows]

    def count_stories(self, where: Optional["EventFilter"] = None, *, min_articles: int = 1,
                      since: Optional[str] = None, until: Optional[str] = None, cap: int) -> int:
        """How many story lines `stories` would give with the same filter, counting no further than `cap` + 1."""
        where, params = _story_where(min_articles, since, until, where and self._current_stories(where))
        return self._db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM stories s WHERE {where} LIMIT {int(cap) + 1}) capped", params
        ).fetchone()[0]

    def current_story(self, story_id: str) -> Optional[str]:
        """The story `story_id` is now: itself while it exists; after a user merged it into
        another (or moved its first article away and it emptied), the story its first article
        ("S:ARTICLE") is in, so an id once given keeps leading to its articles. None when neither."""
        if self._db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        return self.story_of(story_id[2:]) if story_id.startswith("S:") else None

    def _current_stories(self, where: "EventFilter") -> "EventFilter":
        """`where` with each story it names as that story is now (`current_story`)."""
        if not where.stories:
            return where
        current = tuple(dict.fromkeys(self.current_story(s) or s for s in where.stories))
        return where if current == where.stories else dataclasses.replace(where, stories=current)

    def story(self, story_id: str) -> Optional[StoryTimeline]:
        """One story with its articles and its fused events by date; None when there is none.
        An id merged away leads to the story it is now part of (`current_story`; the
        timeline's ``story.id`` says which)."""
        story_id = self.current_story(story_id) or story_id
        row = self._db.execute(f"SELECT {self._STORY_COLUMNS} FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        articles = self._db.execute(
            "SELECT a.id, a.title, a.published, a.url, a.source FROM story_articles x JOIN articles a"
            " ON a.id = x.article_id WHERE x.story_id = ? ORDER BY a.published IS NULL, a.published, a.id",
            (story_id,),
        ).fetchall()
        ids = [r[0] for r in self._db.execute(
            "SELECT DISTINCT m.fused_id FROM story_articles x JOIN fused_mentions m ON m.article_id = x.article_id"
            " WHERE x.story_id = ?", (story_id,)).fetchall()]
        events = sorted(self._fused(sorted(ids)), key=lambda f: (f.first is None, f.first or "", f.id))
        return StoryTimeline(Story(*row), tuple(ArticleSummary(*a) for a in articles), tuple(events))

    def story_of(self, article_id: str) -> Optional[str]:
        row = self._db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def move_to_story(self, article_id: str, story_id: Optional[str] = None) -> str:
        """Put an article in story `story_id`, or in a new story of its own (kept there from
        now on, even after re-ingest); returns the story id. KeyError for an unknown
        article or story, ValueError when it is there already."""
        with self._db.transaction(writes="articles"):
            return stories.move(self._db, article_id, story_id, self._story_profile)

    def merge_stories(self, kept: str, merged: str) -> None:
        """Move every article of story `merged` into `kept` (kept together from now on).
        KeyError when either does not exist."""
        with self._db.transaction(writes="articles"):
            stories.merge(self._db, kept, merged, self._story_profile)

    def _story_profile(self, article_id: str) -> tuple[dict[str, float], str]:
        record = self.get(article_id)
        text = self._db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        return stories.profile(record, text), stories.headline_of(record, text)

    def split_fused(self, fused_id: str, article_id: str, event_id: str) -> str:
        """Take one mention out of a fused event (kept apart from its mentions from now on,
        even after re-ingest); returns the id of the fused event it now forms.
        KeyError when it is not a mention of `fused_id`."""
        with self._db.transaction(writes="articles"):
            return fusion.split(self._db, fused_id, (article_id, event_id))

    def merge_fused(self, kept: str, merged: str) -> None:
        """Join fused event `merged` into `kept` (kept together from now on, even after
        re-ingest). KeyError when either does not exist."""
        with self._db.transaction(writes="articles"):
            fusion.merge(self._db, kept, merged)

    def fuse_unfused(self) -> int:
        """File the events of articles stored before fusion (schema version 9); how many articles."""
        count = 0
        for article_id in fusion.unfused(self._db):
            record, text = self.get(article_id), self._db.execute(
                "SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            with self._db.transaction(writes="articles"):
                fusion.fuse_article(self._db, record, text)
                stories.file_article(self._db, record, text, self._story_profile)
            count += 1
        return count


def _story_where(min_articles: int, since: Optional[str], until: Optional[str],
                 events: Optional["EventFilter"]) -> tuple[str, list]:
    """The condition on `stories s` of a story filter, and its parameters."""
    conditions, params = ["s.articles >= ?"], [min_articles]
    if since:
        conditions.append("s.last >= ?")
        params.append(since)
    if until:
        conditions.append("s.first <= ?")
        params.append(until)
    if events is not None:
        condition, values = events.sql()
        conditions.append("s.id IN (SELECT x.story_id FROM story_articles x JOIN events e"
                          f" ON e.article_id = x.article_id WHERE {condition})")
        params.extend(values)
    return " AND ".join(conditions), params
