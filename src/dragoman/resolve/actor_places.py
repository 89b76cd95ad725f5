"""Countries from places in actor phrases: a demonym, a country, a capital or a
named institution before the head, a locating phrase ("police in Kano"), a place
name modifying the head ("Shanghai authorities") that the offline gazetteer surely
knows, or a phrase that is just a country or a town.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import countries
from . import gazetteer
from . import registry as known
from .actor_words import ActorCode, _Analysis, _Piece, _PLACE_TYPES, _POSSESSIVE
from .registry import ActorSource


# A place name modifying an actor ("Shanghai authorities", "police in Kano") gives its
# country only when it surely names a place: a state/province or region, or a city this
# big (GeoNames population), no place in another country scoring within the margin.
# Cities share names with people ("Jackson", "Richardson"), hence the high bar; a city
# known by a former name ("Madras" for Chennai) must be bigger still.
_PLACE_MIN_POPULATION = 300_000
_PLACE_MIN_POPULATION_FORMER_NAME = 1_000_000
_PLACE_MARGIN = 1.5
_PLACE_REGIONS = frozenset({"admin1", "region"})


def _main_country(text: str, main: list[_Piece], head: Optional[int]) -> tuple[Optional[str], Optional[str]]:
    """Country named before the head (demonym, country, possessive, capital if a head follows);
    a longer place the word only begins ("British Columbia") is that place's."""
    for i, piece in enumerate(main):
        if piece.type in ("country", "demonym", "pre") or (piece.type == "capital" and head is not None):
            wider = _wider_place(text, main, i)
            if wider is not None:
                return wider
            prefix = "possessive" if piece.possessive else piece.type
            return piece.lex.country, f"{prefix}:{piece.key}"
    return None, None


def _wider_place(text: str, main: list[_Piece], i: int) -> Optional[tuple[str, str]]:
    """"British Columbia Liberal Party", "New South Wales police": a country word and the
    capitalised unknown words after it that together surely name a place of another
    country (see _place_country)."""
    piece = main[i]
    if not piece.capitalized or piece.possessive:
        return None
    end = i + 1
    while end < len(main) and main[end].type == "name" and not main[end - 1].possessive:
        end += 1
    for last in range(end - 1, i, -1):
        place = _POSSESSIVE.sub("", text[piece.start:main[last].end])
        country = _place_country(place)
        if country is not None and country != piece.lex.country:
            return country, f"place:{place}"
    return None


def _name_place_country(text: str, a: _Analysis,
                        registry: Optional[ActorSource]) -> tuple[Optional[str], Optional[str]]:
    """The place inside an organisation's full name wins over the table's body whose
    shorter name matched inside it: "the Indiana General Assembly" is no UN body, the
    "Workers' Party of Belgium" no Brazilian party. The place is the run of capitalised
    words right before the body's name (a place the gazetteer surely knows, no known
    actor: "Obama White House" is his), or the country of an "of" right after it."""
    for i, piece in enumerate(a.main):
        if piece.type != "institution" or not piece.capitalized:
            continue
        country, rule = None, None
        run = []
        for before in reversed(a.main[:i]):
            if before.type != "name" or before.possessive:  # "Trump's ISIL": an owner, no place
                break
            run.insert(0, before)
        place = text[run[0].start:run[-1].end] if run else ""
        if place and not countries.is_acronym(place) and not any(s.find(place) for s in known.sources(registry)):
            country, rule = _place_country(place), f"place:{place}"
        if country is None and i == len(a.main) - 1 and a.phrases and a.phrases[0][0].key == "of":
            obj = [p for p in a.phrases[0][1] if p.type != "skip"]
            if obj and obj[0].type in ("country", "pre", "capital"):
                country, rule = obj[0].lex.country, f"of:{obj[0].type}:{obj[0].key}"
        if country is not None and country != piece.lex.country:
            return country, f"place-in-name:{rule}"
        return None, None
    return None, None


def _owner(piece: _Piece, context_country: Optional[str]) -> tuple[Optional[str], str]:
    """Country of an institution: its own, or for a name several countries' bodies share
    ("PRD") the article's country when it is one of them."""
    if piece.lex.country:
        return piece.lex.country, ""
    if context_country in piece.lex.candidates:
        return context_country, f"+context:{context_country}"
    return None, ""


def _home_namesake(main: list[_Piece], head: Optional[int], home: Optional[str],
                   sector: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """"Georgia farmer", "a Palestine man", "the Jordan resident" in a story set in
    `home`: English puts a country's demonym, not its name, before an actor noun
    ("a Georgian businessman"), so a country's name used so is the home country's
    state of that name, or, for a resident or the police (sector CVL, COP), its town
    of that name.
    Asked only with a country the article names places of (see extractors.actor_scene)."""
    if head is None or home is None:
        return None, None
    for piece in main[:head]:
        if piece.type in ("demonym", "pre", "capital") or piece.possessive:
            return None, None
        if piece.type == "country":
            if piece.lex.country == home:
                return None, None
            kinds = {c.feature for c, _ in gazetteer.load_gazetteer().ranked(piece.key, main_only=True)
                     if c.country == home}
            if "admin1" in kinds or ("city" in kinds and sector in ("CVL", "COP")):
                return home, f"namesake:{piece.key}@{home}"
            return None, None
    return None, None


def _institution_country(main: list[_Piece], context_country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    for piece in main:
        if piece.type == "institution":
            country, via = _owner(piece, context_country)
            if country:
                return country, f"institution:{piece.key}{via}"
    return None, None


def _phrase_country(phrases: list[tuple[_Piece, list[_Piece]]],
                    context_country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Country of a locating phrase: 'in France', 'of the army' (institution's country)."""
    for prep, obj in phrases:
        if prep.type != "prep" or prep.lex.detail not in ("locating", "affiliation"):
            continue
        for piece in obj:
            if piece.type in _PLACE_TYPES:
                return piece.lex.country, f"{prep.key}:{piece.type}:{piece.key}"
            if piece.type == "institution":
                country, via = _owner(piece, context_country)
                if country:
                    return country, f"{prep.key}:institution:{piece.key}{via}"
    return None, None


def _name_runs(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Runs of adjacent capitalised unknown words, last run first: ["Uttar", "Pradesh"] in
    "Uttar Pradesh Chief Minister". A possessive ends a run ("Kano's")."""
    runs: list[list[_Piece]] = []
    previous: Optional[_Piece] = None
    for piece in pieces:
        if piece.type == "name":
            if previous is not None and previous.type == "name" and not previous.possessive:
                runs[-1].append(piece)
            else:
                runs.append([piece])
        previous = piece
    return runs[::-1]


def _leading_run(pieces: list[_Piece]) -> list[_Piece]:
    """The capitalised unknown words an object starts with: "Kano" in "in Kano State"."""
    words = [p for p in pieces if p.type != "skip"]
    runs = _name_runs(words)
    return runs[-1] if runs and runs[-1][0] is words[0] else []


def _modifier_name_country(text: str, run: list[_Piece],
                           registry: Optional[ActorSource]) -> tuple[Optional[str], Optional[str]]:
    """Country of a name modifying an actor: a known actor's own ("Museveni government"),
    else the place's it names; acronyms and names two known actors share give none."""
    name = _POSSESSIVE.sub("", text[run[0].start:run[-1].end])
    if countries.is_acronym(name):
        return None, None
    if any(source.find(name) for source in known.sources(registry)):
        found = known.lookup(name, registry=registry)
        return (found.country, f"known:{found.name}") if found and found.country else (None, None)
    for end in range(len(run), 0, -1):  # "Karachi Port Company": the place leads the name
        place = _POSSESSIVE.sub("", text[run[0].start:run[end - 1].end])
        country = _place_country(place)
        if country:
            return country, f"place:{place}"
    return None, None


@lru_cache(maxsize=4096)
def _place_country(name: str) -> Optional[str]:
    """Country of the one well-known place called `name` (see _PLACE_MIN_POPULATION): a
    region, a big city, a town that shares its name with its own province ("Idlib"), or
    any division named with its division word ("Butler County"); no place of another
    country may score within the margin."""
    ranked = [] if _names_a_direction(name) else gazetteer.load_gazetteer().ranked(name)
    if not ranked:
        return None
    best, score = ranked[0]
    if best.country is None:
        return None
    if any(other.country != best.country and score - other_score < _PLACE_MARGIN for other, other_score in ranked[1:]):
        return None
    if _names_division(name) or best.feature in _PLACE_REGIONS:
        return best.country
    if best.feature != "city":
        return None
    own_name = gazetteer.normalise(best.name) == gazetteer.normalise(name)
    if best.population >= (_PLACE_MIN_POPULATION if own_name else _PLACE_MIN_POPULATION_FORMER_NAME):
        return best.country
    province = any(c.feature in _PLACE_REGIONS and c.country == best.country
                   and gazetteer.normalise(c.name) == gazetteer.normalise(best.name) for c, _ in ranked[1:])
    return best.country if own_name and province else None


@lru_cache(maxsize=4096)
def named_place_country(name: str) -> Optional[str]:
    """Country of a name the text already shows to be a place (the tagger's GPE): a
    country, a capital, or the country whose places of that name lead all others' by the
    margin, with no population bar, since no person's name is in question."""
    code = countries.country_code(name, capitals=True)
    if code is not None:
        return code
    ranked = [] if _names_a_direction(name) else gazetteer.load_gazetteer().ranked(name)
    if not ranked or ranked[0][0].country is None:
        return None
    best, score = ranked[0]
    if any(other.country != best.country and score - other_score < _PLACE_MARGIN for other, other_score in ranked[1:]):
        return None
    return best.country


def _names_a_direction(name: str) -> bool:
    """"South", "West", "the North": a compass word alone is a direction in English text,
    though a few countries name regions so (Cameroon's "South"), and the first word of
    longer names ("South Side woman", "East Ridge College student") is no place of its own."""
    return gazetteer.normalise(re.sub(r"^the\s+", "", name, flags=re.I)) in gazetteer.GENERIC_DIVISION_NAMES


def _names_division(name: str) -> bool:
    """"Butler County", "Kano State": the name says it is a division."""
    words = name.lower().split()
    return len(words) > 1 and (words[-1] in gazetteer.DIVISION_WORDS_IN_TEXT or words[-1] == "state")


def _place_modifier_country(text: str, a: _Analysis, head: Optional[int],
                            registry: Optional[ActorSource]) -> tuple[Optional[str], Optional[str]]:
    """Country of a name before the head ("Rakhine rebels") or in a locating phrase
    ("authorities in Kano"); never of a name after a title, which is the person."""
    candidates = [("", run) for run in _name_runs(a.main[:head])] if head is not None else []
    for prep, obj in a.phrases:
        if prep.type == "prep" and prep.lex.detail in ("locating", "affiliation"):
            candidates.append((f"{prep.key}:", _leading_run(obj)))
    for label, run in candidates:
        if not run:
            continue
        country, rule = _modifier_name_country(text, run, registry)
        if country:
            return country, f"{label}{rule}"
    return None, None


def _whole_place(a: _Analysis) -> Optional[ActorCode]:
    """The phrase is just a country ("Russia"), a breakaway entity or a capital ("Moscow")."""
    core = [p for p in a.main if p.type != "skip"]
    if a.phrases or a.names or len(core) != 1 or core[0].type not in ("country", "pre", "capital"):
        return None
    piece = core[0]
    code = piece.lex.country
    sector = {"pre": "PRE", "capital": "GOV"}.get(piece.type)  # a capital speaks for its government
    return ActorCode(code, sector, None, countries.country_name(code), "country", f"{piece.type}:{piece.key}")


def _whole_town(text: str, a: _Analysis, registry: Optional[ActorSource]) -> Optional[ActorCode]:
    """The phrase is just a town, city or province the gazetteer surely knows ("Mosul",
    "Kano"): its country, no sector (a town is not its government). A name a known-actor
    source knows is that actor, not the place."""
    if a.main and any(p.type != "skip" for p in a.main) or a.phrases or not a.names:
        return None
    name = _POSSESSIVE.sub("", text[a.names[0].start:a.names[-1].end])
    if countries.is_acronym(name) or any(source.find(name) for source in known.sources(registry)):
        return None
    country = _place_country(name)
    return ActorCode(country, None, None, name, None, f"place:{name}") if country else None
