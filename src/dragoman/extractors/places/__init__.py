"""Toponyms: place names in the article resolved against the offline gazetteer.

Mentions come from the tagger's GPE/LOC/FAC entities, plus what it labels
otherwise but a reader takes as a place: country adjectives and demonyms
("Russian troops", "Palestinians": a reference to the country, feature
"country"), organisations that are just a country or a big city's name
("the U.S. said", "Milan won") or that contain one ("Air Zimbabwe"),
capitalised names that the words around them mark as places ("the town of
Qarzabad", "Tarin district", "rallied in Sardinia", "a Gainesville man",
"strikes on Khan Younis"), other occurrences of a name the tagger labelled a
place once, and wire datelines ("BEIRUT:", "Hanoi (VNA) -"). A name the tagger cut short
runs on to the longer name the gazetteer knows ("Guinea" + "-Bissau", "Democratic
Republic" + "of the Congo"); a place's name at the head of a street's is the street
("Northumberland Avenue"); a name used for a disease ("West Nile virus") is no
place in that article, nor a one-word name after a word for a relative ("his son Austin").

Resolution runs in three passes, as a reader would: names that mean one place
whatever the article is about ("Tel Aviv", "Israel") are settled first; their
countries and states then weigh in for the ambiguous rest ("Paris" near "Texas"),
as do the counties named beside a town that lies in one of them ("Paris" and
"Henry County"); last, the states the second pass settled on weigh in for every
name once more. A qualifier binds: "Stroud, Ontario" is a place in Ontario or
nowhere. A name keeps one sense throughout the article, the sense it was qualified
with if it ever was ("Buffalo, New York").

A street, building or village the gazetteer does not know stands at the town
named right after it, or a facility at the town the article names most; the place
says so in `within`. Any other unknown name, in an article whose places lie nearly
all in one country, gets that country but no point. The rest are kept with empty
coordinates: the text still names a place, and its offsets are useful to events
and to anyone who wants to geocode it with a bigger gazetteer. Which of the
sentence's places an event happened at is `extractors.event_place`.
"""

from __future__ import annotations

from functools import partial

from ...analysis import Analysis
from ...pipeline import component
from ...resolve import source_homes
from ...resolve.gazetteer import load_gazetteer
from .mentions import _mentions
from .resolution import _resolved_places


@component("places")
def find_places(analysis: Analysis) -> None:
    gazetteer = load_gazetteer()
    homes = source_homes.active()
    source, article = source_homes.source_of(analysis.article), source_homes.article_key(analysis.article)
    mentions = _mentions(analysis, gazetteer)
    analysis.places = _resolved_places(analysis, mentions, gazetteer, homes.home(source, article)) if mentions else []
    if source is not None:  # an article of no known source teaches nothing
        states = source_homes.states_named(analysis.places, gazetteer)
        analysis.lessons.append(partial(homes.note, source, article, states))
