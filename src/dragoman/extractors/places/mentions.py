"""Place mentions: the tagger's places, the names it mislabelled or missed that the words
around them mark as places, echoes and datelines, widened to the name the gazetteer knows.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import yaml

from ...analysis import Analysis
from ...annotate.views import doc_ents, doc_text, doc_tokens, span_at
from ...records import Entity
from ...resolve import registry as known_actors
from ...resolve.countries import is_state, lookup as country_lookup
from ...resolve.dateline import dateline_places
from ...resolve.gazetteer import (
    DIVISION_WORDS_IN_TEXT,
    GENERIC_DIVISION_NAMES,
    Candidate,
    Gazetteer,
    normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


CUES = Path(__file__).resolve().parents[2] / "data" / "places.yaml"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# labels whose span may still be a place name the tagger mislabelled
OTHER_NAME_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"}
# labels under which the tagger often puts a place name it does not know
MISLABELLED_NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}
# labels of things that are no names at all: they never belong to a place's name
NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
COUNTRY_KINDS = {"name", "alias", "demonym"}
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
# a word after a name that may continue it: ". PAUL", "-Bissau", " do Sul"
_WORD_AFTER = re.compile(r"[ .-]{1,2}([A-Za-z][\w'’]*\.?)")
# a capitalised word right before a name that may begin it: "Goz Beida", "Cuvette-Ouest"
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’]*[ -]$")
RUN_ON_WORDS = 4
RUN_BACK_WORDS = 2
_ABBREVIATION = 4  # characters, stop included: "St.", "Mt.", "Ste.", "D.C." end no sentence
# the word after a name: "West Nile virus"
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
# the lower-case word that ends right before a name, one space between: "wife Florence"
_WORD_ENDING = re.compile(r"(?<![\w'’-])([a-zé]+) $")
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
    if entry is None or entry.kind not in kinds or len(entry.code) != 3 or not is_state(entry.code):
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
    span = span_at(doc, entity.start, entity.end)
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
    runs += [run[1:] for run in runs if len(run) > 1 and run[0].lower_ in cues()["compass_words"]
             and not (len(run) == 2 and run[1].lower_ in cues()["area_part_nouns"])]  # "South Side"
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


def _proper_runs(doc: "Doc") -> list[tuple["Token", "Token"]]:
    """(first, last) tokens of each run of capitalised proper nouns; a date or number
    the tagger found ends the run ("across Corsica Thursday" holds the name "Corsica").
    Listed once per article: the untagged names and their echoes both walk them."""
    runs: list[tuple["Token", "Token"]] = []
    run: list["Token"] = []
    for token in doc_tokens(doc):
        if token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in NOT_NAME_LABELS:
            run.append(token)
            continue
        if run:
            runs.append((run[0], run[-1]))
        run = []
    if run:
        runs.append((run[0], run[-1]))
    return runs


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
    # describing the place that follows ("printed in Christian north Lebanon")
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


def _untagged(
    analysis: Analysis, runs: list[tuple["Token", "Token"]], taken: list[tuple[int, int]], gazetteer: Gazetteer
) -> list[_Mention]:
    """Names the tagger missed or called a person, that their context marks as places."""
    # a name the tagger called a person, organisation or product may still be a place
    # ("rallied in Sardinia"); numbers, dates and the like are not names
    blocked = sorted(taken + [(e.start, e.end) for e in analysis.entities if e.label not in MISLABELLED_NAME_LABELS])
    overlaps = _overlap_test(blocked)
    surnames = _surnames(analysis)
    found = []
    for first, last in runs:
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
    qualifier = next((e for e in doc_ents(doc) if e.start == last.i + 2), None)
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
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.text[:1].isupper() and before.lower_ in cues()["compass_words"]:
        return False  # "a South Side woman": the name is "South Side", whatever "Side" alone may be
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


def _echoes(
    analysis: Analysis, runs: list[tuple["Token", "Token"]], mentions: list[_Mention], gazetteer: Gazetteer
) -> list[_Mention]:
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
    for first, last in runs:
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


def _datelines(text: str, taken: list[tuple[int, int]]) -> list[_Mention]:
    """"COLUMBUS -- The ...", "Hanoi (VNA) -", "BEIRUT: ...": the place a wire story is
    filed from, which the tagger rarely labels."""
    return [_Mention(text=text[start:end], start=start, end=end) for start, end in dateline_places(text)
            if not any(s < end and start < e for s, e in taken)]


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
        stop = word.group(1).endswith(".") and len(word.group(1)) > _ABBREVIATION  # "Congo." ends a sentence
        if word.group(1).lower() not in particles:  # a name does not end on "of" or "do"
            ends.append(position - 1 if stop else position)
        if stop:
            break
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


def _without_kin_names(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Drop a one-word name right after a noun for a relative ("his son Jackson",
    "girlfriend Olivia"): many given names are also small towns somewhere, and a town
    read into a family list drags the article's scene abroad."""
    kin = cues()["kin_nouns"]

    def after_kin(mention: _Mention) -> bool:
        before = _WORD_ENDING.search(text, max(0, mention.start - 20), mention.start)
        return before is not None and before.group(1) in kin
    return [m for m in mentions if m.country is not None or " " in m.text or not after_kin(m)]


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
    runs = _proper_runs(analysis.doc)
    mentions += _untagged(analysis, runs, [(m.start, m.end) for m in mentions], gazetteer)
    mentions += _echoes(analysis, runs, mentions, gazetteer)
    mentions += _datelines(text, [(m.start, m.end) for m in mentions])
    mentions = [_street(m, text) for m in _completed(mentions, text, gazetteer)]
    mentions = _without_kin_names(_without_named_things(mentions, text), text)
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
