"""The article's scene: which country a story is set in, read from the places it names
and the actors it codes, and what that says about actors the text leaves without a
country: a domestic institution or a group of its society ("Republicans", "residents")
takes the scene's country, and a country's name used as a home place's name ("Georgia
farmer", "a Palestine man" in an American local story) takes the home country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from ..analysis import Analysis
from ..resolve.actor_codes import code_actor, names_stateless_group
from ..resolve.actor_places import named_place_country
from ..resolve.countries import country_code, is_state
from ..resolve.registry import STATE_SECTORS

# Sectors of a country's own society (PLOVER manual, "Sector Codes"): parties and the
# opposition, civilians, schools, churches, hospitals, the press, business, labour,
# farmers, criminals. A group of one of them that the text gives no country ("Republicans",
# "news outlets", "residents", "the company") is, in a story about one country, that
# country's own, as a domestic institution is. Armed groups (REB, PRM, UAF), refugees
# and the international sectors are left out: in a story set in one country they are as
# often another's ("rebels" fighting abroad, refugees from across the border).
_SOCIETY_SECTORS = frozenset({"PTY", "OPP", "CVL", "EDU", "REL", "MED", "JRN", "BUS", "LAB", "AGR", "CRM"})
_ORIGIN_PREPS = {"of", "from", "in", "across"}  # "the mayors of Asia's largest ports", "workers from Canada"
_WIDE_FEATURES = {"continent", "region"}  # places of no one country: "Europe", "the Middle East"
_COUNTRY_FEATURES = {"country", "continent"}  # places that vote through the actors, not as local places
_LOCAL_PLACES = 3  # places inside names, streets, towns: how many must agree to set the story's country

if TYPE_CHECKING:
    from .actors import _Cluster, _Mention


def place_votes(analysis: Analysis, namesakes: dict[str, str]) -> Counter:
    """Countries of the places the article names (the tagger's GPE), one per mention:
    "Shreveport" and "Louisiana" say a local story is American though no actor does.
    A country's name that names a home place here (`namesakes`) votes for the home; a
    name the places step resolved in the article's context ("Conway" beside "Horry
    County, SC") votes for the country of that sense, which a name alone may not tell."""
    resolved = {(p.start, p.end): p.country for p in analysis.places if p.country}
    votes: Counter = Counter()
    tagged: list[tuple[int, int]] = []
    for ent in analysis.entities:
        if ent.label == "GPE":
            tagged.append((ent.start, ent.end))
            name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            country = (namesakes.get(name.lower()) or resolved.get((ent.end - len(name), ent.end))
                       or named_place_country(name))
            if is_state(country):
                votes[country] += 1
    # actors13 (issue #18): a local story names its town mostly inside names the tagger
    # reads as organisations ("Kilkenny County Council", "Millbrook police"); the places
    # step resolved those in the article's context, and they say where the story is too.
    # Only places below a country (demonyms and country names vote through the actors),
    # and only a country at least _LOCAL_PLACES of them name: one "Washington" in a
    # name ("a bank office in Geneva", "a Texas start-up") sets no story there.
    local: Counter = Counter()
    for place in analysis.places:
        if place.feature in _COUNTRY_FEATURES or place.rule == "country-word" or not is_state(place.country):
            continue
        if not any(s < place.end and place.start < e for s, e in tagged):
            local[namesakes.get(place.text.lower(), place.country)] += 1
    votes.update({country: n for country, n in local.items() if n >= _LOCAL_PLACES})
    return votes


def dominant_country(clusters: list[_Cluster], places: Counter) -> Optional[str]:
    """The country the article is clearly most about, by coded mentions and the places
    it names.

    Needs at least three mentions and twice as many as the runner-up: a
    one-sentence text that names Afghanistan is no Afghan article. Only names
    and linked descriptions count, not pronouns: a wrongly linked "they"
    must not make a country dominant; and only the mentions that say the
    country: a Briton in a Cambodian story, introduced once as "a British
    expert", counts once however often his surname returns.
    """
    counts = Counter(places)
    for c in clusters:
        country = c.vote("country")
        if is_state(country):
            counts[country] += sum(m.code.country == country for m in c.mentions)
    top = counts.most_common(2)
    if not top or top[0][1] < 3 or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def _namesakes(analysis: Analysis, clusters: list[_Cluster]) -> dict[str, str]:
    """Country names that name a place of another country here: "Georgia farmer
    Tom Reyes" beside Macon, "a Palestine woman" beside Tyler. A country's
    name before an actor noun is read as a state or town of a country the article's
    other places name (resolve.actor_places._home_namesake), unless the article names
    the country in another way too ("Georgian", "Tbilisi"). Name (lower) -> home."""
    places = place_votes(analysis, {})
    found: dict[str, str] = {}
    for c in clusters:
        for m in c.mentions:
            if not is_state(m.code.country) or m.code.kind == "country":
                continue
            for home, _ in places.most_common(3):
                if home == m.code.country:
                    continue
                recoded = code_actor(analysis.text[m.start:m.end], context_country=home, as_of=analysis.published)
                namesake = (recoded.rule or "").split("+")[0]
                if recoded.country == home and namesake.startswith("namesake:"):
                    name = namesake.split(":")[1].split("@")[0]
                    if not named_otherwise(analysis, m.code.country, name):
                        found.setdefault(name, home)
                    break
    return found


def _recode(analysis: Analysis, clusters: list[_Cluster], namesakes: dict[str, str]) -> None:
    """Mentions whose country comes from a country's name that names a home place here
    (`_namesakes`) take the home country: "Georgia farmer Tom Reyes",
    "Palestine police", "Palestine" the town."""
    for name, home in namesakes.items():
        country, pattern = country_code(name), re.compile(rf"\b{re.escape(name)}\b", re.I)
        for c in clusters:
            for m in c.mentions:
                if m.code.country == country and pattern.search(analysis.text[m.start:m.end]):
                    m.code = replace(m.code, country=home, rule=f"{m.code.rule}+namesake:{name}@{home}")


def recode_home_namesakes(analysis: Analysis, clusters: list[_Cluster]) -> dict[str, str]:
    """Find the article's home namesakes (`_namesakes`), recode the mentions coded by
    them, and return them for the place votes."""
    namesakes = _namesakes(analysis, clusters)
    _recode(analysis, clusters, namesakes)
    return namesakes


def named_otherwise(analysis: Analysis, country: str, name: str) -> bool:
    """Whether the article names `country` by a word other than `name`: a demonym, its
    capital, another of its places."""
    for ent in analysis.entities:
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        if ent.label in {"GPE", "NORP"} and text.lower() != name and (
                country_code(text, capitals=True) == country or named_place_country(text) == country):
            return True
    return False


def place_in_scene(analysis: Analysis, clusters: list[_Cluster], country: Optional[str]) -> None:
    """A titled person with no nationality given is taken as the article's home official
    (rule "+context:XXX"); an untitled person, a domestic institution ("police", "the
    army", "prosecutors") and a described group of the country's own society
    (`_society_group`: "Republicans", "residents") with none as the article's country's
    own (rule "+scene:XXX", an inference from the article, not a fact about the actor). A
    member of a group of no state ("an ISIS commander") takes neither."""
    if country is None:
        return
    for c in clusters:
        if c.vote("country") or names_stateless_group(c.name):
            continue
        if c.kind == "person" and c.vote("role"):
            c.mentions[0].code = replace(c.mentions[0].code, country=country,
                                         rule=f"{c.mentions[0].code.rule}+context:{country}")
        elif c.kind == "person" or c.vote("sector") in STATE_SECTORS or _society_group(analysis, c, country):
            c.mentions[0].code = replace(c.mentions[0].code, country=country,
                                         rule=f"{c.mentions[0].code.rule}+scene:{country}")


def _society_group(analysis: Analysis, c: _Cluster, country: str) -> bool:
    """Whether a cluster is a group of one of the _SOCIETY_SECTORS described by common
    nouns ("news outlets", "the company", "Democrats"): not a named organisation (a bank
    or firm a story names may well be foreign), nor a group its phrase places elsewhere
    ("the mayors of Asia's largest ports")."""
    if c.vote("sector") not in _SOCIETY_SECTORS:
        return False
    if c.kind == "organization" and any(_is_named(m.name) for m in c.mentions):
        return False
    return not any(_places_elsewhere(analysis, m, country) for m in c.mentions)


def _is_named(name: str) -> bool:
    """Whether a name has a capitalised word after a leading article: "Deutsche Bank",
    not "the company" nor "The store" at a sentence's start."""
    words = re.sub(r"^the\s+", "", name, flags=re.I).split()
    return any(w[:1].isupper() for w in words)


def _places_elsewhere(analysis: Analysis, mention: _Mention, country: str) -> bool:
    """Whether the mention or the phrase it heads ("the mayors of Asia's largest ports",
    "workers from Canada") names a place of another country or a region wider than one
    (the resolved places: the gazetteer's senses, continents included)."""
    head = analysis.doc[mention.head_i]
    start, end = mention.start, mention.end
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    for place in analysis.places:
        if start <= place.start and place.end <= end:
            if place.country != country and (place.country or place.feature in _WIDE_FEATURES):
                return True
    return False
