"""The per-article working object that every pipeline component annotates.

Like spaCy's `Doc`, one `Analysis` travels through the pipeline: the parse is
made once, then each component (entities, actors, places, dates, claims,
quotes, events) reads what earlier components left and adds its own layer.
`to_record()` turns the finished analysis into the public `ArticleRecord`.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Optional

from .records import (
    Actor,
    Article,
    ArticleRecord,
    Claim,
    DateMention,
    Entity,
    Event,
    Party,
    Place,
    Quote,
)
from .resolve.dateline import dateline_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass
class Analysis:
    article: Article
    doc: "Doc"
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # what the article teaches memories shared across articles (`source_homes`), kept
    # until every step has succeeded: an article that fails teaches nothing
    lessons: list[Callable[[], None]] = field(default_factory=list, repr=False)
    # (start, end, actor index) for every actor mention, sorted by start
    _mention_index: list[tuple[int, int, int]] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def apply_lessons(self) -> None:
        """Teach the shared memories what this article taught, once; for when every step is done."""
        lessons, self.lessons = self.lessons, []
        for lesson in lessons:
            lesson()

    @cached_property
    def published(self) -> Optional[str]:
        """The day relative dates count from: the article's publication date, or
        when the input gives none, the day its dateline names (`resolve.dateline`).
        The record keeps the date as given."""
        if self.article.published is not None:
            return self.article.published
        return dateline_date(self.article.text)

    # -- actor mentions -------------------------------------------------
    def index_actor_mentions(self) -> None:
        """Rebuild the offset index after the actor layer changed."""
        self._mention_index = sorted(
            (start, end, i) for i, actor in enumerate(self.actors) for start, end in actor.mentions
        )

    def actor_at(self, start: int, end: int) -> Optional[Actor]:
        """The actor with a mention overlapping [start, end), preferring the longest overlap."""
        index = self._mention_index
        best, best_overlap = None, 0
        lo = bisect.bisect_left(index, (start - 200, 0, 0))
        for m_start, m_end, i in index[lo:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = self.actors[i], overlap
        return best

    def party(self, span: "Span") -> Party:
        """An event participant for a token span, coded through the actor layer."""
        actor = self.actor_at(span.start_char, span.end_char)
        return Party(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            actor_id=actor.id if actor else None,
            country=actor.country if actor else None,
            sector=actor.sector if actor else None,
        )

    # -- places ---------------------------------------------------------------
    def places_within(self, start: int, end: int) -> list[Place]:
        return [p for p in self.places if p.start >= start and p.end <= end]

    def to_record(self, *, with_text: bool = False) -> ArticleRecord:
        a = self.article
        return ArticleRecord(
            id=a.id,
            title=a.title,
            published=a.published,
            url=a.url,
            source=a.source,
            text_sha256=text_sha256(a.text),
            actors=self.actors,
            events=self.events,
            quotes=self.quotes,
            places=self.places,
            dates=self.dates,
            claims=self.claims,
            entities=self.entities,
            text=a.text if with_text else None,
        )


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
