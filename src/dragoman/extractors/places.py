"""Toponyms: place names in the article resolved against the offline gazetteer.

Mentions come from the tagger's GPE/LOC/FAC entities, plus what it labels
otherwise but a reader takes as a place: country adjectives and demonyms
("Russian troops", "Palestinians": a reference to the country, feature
"country"), organisations that are just a country or a big city's name
("the U.S. said", "Milan won") or that contain one ("Air Zimbabwe"),
capitalised names that the words around them mark as places ("the town of
Qarzabad", "Tarin district", "rallied in Sardinia", "a Gainesville man",
"strikes on Khan Younis"), other occurrences of a name the tagger labelled a
place once, and upper-case datelines ("BEIRUT:"). A name the tagger cut short
runs on to the longer name the gazetteer knows ("Guinea" + "-Bissau", "Democratic
Republic" + "of the Congo"); a place's name at the head of a street's is the street
("Northumberland Avenue"); a name used for a disease ("West Nile virus") is no
place in that article.

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

import bisect
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Collection, Iterable, Mapping, Optional, Sequence

import msgspec
import yaml

from ..analysis import Analysis
from ..annotate.views import doc_text, doc_tokens, sentences
from ..pipeline import component
from ..records import Entity, Place
from ..resolve import registry as known_actors
from ..resolve import source_homes
from ..resolve.countries import lookup as country_lookup
from ..resolve.gazetteer import (
    AREA_FEATURES, DIVISION_WORDS_IN_TEXT, FAMOUS_CITY_POPULATION, GENERIC_DIVISION_NAMES,
    HAMLET_POPULATION, LOCAL_FEATURES, METROPOLIS_POPULATION, Candidate, Containment, Gazetteer, is_clear,
    load_gazetteer, names_division, normalise, plausible,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CUES = Path(__file__).resolve().parent.parent / "data" / "places.yaml"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# labels whose span may still be a place name the tagger mislabelled
OTHER_NAME_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"}
# labels under which the tagger often puts a place name it does not know
MISLABELLED_NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}
# labels of things that are no names at all: they never belong to a place's name
NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
COUNTRY_KINDS = {"name", "alias", "demonym"}
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
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
# a party label before a lawmaker's home town: "Rep. Vicki Lensing, D-Iowa City"
_PARTY_LABEL = re.compile(r"^[DRI]-(?=[A-Z])")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# "Washington state", "the state of Washington", "upstate New York": the text asks for
# the state, not the city
_STATE_AFTER = re.compile(r"\s+state\b")  # matched at the mention's end
_STATE_BEFORE = re.compile(r"\b(?:state of|upstate|downstate)\s+$", re.IGNORECASE)
# "Paris, Texas": a comma and a second toponym that qualifies the first
_QUALIFIER_GAP = re.compile(r"^,\s*$")
# "Paris, Lyon and Nice": after the second name the list goes on, so it qualifies nothing
# ("Buffalo, New York, died": a comma before a lower-case word closes the qualifier)
_LIST_GOES_ON = re.compile(r"\s*(?:and\b|or\b|,\s*(?:and\b|or\b|[A-Z]))")
# between two items of a list: "Ohio, New York and Texas"
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or))\s*$")
# a dateline: an upper-case place name, maybe its state or agency, then a dash or colon
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?\n]\s))([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*)"  # the name, at a sentence start
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?"  # ", Ohio"
    r"\s*(?:\([A-Za-z ]+\)\s*)?"  # "(AP)"
    r"(?:--|—|–|-\s|:\s)"
)
# a word after a name that may continue it: ". PAUL", "-Bissau", " do Sul"
_WORD_AFTER = re.compile(r"[ .-]{1,2}([A-Za-z][\w'’]*\.?)")
# a capitalised word right before a name that may begin it: "Goz Beida", "Cuvette-Ouest"
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’]*[ -]$")
RUN_ON_WORDS = 4
RUN_BACK_WORDS = 2
# the word after a name: "West Nile virus"
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
# a possessive ending right after a name: "New York's attorney general"
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s)?")
# "the Qatari capital" (not followed by the capital's own name)
_CAPITAL_AFTER = re.compile(r"\s+capital\b(?!\s+(?:city\s+)?[A-Z])")


@lru_cache(maxsize=1)
def cues() -> dict:
    """data/places.yaml, word lists as sets."""
    with open(CUES, encoding="utf-8") as f:
        return {key: set(value) if isinstance(value, list) else value for key, value in yaml.safe_load(f).items()}


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    feature: Optional[str] = None  # "admin1" when the text says "state"
    qualifier: Optional["_Mention"] = None
    country: Optional[str] = None  # ISO3 when the words name a country ("Russian")
    capital: bool = False  # the words name the country's capital ("the Qatari capital")
    contains: Optional["_Mention"] = None  # the town this one qualifies: "Calamba City" of "Calamba City, Laguna"
    named_after: Optional[str] = None  # a street's namesake ("Northumberland" of "Northumberland Avenue")


def _trim(text: str, start: int, end: int) -> _Mention:
    """The bare name: no leading "the" or party label, no possessive ending."""
    for prefix in (_LEADING_ARTICLE, _PARTY_LABEL):
        found = prefix.match(text)
        if found:
            text, start = text[found.end():], start + found.end()
    possessive = _POSSESSIVE.search(text)
    if possessive and possessive.start() > 0:
        text, end = text[: possessive.start()], end - len(possessive.group())
    return _Mention(text=text, start=start, end=end)


def _country_reference(text: str, kinds: set[str]) -> Optional[str]:
    """ISO3 of a country the text names by one of these kinds of name, or None."""
    entry = country_lookup(text)
    if entry is None or entry.kind not in kinds or len(entry.code) != 3 or entry.code == "IGO":
        return None
    return entry.code


def _stands_for_place(name: str, gazetteer: Gazetteer, min_population: Optional[int]) -> bool:
    """A name a reader takes as a place even inside an organisation's name: a country,
    state, continent, region ("EU"), "<name> County", or a town of at least
    `min_population` (None: no town)."""
    if _country_reference(name, {"name", "alias"}) is not None:
        return True
    words = name.split()
    if len(words) > 1 and words[-1].lower() in DIVISION_WORDS_IN_TEXT:
        return True
    ranked = gazetteer.ranked(name)
    best = ranked[0][0] if ranked else None
    return best is not None and (
        best.feature in {"continent", "country", "region"}
        or _known_division(best)
        or (best.feature == "city" and min_population is not None and best.population >= min_population)
    )


def _known_division(place: Candidate) -> bool:
    """A state, province or county a reader recognises inside an organisation's name."""
    return (
        place.feature in {"admin1", "admin2"}
        and normalise(place.name) not in GENERIC_DIVISION_NAMES
        and (place.population == 0 or place.population >= cues()["embedded_division_population"])
    )


def _capital_phrase(mention: _Mention, text: str) -> _Mention:
    """"the Qatari capital" names Doha: the demonym and "capital" become one mention of
    the country's capital, unless the capital is named right after ("the Afghan
    capital Kabul", where the name is the mention)."""
    following = _CAPITAL_AFTER.match(text, mention.end)
    if following is None:
        return mention
    return _Mention(
        text=text[mention.start : following.end()], start=mention.start, end=following.end(),
        country=mention.country, capital=True,
    )


def _tagged_place(entity: Entity, text: str) -> _Mention:
    """A GPE/LOC/FAC mention; the tagger sometimes puts a country adjective there too."""
    mention = _trim(entity.text, entity.start, entity.end)
    mention.country = _country_reference(mention.text, {"demonym"})
    return _capital_phrase(mention, text) if mention.country else mention


def _relabelled(entity: Entity, text: str, gazetteer: Gazetteer) -> Optional[_Mention]:
    """A non-place entity that is itself a place reference: "Russian"/"Palestinians"
    (NORP) refer to their country; an organisation that is only a place's name ("the
    U.S.", "Milan", "Hartford police") stands for it."""
    mention = _trim(entity.text, entity.start, entity.end)
    if entity.label == "NORP":
        mention.country = _country_reference(mention.text, COUNTRY_KINDS)
        if mention.country is None and not gazetteer.ranked(mention.text, feature="region"):
            return None
        return _capital_phrase(mention, text) if mention.country else mention
    if entity.label != "ORG":
        return None
    mention.country = _country_reference(mention.text, {"name", "alias"})
    if mention.country is not None or _stands_for_place(
        mention.text, gazetteer, cues()["organisation_city_population"]
    ):
        return mention
    return None


def _embedded(doc: "Doc", entity: Entity, gazetteer: Gazetteer) -> list[_Mention]:
    """Place names inside an organisation's or facility's name: "the Nevada Water
    Authority", "University of Toledo", "Marion County Sheriff"."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return []
    tokens = [t for t in span if t.lower_ != "the"]
    country = _country_reference(tokens[0].text, {"demonym"}) if tokens else None
    if country is not None:  # "Ukrainian drones", "the Canadian Coast Guard"
        first = tokens[0]
        return [_Mention(text=first.text, start=first.idx, end=first.idx + len(first.text), country=country)]
    runs = [_leading_names(tokens)]
    runs += [_leading_names(tokens[i + 1 :]) for i, t in enumerate(tokens[:-1]) if t.lower_ == "of"]
    # "the East Texas Environmental Concerns Organization": the place after its compass word
    runs += [run[1:] for run in runs if len(run) > 1 and run[0].lower_ in cues()["compass_words"]]
    found = []
    for run in runs:
        for size in range(min(len(run), len(tokens) - 1), 0, -1):
            first, last = run[0], run[size - 1]
            name = doc_text(doc)[first.idx : last.idx + len(last.text)]
            if size == 1 and first.lower_ in cues()["name_words"]:
                continue  # "Central Bank": a word, not the town
            # "KTV News": an acronym is a town only if it is a state or country ("NSW Health")
            min_population = cues()["embedded_city_population"] if not name.isupper() else None
            if _stands_for_place(name, gazetteer, min_population):
                found.append(_Mention(text=name, start=first.idx, end=last.idx + len(last.text)))
                break
    trailing = _trailing_area(doc, tokens, gazetteer)
    if trailing is not None and not any(m.start < trailing.end and trailing.start < m.end for m in found):
        found.append(trailing)
    return found


def _trailing_area(doc: "Doc", tokens: list["Token"], gazetteer: Gazetteer) -> Optional[_Mention]:
    """A country or state an organisation's name ends with: "Air Zimbabwe", "HSBC
    Malta", "FrontCounter BC" (a town there is too often part of a brand)."""
    for size in (2, 1):
        if len(tokens) <= size:
            continue
        tail = tokens[-size:]
        if any(t.pos_ != "PROPN" for t in tail):
            continue
        first, last = tail[0], tail[-1]
        name = doc_text(doc)[first.idx : last.idx + len(last.text)]
        mention = _Mention(text=name, start=first.idx, end=last.idx + len(last.text))
        mention.country = _country_reference(name, {"name"})
        ranked = gazetteer.ranked(name, main_only=True) if mention.country is None else []
        if mention.country is not None or (ranked and _known_division(ranked[0][0])):
            return mention
    return None


def _leading_names(tokens: list["Token"]) -> list["Token"]:
    """The capitalised proper nouns an organisation's name starts with, unless they are
    part of a hyphenated brand ("Wal-Mart")."""
    names = []
    for token in tokens:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        names.append(token)
    following = names[-1].i + 1 if names else None
    if following is not None and following < len(names[-1].doc) and names[-1].doc[following].text == "-":
        return []
    return names


def _proper_runs(doc: "Doc") -> Iterable[tuple["Token", "Token"]]:
    """(first, last) tokens of each run of capitalised proper nouns; a date or number
    the tagger found ends the run ("in Corsica Thursday" holds the name "Corsica")."""
    run: list["Token"] = []
    for token in doc_tokens(doc):
        if token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in NOT_NAME_LABELS:
            run.append(token)
            continue
        if run:
            yield run[0], run[-1]
        run = []
    if run:
        yield run[0], run[-1]


def _cued(first: "Token", last: "Token", gazetteer: Gazetteer) -> bool:
    """Words around a name that make it a place: "<name> district", "the town of <name>",
    or, when the gazetteer knows the name, "in <name>", "the outskirts of <name>",
    "captured <name>", "<name> was captured", and, for a town of some size, "<name>'s
    streets"."""
    doc, lex = first.doc, cues()
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.lower_ in lex["place_type_nouns"]:
        return True
    if first.i >= 2 and doc[first.i - 1].lower_ == "of" and doc[first.i - 2].lemma_.lower() in lex["place_type_nouns"]:
        return True
    name = doc_text(doc)[first.idx : last.idx + len(last.text)]
    if _owns_a_place(last) and _echoable(name, gazetteer):
        return True
    before = doc[first.i - 1] if first.i >= 1 else None
    around = first.i >= 2 and before.lower_ == "of" and doc[first.i - 2].lemma_.lower() in lex["surroundings_nouns"]
    taken_by_verb = last.head.lemma_.lower() in lex["place_object_verbs"] and (
        last.dep_ == "dobj" or (last.dep_ == "nsubjpass" and _captured_place(last, name, gazetteer))
    )
    # "in <name>" only when the name is what the preposition governs, not a word
    # describing the place that follows ("based in Christian east Beirut")
    governed = before is not None and before.lower_ in lex["place_prepositions"] and last.head.i == before.i
    if not (taken_by_verb or around or governed):
        return False
    return bool(gazetteer.ranked(name))


def _captured_place(last: "Token", name: str, gazetteer: Gazetteer) -> bool:
    """People are captured too: a passive subject counts as a place only when the
    tagger did not call it a person and it is a place of some size ("Gibraltar was
    captured")."""
    return last.ent_type_ != "PERSON" and _echoable(name, gazetteer)


def _owns_a_place(last: "Token") -> bool:
    """"Grozny's streets", "Kabul's airport": a name whose possessive is a place noun."""
    doc = last.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].lower_ not in {"'s", "’s"}:
        return False
    owned = next((t for t in doc[last.i + 2 : last.i + 5] if t.pos_ in {"NOUN", "PROPN"}), None)
    return owned is not None and owned.lemma_.lower() in cues()["place_nouns"]


def _overlap_test(spans: list[tuple[int, int]]):
    """Whether [start, end) overlaps one of these (start, end) spans, sorted: a bisection and
    the furthest end among the spans starting before `end`, instead of a pass over them all
    for each of an article's proper-noun runs."""
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans[:k] start before `end`
        return k > 0 and reach[k - 1] > start

    return overlaps


def _untagged(analysis: Analysis, taken: list[tuple[int, int]], gazetteer: Gazetteer) -> list[_Mention]:
    """Names the tagger missed or called a person, that their context marks as places."""
    # a name the tagger called a person, organisation or product may still be a place
    # ("rallied in Sardinia"); numbers, dates and the like are not names
    blocked = sorted(taken + [(e.start, e.end) for e in analysis.entities if e.label not in MISLABELLED_NAME_LABELS])
    overlaps = _overlap_test(blocked)
    surnames = _surnames(analysis)
    found = []
    for first, last in _proper_runs(analysis.doc):
        start, end = first.idx, last.idx + len(last.text)
        if overlaps(start, end):
            continue
        name = doc_text(analysis.doc)[start:end]
        named_by_context = _residents_of(first, last, gazetteer) or _aimed_at(first, last, gazetteer)
        if _cued(first, last, gazetteer) or _qualified_town(first, last, gazetteer) or (
            name.lower() not in surnames and named_by_context
        ):
            found.append(_trim(name, start, end))
    return found


def _qualified_town(first: "Token", last: "Token", gazetteer: Gazetteer) -> bool:
    """"Buffalo, New York could take them" at a sentence start: a name the tagger
    missed, then a comma and a state or country it did tag, one that holds a town of
    that name."""
    doc = first.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != "," or doc[last.i + 2].ent_iob_ != "B":
        return False
    qualifier = next((e for e in doc.ents if e.start == last.i + 2), None)
    if qualifier is None or qualifier.label_ != "GPE":
        return False
    areas = [c for c, _ in gazetteer.ranked(qualifier.text) if c.feature in {"country", "admin1"}]
    towns = [c for c, _ in gazetteer.ranked(doc_text(doc)[first.idx : last.idx + len(last.text)], main_only=True)]
    return any(_lies_in(town, area) for town in towns for area in areas[:1])


def _surnames(analysis: Analysis) -> set[str]:
    """Last words of the article's multi-word person names ("Kelly" of "John Kelly")."""
    return {e.text.split()[-1].lower() for e in analysis.entities if e.label == "PERSON" and " " in e.text}


def _residents_of(first: "Token", last: "Token", gazetteer: Gazetteer) -> bool:
    """"A Gainesville man", "Alexandria police", "Dublin City Council": a town's name
    before a noun for its people or its offices, as local news writes, when the town
    is no hamlet (small towns share their names with people)."""
    doc = first.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is None or after.lower_ not in cues()["resident_nouns"]:
        return False
    name = doc_text(doc)[first.idx : last.idx + len(last.text)]
    return name.lower() not in cues()["name_words"] and _echoable(name, gazetteer)


def _aimed_at(first: "Token", last: "Token", gazetteer: Gazetteer) -> bool:
    """"Strikes on Khan Younis", "the siege of Mariupol", "residents of Port Moresby": a
    name governed by "on" after an attack noun, or by "of" after a noun for what befalls
    a place or for its people, when it is a town of some size and no one the actor
    registry knows ("attacks on Obama")."""
    doc, lex = first.doc, cues()
    if first.i < 2 or last.head.i != first.i - 1:
        return False
    preposition, noun = doc[first.i - 1].lower_, doc[first.i - 2].lemma_.lower()
    nouns = lex["attack_nouns"] if preposition == "on" else lex["siege_nouns"] | lex["resident_nouns"]
    if preposition not in {"on", "of"} or noun not in nouns:
        return False
    name = doc_text(doc)[first.idx : last.idx + len(last.text)]
    return _echoable(name, gazetteer, by_any_name=True) and known_actors.lookup(name) is None


def _echoes(analysis: Analysis, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """Other occurrences of a name the tagger took for a place elsewhere in the article:
    a name keeps its sense throughout a story, though the tagger may call "Gainesville"
    a place in one sentence and a person in the next ("A Gainesville man ..."). Only a
    run of proper nouns that is exactly that name counts ("Abraham Lincoln" does not
    echo "Lincoln")."""
    surnames = _surnames(analysis)
    places = {
        m.text.lower() for m in mentions
        if m.country is None and m.text.lower() not in surnames and _echoable(m.text, gazetteer)
    }
    if not places:
        return []
    taken = [(m.start, m.end) for m in mentions]
    blocked = taken + [(e.start, e.end) for e in analysis.entities if e.label not in MISLABELLED_NAME_LABELS]
    text, found = doc_text(analysis.doc), []
    for first, last in _proper_runs(analysis.doc):
        start, end = first.idx, last.idx + len(last.text)
        if text[start:end].lower() in places and not any(s < end and start < e for s, e in blocked):
            found.append(_Mention(text=text[start:end], start=start, end=end))
    return found


def _echoable(name: str, gazetteer: Gazetteer, by_any_name: bool = False) -> bool:
    """A name worth spreading: a known place that is no ordinary word and no hamlet,
    known by its own name (or, `by_any_name`, by one of GeoNames' other names too)."""
    ranked = gazetteer.ranked(name, main_only=not by_any_name)
    return bool(ranked) and name.lower() not in cues()["name_words"] and (
        ranked[0][0].feature != "city" or ranked[0][0].population >= cues()["echo_city_population"]
    )


def _datelines(text: str, taken: list[tuple[int, int]], gazetteer: Gazetteer) -> list[_Mention]:
    """"COLUMBUS -- The ...", "BEIRUT (Reuters) -", "BEIRUT: ...": the upper-case place a
    wire story is filed from, which the tagger rarely labels."""
    found = []
    for match in _DATELINE.finditer(text):
        start, end = match.span(1)
        if not any(s < end and start < e for s, e in taken) and gazetteer.ranked(match.group(1), main_only=True):
            found.append(_Mention(text=match.group(1), start=start, end=end))
    return found


def _completed(mentions: list[_Mention], text: str, gazetteer: Gazetteer) -> list[_Mention]:
    """Mentions widened to the longer names they are part of (`_widened`); what a longer
    name covers is then one mention."""
    by_span: dict[tuple[int, int], _Mention] = {}
    for mention in mentions:
        widened = _widened(mention, text, gazetteer)
        by_span.setdefault((widened.start, widened.end), widened)
    return _one_per_span(list(by_span.values()), gazetteer)


def _one_per_span(mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """One mention where one lies inside another: the longer if the gazetteer knows it
    ("Democratic Republic of the Congo"), else the place named inside it ("Mount
    Pleasant" in "the Mount Pleasant Civic Center")."""
    dropped: set[int] = set()
    for outer in mentions:
        inner = [m for m in mentions if m is not outer and outer.start <= m.start and m.end <= outer.end]
        if not inner:
            continue
        if gazetteer.ranked(outer.text):
            dropped.update(id(m) for m in inner)
        else:
            dropped.add(id(outer))
    return [m for m in mentions if id(m) not in dropped]


def _widened(mention: _Mention, text: str, gazetteer: Gazetteer) -> _Mention:
    """The longest name the gazetteer knows that holds the mention and reaches at most a
    few words on or back: the tagger cuts "the Democratic Republic of the Congo",
    "Guinea-Bissau", "Rio Grande do Sul", "ST. PAUL" and "Goz Beida" short."""
    if mention.capital:
        return mention
    particles = cues()["name_particles"]
    ends, position = [mention.end], mention.end
    for _ in range(RUN_ON_WORDS):
        word = _WORD_AFTER.match(text, position)
        if word is None or not (word.group(1)[0].isupper() or word.group(1).lower() in particles):
            break
        position = word.end()
        if word.group(1).lower() not in particles:  # a name does not end on "of" or "do"
            ends.append(position)
    starts, position = [mention.start], mention.start
    for _ in range(RUN_BACK_WORDS):
        word = _WORD_BEFORE.search(text, max(0, position - 40), position)
        if word is None:
            break
        if word.group().strip(" -").lower() in particles:  # "The Minnesota House"
            break
        position = word.start()
        starts.append(position)
    longest = mention
    for start in starts:
        for end in ends:
            name = text[start:end]
            if len(name) > len(longest.text) and gazetteer.ranked(name, main_only=True):
                longest = _Mention(text=name, start=start, end=end, feature=mention.feature)
    return longest


def _street(mention: _Mention, text: str) -> _Mention:
    """The whole street when a place's name is the first part of one ("Frenchmen
    Street", "Hampton Ave."), but not "Paris St. Germain", and not a county's road
    ("Douglas County Road 4" lies in the county)."""
    found = _WORD_AFTER.match(text, mention.end)
    if found is None or found.group().startswith(("-", ".")):
        return mention
    noun, stop = found.group(1).rstrip("."), found.group(1).endswith(".")
    if noun not in cues()["street_nouns"] or mention.text.split()[-1].lower() in DIVISION_WORDS_IN_TEXT:
        return mention
    abbreviated = stop and noun in cues()["street_abbreviations"]
    if abbreviated and re.match(r"\s+[A-Z]", text[found.end():]):  # "St. Germain", "St. Louis"
        return mention
    # a stop belongs to an abbreviation ("Ave."), not to "Street." ending a sentence
    end = found.end() - (1 if stop and not abbreviated else 0)
    return _Mention(text=text[mention.start : end], start=mention.start, end=end, named_after=mention.text)


def _without_named_things(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Drop names that the article uses for something named after a place: a name
    followed anywhere by "virus", "fever", ... ("West Nile virus", "the Marburg
    virus") is the disease throughout the article, not the place."""
    words = cues()["named_after_place_nouns"]
    things = {
        m.text.lower() for m in mentions
        if (following := _NEXT_WORD.match(text, m.end)) is not None and following.group(1).lower() in words
    }
    return [m for m in mentions if m.text.lower() not in things]


def _mentions(analysis: Analysis, gazetteer: Gazetteer) -> list[_Mention]:
    """Place mentions, in text order, with the cues around them ("state", ", Texas")."""
    text = analysis.text
    mentions = [_tagged_place(e, text) for e in analysis.entities if e.label in PLACE_LABELS]
    for entity in analysis.entities:
        if entity.label not in OTHER_NAME_LABELS and entity.label != "FAC":
            continue
        whole = _relabelled(entity, analysis.text, gazetteer) if entity.label in OTHER_NAME_LABELS else None
        if whole is not None:
            mentions.append(whole)
        elif entity.label in {"ORG", "FAC"}:
            mentions += _embedded(analysis.doc, entity, gazetteer)
    mentions = [m for m in mentions if m.text.strip()]
    mentions += _untagged(analysis, [(m.start, m.end) for m in mentions], gazetteer)
    mentions += _echoes(analysis, mentions, gazetteer)
    mentions += _datelines(text, [(m.start, m.end) for m in mentions], gazetteer)
    mentions = [_street(m, text) for m in _completed(mentions, text, gazetteer)]
    mentions = _without_named_things(mentions, text)
    mentions.sort(key=lambda m: m.start)
    for mention, following, third in zip(mentions, mentions[1:] + [None], mentions[2:] + [None, None]):
        if _STATE_AFTER.match(text, mention.end) or _state_word_before(text, mention.start):
            mention.feature = "admin1"
        if following is not None and _QUALIFIER_GAP.match(text[mention.end : following.start]):
            mention.qualifier = following
            # "Paris, Lyon and Nice" goes on to another place; "Buffalo, New York, died" does not,
            # nor does "Stroud, Ontario, Canada", where each name holds the one before
            listed = third is not None and _LIST_GAP.match(text[following.end : third.start])
            chain = listed and _holds(third, following, text, gazetteer)
            if chain or (not listed and not _LIST_GOES_ON.match(text, following.end)):
                following.contains = mention
    for index, mention in enumerate(mentions):
        neighbours = mentions[max(0, index - 1) : index] + mentions[index + 1 : index + 2]
        if mention.feature is None and _said_as_state(mention, neighbours, text, gazetteer):
            mention.feature = "admin1"
    return mentions


def _state_word_before(text: str, start: int) -> bool:
    """Whether "state of", "upstate" or "downstate" ends just before `start`, spaces
    between. Only the few characters before are searched: searching all the text before
    each mention made long articles quadratic."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end < start and _STATE_BEFORE.search(text, max(0, end - 10), start) is not None


def _holds(country: _Mention, area: _Mention, text: str, gazetteer: Gazetteer) -> bool:
    """Whether "Ontario, Canada" names a province and then its country: a comma, no list
    word, and a first-level division of that name in the country the second name means."""
    if not _QUALIFIER_GAP.match(text[area.end : country.start]):
        return False
    ranked = gazetteer.ranked(country.text)
    if not ranked or ranked[0][0].feature != "country":
        return False
    return any(_lies_in(c, ranked[0][0]) for c, _ in gazetteer.ranked(area.text, feature="admin1", main_only=True))


def _said_as_state(mention: _Mention, neighbours: list[_Mention], text: str, gazetteer: Gazetteer) -> bool:
    """A name that is a state as well as a city ("New York") is the state where the text
    uses it as one: after a town of that state ("Buffalo, New York"), before a state
    office ("the New York governor"), or in a list of other states ("Ohio, New York
    and Texas")."""
    states = gazetteer.ranked(mention.text, feature="admin1", main_only=True) if mention.country is None else []
    if not states or normalise(states[0][0].name) != normalise(mention.text):
        return False
    top = gazetteer.resolve(mention.text)
    if top is not None and top.feature == "country":  # "the Mexico border" is the country's
        return False
    following = _NEXT_WORD.match(text, mention.end + len(_POSSESSIVE_AFTER.match(text, mention.end).group()))
    if following is not None and following.group(1).lower() in cues()["state_office_words"]:
        return True
    for other in neighbours:
        town_senses = gazetteer.ranked(other.text) if other.qualifier is mention else []
        if any(c.admin1 == states[0][0].admin1 for c, _ in town_senses):
            return True
        gap = text[min(mention.end, other.end) : max(mention.start, other.start)]
        # "Texas and Washington, D.C.": a name qualified by a town is a town
        country = states[0][0].country
        listed = _LIST_GAP.match(gap) and (
            mention.qualifier is None or _is_state(mention.qualifier.text, gazetteer, country)
        )
        if listed and _is_state(other.text, gazetteer, country):
            return True
    return False


def _is_state(name: str, gazetteer: Gazetteer, country: Optional[str] = None) -> bool:
    """Whether the name, without context, means a state or province ("Ohio"), of
    `country` if given ("Santa Ana, California" lists no two states of one country)."""
    ranked = gazetteer.ranked(name)
    return bool(ranked) and ranked[0][0].feature == "admin1" and country in (None, ranked[0][0].country)


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
    if len(words) > 1 and words[0].lower() in lex["compass_words"] and words[1].lower() not in lex["compass_words"]:
        names.append((" ".join(words[1:]), False))
    last = words[-1].lower() if words else ""
    if len(words) > 1 and last in DIVISION_WORDS_IN_TEXT | lex["settlement_suffixes"]:
        names.append((" ".join(words[:-1]), last in lex["local_division_nouns"]))
    return names


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


def _smaller(place: Candidate, area: Candidate) -> bool:
    """Whether `place` is of a narrower kind than `area` (`feature_breadth`): a town or
    province may lie in a country, a country not in another."""
    breadth = cues()["feature_breadth"]
    return breadth.get(place.feature, 0) < breadth[area.feature]


def _lies_in(place: Candidate, area: Candidate) -> bool:
    """Whether `place` is smaller than the country, state or county `area` and lies in it."""
    if not _smaller(place, area):
        return False
    if area.feature == "country":
        return place.country == area.country
    if area.feature == "admin1":
        return place.admin1 == area.admin1
    return place.admin2 == area.admin2


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

    def _counties_beside(self, name: str) -> Containment:
        """The counties the article's other names may be or hold a town of, each with
        how many names do."""
        named: Counter[str] = Counter()
        holding: Counter[str] = Counter()
        for other in self.counties_named:
            # "Madison" beside "Madison County" is one name twice, not a town and its county
            if _stem(other) != _stem(name):
                named.update(self.counties_named[other])
                holding.update(self.counties_with_town[other])
        # but once "DeKalb" is settled as the Illinois town, "DeKalb County" is its county
        holding.update(self.counties_of_towns[_stem(name)])
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
