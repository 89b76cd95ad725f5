"""Resolving mentions to gazetteer places: unambiguous names first, then the article's
countries, states and counties weigh in; a name keeps one sense per article.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Collection, Mapping, Optional, Sequence

import msgspec

from ...analysis import Analysis
from ...annotate.views import sentences
from ...records import Place
from ...resolve.gazetteer import (
    AREA_FEATURES,
    DIVISION_WORDS_IN_TEXT,
    FAMOUS_CITY_POPULATION,
    GENERIC_DIVISION_NAMES,
    HAMLET_POPULATION,
    LOCAL_FEATURES,
    METROPOLIS_POPULATION,
    SPANNING_FEATURES,
    Candidate,
    Containment,
    Gazetteer,
    is_clear,
    names_division,
    normalise,
    plausible,
)

if TYPE_CHECKING:
    pass

from .mentions import _lies_in, _Mention, _smaller, cues

# "Paris, Texas": the qualifier counts as this many mentions of its country
QUALIFIER_SUPPORT = 8
# a country named in the same sentence, or this many before or after, counts as this
# many more mentions: a roundup's paragraph keeps to one country ("Chile sent help. Its
# foreign ministry in Santiago ..." in a story mostly on the Philippines, which have a
# Santiago too). Only a country named as such: a nearby town would make "flew from
# Atlanta to Paris" Texan.
NEARBY_SENTENCES = 1
NEARBY_SUPPORT = 2
# what a qualifier may name: "Buffalo, New York", "Santa Maria, Davao del Sur"
QUALIFYING_FEATURES = {"country", "admin1", "admin2"}
# other mentions in a country that make a state of it beat a same-named foreign country
STATE_SUPPORT = 2
# other mentions in a state that make its town beat a same-named foreign place
LOCAL_SUPPORT = 2
# other mentions in a state that make its town beat a same-named country nothing else
# in the article points to (a town that is no hamlet: HAMLET_POPULATION)
COUNTRY_TOWN_SUPPORT = 3
# places a street or building may lie in
TOWN_FEATURES = {"city", "admin2"}


def _local_over_foreign(
    name: str,
    ranked: list[tuple[Candidate, float]],
    support: Mapping[str, int],
    admin1: Mapping[str, int],
    counties: Containment,
    neighbours: Collection[str] = (),
) -> list[tuple[Candidate, float]]:
    """A country, or a foreign city, that nothing else in the article points to loses to
    a same-named place at home: "Georgia" among US towns is the state (of the country
    the article's places lie in, or of the state they lie in), "Dublin" among the
    towns of one state is that state's town, as local news means it, and "Lebanon"
    beside Boone County is the town in that county. A country that borders the
    state's keeps its name: "Niger" in a story from Nigeria is still the neighbour."""
    best = ranked[0][0]
    if best.feature not in {"country", "city"} or support.get(best.country or "", 0) > 0:
        return ranked
    for candidate, score in ranked[1:]:
        if candidate.feature == "admin1" and candidate.country in neighbours:
            continue
        if counties.support(candidate) > 0 or _is_local(name, candidate, best, support, admin1):
            return [(candidate, score)] + [pair for pair in ranked if pair[0] is not candidate]
    return ranked


def _is_local(
    name: str, candidate: Candidate, foreign: Candidate, support: Mapping[str, int], admin1: Mapping[str, int]
) -> bool:
    in_country = support.get(candidate.country or "", 0)
    in_state = admin1.get(candidate.admin1 or "", 0)
    if candidate.feature == "admin1":
        return foreign.feature == "country" and (in_country >= STATE_SUPPORT or in_state > 0)
    if candidate.feature not in {"city", "admin2"} or in_country <= 0:
        return False
    if foreign.feature == "city":  # but no hamlet takes a world city's name: "London" beside Los Angeles
        hamlet = candidate.population < HAMLET_POPULATION
        return in_state >= LOCAL_SUPPORT and not (hamlet and foreign.population >= METROPOLIS_POPULATION)
    # a country outweighs a town unless the story is plainly local to the town's state
    # and the town is no hamlet: "Palestine" among Anderson County and Tyler is the Texas
    # town, while "China" in a story from Texas stays the country
    return (
        in_state >= COUNTRY_TOWN_SUPPORT and candidate.population >= HAMLET_POPULATION
        and normalise(candidate.name) == normalise(name)
    )


def _names_to_try(text: str) -> list[tuple[str, bool]]:
    """(name, only within the article's states): the name, then the name without a
    compass word ("Northeast Ohio", "western Niger") or a division word ("Hunan
    province", "Marion County"). A part of a place, or an area named after it, lies at
    or near it, which beats no answer; a county's namesake town is first looked for in
    the states the article names."""
    lex = cues()
    words = text.split()
    names = [(text, False)]
    if (len(words) > 1 and words[0].lower() in lex["compass_words"] and words[1].lower() not in lex["compass_words"]
            and " ".join(words[1:]).lower() not in lex["area_part_nouns"]):  # "South Side" is no "Side"
        names.append((" ".join(words[1:]), False))
    last = words[-1].lower() if words else ""
    if len(words) > 1 and last in DIVISION_WORDS_IN_TEXT | lex["settlement_suffixes"]:
        names.append((" ".join(words[:-1]), last in lex["local_division_nouns"]))
    return names


def _names_part_of_town(name: str) -> bool:
    """"South Side", "West End", "North Shore": a compass word and a noun for a part of a
    town or coast, a name many towns and coasts give a part of themselves."""
    words = normalise(name).split()
    return len(words) == 2 and words[0] in cues()["compass_words"] and words[1] in cues()["area_part_nouns"]


@lru_cache(maxsize=4096)
def _stem(name: str) -> str:
    """A name without its compass or division word: "Northeast Georgia" and "Georgia",
    "Madison County" and "Madison" are one name twice, so neither is evidence for the
    other's state, nor a town and its county evidence of containment."""
    words = normalise(name).split()
    if len(words) > 1 and words[0] in cues()["compass_words"]:
        words = words[1:]
    if len(words) > 1 and words[-1] in DIVISION_WORDS_IN_TEXT:
        words = words[:-1]
    return " ".join(words)


def _inner_names(text: str) -> list[str]:
    """Shorter names a long mention starts or ends with, longest first: the tagger's
    span may run on into what the place names ("Butler County Transportation
    Improvement District", "Newark Fire") or start before it ("Historic Dublin")."""
    words = text.split()
    prefixes = [" ".join(words[:size]) for size in range(len(words) - 1, 0, -1)]
    suffixes = [" ".join(words[-size:]) for size in range(len(words) - 1, 0, -1)]
    return [name for name in prefixes + suffixes if name[:1].isupper()]


def _stands_alone(name: str, place: Candidate) -> bool:
    """A part of a longer mention is taken for a place only when it is one a reader
    would recognise by its name alone, not some hamlet sharing a word with a brand nor
    an ordinary word ("Soviet Union" is not Union, New Jersey)."""
    if name.lower() in cues()["name_words"] or normalise(name) in GENERIC_DIVISION_NAMES:
        return False
    return place.feature != "city" or place.population >= cues()["embedded_city_population"]


class _Resolver:
    """Resolves an article's mentions with the article's own places as context.

    Support for a country (a state) is the number of mentions of other names that lie
    in it: "Georgia" in an article full of US towns is the state, in one about
    Tbilisi and Batumi the country; "Dublin" next to Columbus and Delaware County is
    the Ohio suburb.
    """

    def __init__(self, gazetteer: Gazetteer, sentence_starts: Sequence[int] = (), home: Optional[str] = None):
        self.gazetteer = gazetteer
        self.sentence_starts = sentence_starts  # character offset of each sentence, for `_countries_near`
        self.home = home  # the state the article's source is at home in (`source_homes`), if known
        self.support: Counter[str] = Counter()
        self.support_by_name: dict[str, Counter[str]] = defaultdict(Counter)
        self.admin1: Counter[str] = Counter()
        self.admin1_by_name: dict[str, Counter[str]] = defaultdict(Counter)
        # counties each name may be, and counties each name may be a town in
        self.counties_named: dict[str, set[str]] = {}
        self.counties_with_town: dict[str, set[str]] = {}
        self.counties_of_others: dict[str, tuple[Counter[str], Counter[str]]] = {}  # `_counties_beside`, per stem
        self.senses: dict[tuple, Optional[Candidate]] = {}
        # pass 3: counties the towns each name stem was resolved to lie in ("DeKalb")
        self.counties_of_towns: dict[str, Counter[str]] = defaultdict(Counter)
        self.qualified: dict[str, Candidate] = {}  # name -> its sense where the article qualified it
        self.countries_at: list[tuple[int, str, str]] = []  # (sentence, country, name stem) of countries named
        self.alone: dict[int, Candidate] = {}  # id(mention) -> its likeliest sense without context

    def _key(self, mention: _Mention) -> tuple:
        qualifier = mention.qualifier.text if mention.qualifier else None
        return (mention.text, mention.feature, qualifier, mention.country, mention.capital)

    def _ranked(
        self, mention: _Mention, support: Mapping[str, int], admin1: Mapping[str, int],
        counties: Optional[Containment] = None,
    ):
        if mention.named_after is not None:
            return []
        if mention.country is not None:
            lookup = self.gazetteer.capital if mention.capital else self.gazetteer.country
            place = lookup(mention.country)
            return [(place, 0.0)] if place is not None else []
        division = self._unlisted_division(mention.text, mention.contains.text) if mention.contains else None
        if division is not None:
            return [(division, 0.0)]
        support, admin1 = Counter(support), Counter(admin1)
        qualifier, binding = self._qualifying_area(mention) if mention.qualifier is not None else (None, False)
        if qualifier is not None:
            support[qualifier.country] += QUALIFIER_SUPPORT
            if qualifier.admin1:
                admin1[qualifier.admin1] += QUALIFIER_SUPPORT
        context = dict(article_countries=support, article_admin1=admin1, article_counties=counties)

        def bound(ranked: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
            """"Stroud, Ontario" is no English Stroud: what the area holds, or nothing."""
            return [pair for pair in ranked if _lies_in(pair[0], qualifier)] if binding else ranked

        for name, local in _names_to_try(mention.text):
            ranked = []
            if mention.feature:
                ranked = self.gazetteer.ranked(name, feature=mention.feature, **context)
            ranked = ranked or self.gazetteer.ranked(name, **context)
            ranked = bound(ranked)
            if _names_part_of_town(name):  # "the West End" is Anguilla's only in a story about it
                ranked = [(c, score) for c, score in ranked
                          if c.country is None or c.feature in SPANNING_FEATURES or support.get(c.country, 0) > 0]
            if local:  # "Marion County" is near the Marion in a state the article names
                ranked = sorted(ranked, key=lambda pair: admin1.get(pair[0].admin1 or "", 0) <= 0)
            if ranked:
                return self._prefer_local(name, ranked, support, admin1, counties)
        for name in _inner_names(mention.text):
            ranked = bound(self.gazetteer.ranked(name, main_only=True, **context))
            if ranked and _stands_alone(name, ranked[0][0]):
                return self._prefer_local(name, ranked, support, admin1, counties)
        for word in cues()["implied_division_words"].split():  # "Henrico police", "Geauga and Medina counties"
            ranked = bound(self.gazetteer.ranked(f"{mention.text} {word}", feature="admin2", main_only=True, **context))
            if ranked:
                return ranked
        return []

    def _prefer_local(self, name, ranked, support, admin1, counties: Optional[Containment]):
        """`_local_over_foreign`, with the borders of the country that leads."""
        neighbours = self.gazetteer.neighbours(ranked[0][0].country) if ranked[0][0].feature == "country" else set()
        return _local_over_foreign(name, ranked, support, admin1, counties or Containment(), neighbours)

    def _qualifying_area(self, mention: _Mention) -> tuple[Optional[Candidate], bool]:
        """The country, state or county a qualifier names, and whether the mention must
        lie in it. The sense that holds a sense of the name comes first ("Blakely,
        Georgia" is the US state; "Buffalo, New York" the state, though the bare "New
        York" is the city); else a country or state the qualifier plainly names ("Stroud,
        Ontario", which the gazetteer lacks). In a list ("Paris, Berlin and Rome") only the
        bare name's own sense counts, and binds nothing."""
        if mention.qualifier.contains is not mention:
            place = self.gazetteer.resolve(mention.qualifier.text)
            return (place if place is not None and place.feature in AREA_FEATURES else None), False
        ranked = self.gazetteer.ranked(mention.qualifier.text)
        areas = [c for c, _ in ranked if c.feature in QUALIFYING_FEATURES]
        senses = [c for c, _ in self.gazetteer.ranked(mention.text)]
        holding = next((area for area in areas if any(_lies_in(sense, area) for sense in senses)), None)
        if holding is not None:
            return holding, True
        plain = ranked[0][0] if ranked and ranked[0][0].feature in AREA_FEATURES else None
        if plain is None or normalise(mention.qualifier.text) in GENERIC_DIVISION_NAMES:  # "Kansas City, North"
            return None, False
        # a country, sea or region ("Belgium, France, the Netherlands"; "the Gulf, Qatar") is
        # no part of the next name; a town or province would be
        local = bool(senses) and senses[0].feature in LOCAL_FEATURES
        return plain, local and _smaller(senses[0], plain)

    def _unlisted_division(self, name: str, town_name: str) -> Optional[Candidate]:
        """"Calamba City, Laguna": the province of a town that the gazetteer does not
        list (it has no place of that name in the town's country, only far-off namesakes
        none of which stands out) is placed at the town it contains, in its country."""
        head = self.gazetteer.ranked(town_name)
        if not head or not is_clear(head) or head[0][0].feature != "city":
            return None
        town = head[0][0]
        ranked = self.gazetteer.ranked(name)
        if ranked and (is_clear(ranked) or ranked[0][0].feature not in {"city", "admin2"}):
            return None
        if any(candidate.country == town.country for candidate, _ in ranked):
            return None
        return Candidate(None, name, town.country, town.lat, town.lon, 0, "admin2", town.admin1)

    def settle_clear(self, mentions: list[_Mention]) -> None:
        """Pass 1: what each name says without context becomes context: its country
        (state) when every sense it could plausibly have lies there ("Springfield": some
        US town), a state named as such when it wins clearly."""
        for mention in mentions:
            if mention.named_after is not None:  # "Clarksville St.": streets are named after towns nearby
                self._count_country(mention, self.gazetteer.ranked(mention.named_after))
                continue
            ranked = self._ranked(mention, {}, {})
            if not ranked:
                continue
            self.alone[id(mention)] = ranked[0][0]
            self._note_counties(mention.text, ranked)
            self._count_country(mention, ranked)
            certain = is_clear(ranked) or mention.qualifier is not None or mention.country is not None
            admin1_of = {c.admin1 for c in plausible(ranked)}
            place = ranked[0][0]
            if (len(admin1_of) == 1 and None not in admin1_of) or (certain and place.feature == "admin1"):
                self._count_admin1(_stem(mention.text), place)

    def _count_country(self, mention: _Mention, ranked: list[tuple[Candidate, float]]) -> None:
        """One mention of the country every plausible sense of the name lies in, if one."""
        country_of = {c.country for c in plausible(ranked)}
        if len(country_of) == 1 and None not in country_of:
            country = country_of.pop()
            # a name is no evidence for itself, nor is the street named after it
            name = _stem(mention.named_after or mention.text)
            self.support[country] += 1
            self.support_by_name[name][country] += 1
            if ranked[0][0].feature == "country" and mention.named_after is None:
                self.countries_at.append((self._sentence_of(mention), country, name))

    def _note_counties(self, name: str, ranked: list[tuple[Candidate, float]]) -> None:
        """A county name may be any county of that name; a town name counts only for its
        plausible senses, lest "Atlanta" vouch for every county with an Atlanta in it."""
        if name not in self.counties_named:
            self.counties_named[name] = {c.admin2 for c, _ in ranked if names_division(c)}
            self.counties_with_town[name] = {c.admin2 for c in plausible(ranked) if c.feature == "city" and c.admin2}
            self.counties_of_others.clear()

    def _counties_beside(self, name: str) -> Containment:
        """The counties the article's other names may be or hold a town of, each with
        how many names do. The other names' counts are summed once per name stem (every
        mention is resolved two or three times, against the same names)."""
        stem = _stem(name)
        if stem not in self.counties_of_others:
            named: Counter[str] = Counter()
            holding: Counter[str] = Counter()
            for other in self.counties_named:
                # "Madison" beside "Madison County" is one name twice, not a town and its county
                if _stem(other) != stem:
                    named.update(self.counties_named[other])
                    holding.update(self.counties_with_town[other])
            self.counties_of_others[stem] = (named, holding)
        named, holding = self.counties_of_others[stem]
        # but once "DeKalb" is settled as the Illinois town, "DeKalb County" is its county
        holding = Counter(holding)
        holding.update(self.counties_of_towns[stem])
        return Containment(named, holding)

    def _count_admin1(self, name: str, place: Candidate) -> None:
        if place.admin1 and place.feature in LOCAL_FEATURES:
            self.admin1[place.admin1] += 1
            self.admin1_by_name[name][place.admin1] += 1

    def resolve(self, mention: _Mention) -> Optional[Candidate]:
        """Pass 2: every name, ranked with the support of the other names, countries
        named nearby counting more (`NEARBY_SUPPORT`). A name the article once
        qualified ("Buffalo, New York") keeps that sense when it comes again alone. The
        source's home state counts as one more mention of that state."""
        if mention.qualifier is None and mention.text in self.qualified:
            return self.qualified[mention.text]
        name = _stem(mention.text)  # "Northeast Georgia" is no evidence for "Georgia"
        nearby = self._countries_near(mention, name)
        key = (*self._key(mention), nearby)
        if key not in self.senses:
            others = self.support - self.support_by_name[name]
            support = others + Counter(dict.fromkeys(nearby, NEARBY_SUPPORT))
            admin1 = self.admin1 - self.admin1_by_name[name] + Counter([self.home] if self.home else [])
            ranked = self._ranked(mention, support, admin1, self._counties_beside(mention.text))
            best = ranked[0][0] if ranked else None
            if best is not None and self._stray_alternate(mention, best, others):
                best = None
            self.senses[key] = best
        return self.senses[key]

    def _sentence_of(self, mention: _Mention) -> int:
        return bisect.bisect_right(self.sentence_starts, mention.start)

    def _countries_near(self, mention: _Mention, name: str) -> frozenset[str]:
        """Countries named in this sentence or the next or last one, by another name."""
        here = self._sentence_of(mention)
        return frozenset(
            country for sentence, country, other in self.countries_at
            if other != name and abs(sentence - here) <= NEARBY_SENTENCES
        )

    def _stray_alternate(self, mention: _Mention, town: Candidate, support: Mapping[str, int]) -> bool:
        """A town matched only through one of GeoNames' other names, in a country the
        article never names, while the article is plainly about another one: "Kalam"
        in a story from Pakistan is no Indian "Kallam" (the gazetteer lacks the Swat
        town). Such a name stays unplaced, and takes the article's country later."""
        if town.feature != "city" or mention.country is not None or support.get(town.country or "", 0) > 0:
            return False
        if town.population >= FAMOUS_CITY_POPULATION:  # "Kiev", "Quebec City": exonyms of known cities
            return False
        if self.gazetteer.ranked(mention.text, main_only=True):
            return False
        lead = max(support.values(), default=0)
        return lead >= cues()["article_country_mentions"]

    def rule(self, mention: _Mention, sense: Optional[Candidate]) -> Optional[str]:
        """Why `resolve` gave this sense (see `Place.rule`)."""
        if sense is None:
            return None
        if mention.country is not None:
            return "country-word"
        if mention.qualifier is None and self.qualified.get(mention.text) is sense:
            return "qualifier"  # the article qualified this name before: "Buffalo, New York ... Buffalo"
        area = self._qualifying_area(mention)[0] if mention.qualifier is not None else None
        if area is not None and _lies_in(sense, area):
            return "qualifier"
        return "gazetteer" if self.alone.get(id(mention)) == sense else "article-context"

    def cohere(self, mentions: list[_Mention]) -> None:
        """Pass 3: the states the pass-2 senses lie in become context too, and every name
        is ranked again: local news names its towns without their state ("Dublin",
        "Lebanon"), but the other towns it names are in that state."""
        self.admin1, self.admin1_by_name = Counter(), defaultdict(Counter)
        for mention in mentions:
            place = self.resolve(mention)
            if place is not None:
                self._count_admin1(_stem(mention.text), place)
                if place.feature == "city" and place.admin2:
                    self.counties_of_towns[_stem(mention.text)][place.admin2] += 1
        self.senses = {}
        for mention in mentions:
            if mention.qualifier is not None and mention.qualifier.contains is mention:
                place = self.resolve(mention)
                if place is not None:
                    self.qualified.setdefault(mention.text, place)


def _place(mention: _Mention, candidate: Optional[Candidate], rule: Optional[str]) -> Place:
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
        rule=rule,
    )


def _resolved_places(
    analysis: Analysis, mentions: list[_Mention], gazetteer: Gazetteer, home: Optional[str]
) -> list[Place]:
    """The article's mentions resolved in its context and the source's `home` state, each
    with the rule that placed it."""
    sentence_starts = [sentence.start_char for sentence in sentences(analysis.doc)]
    senses, rules = _resolved(mentions, gazetteer, sentence_starts, home)
    # what the home changed, it explains; it only ever draws names into its state
    if home is not None and any(sense is not None and sense.admin1 == home for sense in senses):
        without, _ = _resolved(mentions, gazetteer, sentence_starts, None)
        rules = ["source-home" if sense != alone else why for sense, alone, why in zip(senses, without, rules)]
    steps = (
        (_city_names_agree, "same-name-city"),
        (partial(_county_short_names, gazetteer=gazetteer), "county-named-in-full"),
    )
    for step, rule in steps:
        agreed = step(mentions, senses)
        rules = [rule if new is not old else why for new, old, why in zip(agreed, senses, rules)]
        senses = agreed
    places = _placed_within([_place(m, s, r) for m, s, r in zip(mentions, senses, rules)], analysis.text)
    return _placed_in_country(places, gazetteer)


def _resolved(
    mentions: list[_Mention], gazetteer: Gazetteer, sentence_starts: Sequence[int], home: Optional[str]
) -> tuple[list[Optional[Candidate]], list[Optional[str]]]:
    """Each mention's sense in the article's context, and the rule that chose it."""
    resolver = _Resolver(gazetteer, sentence_starts, home)
    resolver.settle_clear(mentions)
    resolver.cohere(mentions)
    senses = [resolver.resolve(m) for m in mentions]
    return senses, [resolver.rule(m, sense) for m, sense in zip(mentions, senses)]


def _city_names_agree(mentions: list[_Mention], senses: list[Optional[Candidate]]) -> list[Optional[Candidate]]:
    """"Dublin City" is the town the article's bare "Dublin" is: GeoNames lists "Dublin
    City" under Ireland's capital only, but "the Dublin City Council" of a story from
    Ohio is Ohio's."""
    towns: dict[str, Counter] = defaultdict(Counter)
    for mention, sense in zip(mentions, senses):
        if sense is not None and sense.feature == "city":
            towns[normalise(mention.text)][sense] += 1
    agreed = []
    for mention, sense in zip(mentions, senses):
        *name, last = mention.text.split() or [""]
        town = towns.get(normalise(" ".join(name))) if name and last.lower() == "city" else None
        agreed.append(town.most_common(1)[0][0] if town else sense)
    return agreed


def _county_short_names(
    mentions: list[_Mention], senses: list[Optional[Candidate]], gazetteer: Gazetteer
) -> list[Optional[Candidate]]:
    """"DeKalb" in a story that names "DeKalb County" is that county: local news drops the
    word once it has said it. A town of the name that lies in the county is meant where
    there is one; a national capital ("Washington" beside Washington County) stays."""
    counties: dict[str, Candidate] = {}
    for mention, sense in zip(mentions, senses):
        if sense is not None and names_division(sense) and _stem(mention.text) != normalise(mention.text):
            counties.setdefault(_stem(mention.text), sense)
    agreed = []
    for mention, sense in zip(mentions, senses):
        county = counties.get(normalise(mention.text))
        if county is None or (sense is not None and (sense.admin2 == county.admin2 or sense.capital)):
            agreed.append(sense)
            continue
        town = next((c for c in gazetteer.candidates(mention.text)
                     if c.feature == "city" and c.admin2 == county.admin2), None)
        agreed.append(town or county)
    return agreed


def _placed_within(places: list[Place], text: str) -> list[Place]:
    """Unresolved streets, buildings and villages placed at the town they lie in (see
    `facility_nouns` and `within_gap` in data/places.yaml): where a story happens matters
    more to a map than the gazetteer's silence about one street."""
    towns = [p for p in places if p.feature in TOWN_FEATURES and p.lat is not None]
    home = Counter((p.name, p.country, p.lat, p.lon) for p in towns).most_common(1)
    gap = re.compile(cues()["within_gap"], re.IGNORECASE)
    placed = []
    for index, place in enumerate(places):
        if place.lat is not None or place.country is not None:
            placed.append(place)
            continue
        words = normalise(place.text).split()
        facility = bool(words) and words[-1] in cues()["facility_nouns"]
        following = next((p for p in places[index + 1 :] if p.start >= place.end), None)
        if (
            following is not None and following.feature in TOWN_FEATURES | {"admin1"} and following.lat is not None
            and gap.match(text[place.end : following.start])
        ):
            where = (following.name, following.country, following.lat, following.lon)
        elif facility and home:
            where = home[0][0]
        else:
            placed.append(place)
            continue
        name, country, lat, lon = where
        placed.append(msgspec.structs.replace(
            place, country=country, lat=lat, lon=lon, feature="facility" if facility else "locality", within=name,
            rule="within-town",
        ))
    return placed


def _placed_in_country(places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """Names still unplaced get the country nearly all the article's placed names lie in
    (see `article_country_share` in data/places.yaml): an analyst filtering a local story
    by country should find its creek and township, though no map can show them."""
    countries = Counter(p.country for p in places if p.country is not None and p.lat is not None)
    if not countries:
        return places
    country, count = countries.most_common(1)[0]
    named = gazetteer.country(country)
    lex = cues()
    few = count < lex["article_country_mentions"] or count < lex["article_country_share"] * countries.total()
    if named is None or few:
        return places
    return [
        msgspec.structs.replace(p, country=country, within=named.name, rule="article-country")
        if p.country is None and p.lat is None else p
        for p in places
    ]
