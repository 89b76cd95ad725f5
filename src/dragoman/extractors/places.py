"""Toponyms: GPE/LOC/FAC entity mentions resolved against the offline gazetteer.

Resolution runs in two passes, as a reader would: names that mean one place
whatever the article is about ("Tel Aviv", "Israel") are settled first; their
countries and states then weigh in for the ambiguous rest ("Paris" near "Texas").
A name keeps one sense throughout the article.

Mentions the gazetteer does not know are kept with empty coordinates: the tagger
still found a place name, and its text and offsets are useful to events and to
anyone who wants to geocode it with a bigger gazetteer. Demonyms (NORP) are not
places in this version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..analysis import Analysis
from ..pipeline import component
from ..records import Entity, Place
from ..resolve.gazetteer import Candidate, Gazetteer, is_clear, load_gazetteer

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# "Washington state", "the state of Washington": the text asks for the state, not the city
_STATE_AFTER = re.compile(r"^\s+state\b")
_STATE_BEFORE = re.compile(r"\bstate of\s+$", re.IGNORECASE)
# "Paris, Texas": a comma and a second toponym that qualifies the first
_QUALIFIER_GAP = re.compile(r"^,\s*$")


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    feature: Optional[str] = None  # "admin1" when the text says "state"
    qualifier: Optional["_Mention"] = None


def _trim(entity: Entity) -> _Mention:
    """The bare name of an entity: no leading "the", no possessive ending."""
    text, start, end = entity.text, entity.start, entity.end
    article = _LEADING_ARTICLE.match(text)
    if article:
        text, start = text[article.end():], start + article.end()
    possessive = _POSSESSIVE.search(text)
    if possessive and possessive.start() > 0:
        text, end = text[: possessive.start()], end - len(possessive.group())
    return _Mention(text=text, start=start, end=end)


def _mentions(analysis: Analysis) -> list[_Mention]:
    """Place mentions with the cues around them ("state", ", Texas")."""
    text = analysis.text
    mentions = [_trim(e) for e in analysis.entities if e.label in PLACE_LABELS]
    mentions = [m for m in mentions if m.text.strip()]
    for mention, following in zip(mentions, mentions[1:] + [None]):
        if _STATE_AFTER.match(text[mention.end:]) or _STATE_BEFORE.search(text[: mention.start]):
            mention.feature = "admin1"
        if following is not None and _QUALIFIER_GAP.match(text[mention.end : following.start]):
            mention.qualifier = following
    return mentions


class _Resolver:
    """Resolves an article's mentions with the article's own places as context."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.countries: set[str] = set()
        self.admin1: set[str] = set()
        self.senses: dict[tuple, Optional[Candidate]] = {}

    def _key(self, mention: _Mention) -> tuple:
        qualifier = mention.qualifier.text if mention.qualifier else None
        return (mention.text, mention.feature, qualifier)

    def _ranked(self, mention: _Mention, countries: set[str], admin1: set[str]):
        countries, admin1 = set(countries), set(admin1)
        if mention.qualifier is not None:
            qualifier = self.gazetteer.resolve(mention.qualifier.text)
            if qualifier is not None and qualifier.feature in {"country", "admin1"}:
                countries.add(qualifier.country)
                admin1.add(qualifier.admin1)
        ranked = []
        if mention.feature:
            ranked = self.gazetteer.ranked(
                mention.text, article_countries=countries, article_admin1=admin1, feature=mention.feature
            )
        return ranked or self.gazetteer.ranked(mention.text, article_countries=countries, article_admin1=admin1)

    def settle_clear(self, mentions: list[_Mention]) -> None:
        """Pass 1: names whose best place wins without context become context."""
        for mention in mentions:
            ranked = self._ranked(mention, set(), set())
            if ranked and (is_clear(ranked) or mention.qualifier is not None):
                self._settle(mention, ranked[0][0])

    def _settle(self, mention: _Mention, place: Optional[Candidate]) -> None:
        self.senses[self._key(mention)] = place
        if place is None:
            return
        if place.country:
            self.countries.add(place.country)
        if place.feature == "admin1" and place.admin1:
            self.admin1.add(place.admin1)

    def resolve(self, mention: _Mention) -> Optional[Candidate]:
        """Pass 2: the rest, ranked with everything settled so far."""
        key = self._key(mention)
        if key not in self.senses:
            ranked = self._ranked(mention, self.countries, self.admin1)
            self.senses[key] = ranked[0][0] if ranked else None
        return self.senses[key]


def _place(mention: _Mention, candidate: Optional[Candidate]) -> Place:
    if candidate is None:
        return Place(text=mention.text, start=mention.start, end=mention.end)
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        name=candidate.name,
        country=candidate.country,
        lat=candidate.lat,
        lon=candidate.lon,
        geonameid=candidate.geonameid,
        feature=candidate.feature,
    )


@component("places")
def find_places(analysis: Analysis) -> None:
    mentions = _mentions(analysis)
    if not mentions:
        analysis.places = []
        return
    resolver = _Resolver(load_gazetteer())
    resolver.settle_clear(mentions)
    analysis.places = [_place(m, resolver.resolve(m)) for m in mentions]
