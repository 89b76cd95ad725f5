"""Code an actor phrase: country + PLOVER sector + role, from the words of the phrase.

"Israeli Prime Minister Benjamin Netanyahu" -> ISR, GOV, "Prime Minister", person.
The phrase is matched, longest entry first, against named institutions
(data/institutions.tsv and the national tables data/actors_*.tsv: state bodies,
parties, armed groups, universities, military platforms), country names/demonyms/
capitals (dragoman.resolve.countries) and role nouns (data/actor_roles.yaml). The head noun
decides the sector; a generic head ("director", "official") borrows it from its
nearest modifier ("CIA director"); the country comes from a demonym, a country
name, a possessive or a locating prepositional phrase, never from a posting
("ambassador to the UN"), and failing those from a capitalised modifier that a
known-actor source knows ("Museveni government") or that surely names one place
in the offline gazetteer ("Shanghai authorities"). A person named after a title is
only looked up among known actors: what no source knows stays None. Pure
dictionary lookups, no spaCy: it runs for every mention.

The lexicon and matching live in `actor_words`, names and known people in
`actor_people`, countries from places in `actor_places`; this module decides.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional, Union

from .actor_people import _fill_from_known, _is_surname, _names_not_pronouns, is_prefixed_name, name_particles
from .actor_places import (
    _home_namesake,
    _institution_country,
    _main_country,
    _name_place_country,
    _phrase_country,
    _place_modifier_country,
    _whole_place,
    _whole_town,
)
from .actor_words import (
    ActorCode,
    _Analysis,
    fill_open_fields,
    _HEAD_TYPES,
    _join_rules,
    _key,
    _LEXICON,
    _Piece,
    _pieces,
    _UNARMED,
    _CRIME_ACT,
)
from .article_memo import ArticleMemo
from .registry import STATE_SECTORS, ActorSource


# sectors that override a GOV head when an institution modifies it ("Hamas official")
_NON_STATE_SECTORS = frozenset({"REB", "PTY", "OPP", "NGO", "UNO", "EUR", "IGO", "CRM", "UAF", "PRM"})
_STATE_MEDIA_SECTORS = frozenset({"JRN", "BUS"})
_IGO_FAMILIES = frozenset({"UNO", "EUR", "IGO"})  # sectors naming an intergovernmental body's family
_ARMED_DEFAULTS = frozenset({"REB", "MIL"})  # generic heads armed by default ("fighter", "commander")

# the codes given so far in the article being analysed: its steps ask about the same
# phrases again and again ("the president" in every sentence, a name with each of its
# titles; about 40% of the calls repeat one), and the known-actor sources only learn
# from finished articles, so within one the answer cannot change
_article_codes: ArticleMemo[ActorCode] = ArticleMemo("article_codes")


def _analyse(pieces: list[_Piece]) -> _Analysis:
    pieces = _names_not_pronouns(_drop_partitive(pieces))
    names: list[_Piece] = []
    while pieces:
        particles = name_particles(pieces, names)
        if particles:  # "Mohammed bin Salman": the particles and the name before them
            names[:0] = pieces[-particles:]
            del pieces[-particles:]
        elif (pieces[-1].type == "name"
              or _is_surname(pieces, ends_phrase=all(n.key in _LEXICON.name_suffixes for n in names))
              or not names and len(pieces) > 1 and pieces[-2].type == "name" and is_prefixed_name(pieces[-1])):
            names.insert(0, pieces.pop())
        else:
            break
    if names and pieces and pieces[-1].type in ("prep", "skip"):
        pieces, names = pieces + names, []  # "Affairs and Trade": part of a name, not a person
    main: list[_Piece] = []
    phrases: list[tuple[_Piece, list[_Piece]]] = []
    for piece in pieces:
        if piece.type == "prep" or piece.key in (",", ";", "(", ")"):
            phrases.append((piece, []))
        elif phrases:
            phrases[-1][1].append(piece)
        else:
            main.append(piece)
    return _Analysis(main, phrases, names)


def _drop_partitive(pieces: list[_Piece]) -> list[_Piece]:
    """'several of the largest unions' -> 'largest unions'."""
    i = 0
    while i < len(pieces) and pieces[i].type == "skip":
        i += 1
    if 0 < i < len(pieces) and pieces[i].key == "of":
        i += 1
        while i < len(pieces) and pieces[i].type == "skip":
            i += 1
        return pieces[i:]
    return pieces


def _head(main: list[_Piece], has_names: bool) -> Optional[int]:
    """Index of the head: the last role noun or institution of the head phrase."""
    for i in range(len(main) - 1, -1, -1):
        if i > 0 and main[i].key in _LEXICON.postpositive and main[i - 1].type == "head":
            continue  # "Governor General": the title before it is the head
        if main[i].type in _HEAD_TYPES or (main[i].type == "honorific" and has_names):
            return i
    return None


def _modifier_sector(pieces: list[_Piece]) -> tuple[Optional[str], Optional[str]]:
    """Sector of the nearest modifier, reading right to left; a place noun lends none
    ("city officials" are the city's government, not an unknown place)."""
    for piece in reversed(pieces):
        if piece.type == "head" and piece.lex.kind is None:
            continue
        if piece.type in ("head", "modifier", "institution") and piece.lex.sector:
            return piece.lex.sector, f"{piece.type}:{piece.key}"
    return None, None


def _of_sector(phrases: list[tuple[_Piece, list[_Piece]]]) -> tuple[Optional[str], Optional[str]]:
    """'members of the army', 'spokesman for Hamas': the object's sector."""
    for prep, obj in phrases:
        if prep.type == "prep" and prep.lex.detail == "affiliation":
            sector, rule = _modifier_sector(obj)
            if sector:
                return sector, f"{prep.key}:{rule}"
    return None, None


def _sector(a: _Analysis, head: Optional[int], has_country: bool,
            country_from_scene: bool = False) -> tuple[Optional[str], list[str]]:
    """Sector from the head; a generic head borrows its modifier's, a state role
    modified by a non-state institution takes the institution's ("Hamas envoy"). A
    country the phrase names gives a generic head its `with_country` sector ("the Israeli
    leader" GOV); one only the article's scene gives, its `in_scene` sector ("a man" CVL,
    but "the leader" stays open: the scene says where, not whose leader)."""
    if head is None:
        return None, []
    piece = a.main[head]
    lex = piece.lex
    before = a.main[:head]
    if piece.type == "honorific":
        return None, [f"honorific:{piece.key}"]
    if piece.type == "generic":
        unarmed = next((p for p in before if p.lex is not None and p.lex.detail == _UNARMED), None)
        if unarmed is not None and lex.sector in _ARMED_DEFAULTS:  # "UFC fighter", "fire fighters"
            return None, [f"unarmed:{unarmed.key}", f"generic:{piece.key}"]
        crime = next((p for p in before if p.lex is not None and p.lex.detail == _CRIME_ACT), None)
        if crime is not None:  # "crime fighter", "drug task force": what they deal with
            before = [p for p in before if p is not crime]
            if lex.sector in _ARMED_DEFAULTS and _modifier_sector(before)[0] is None:
                return None, [f"act:{crime.key}", f"generic:{piece.key}"]
        sector, rule = _modifier_sector(before)
        if sector is None:
            sector, rule = _of_sector(a.phrases)
        if sector is None:
            if has_country and lex.with_country:
                sector = lex.with_country
            elif country_from_scene and lex.in_scene:
                sector = lex.in_scene
            else:
                sector = lex.sector
            rule = f"generic:{piece.key}"
        else:
            rule = f"{rule}+generic:{piece.key}"
        return sector, [rule] if crime is None else [f"act:{crime.key}", rule]
    rules = [f"{_head_label(piece)}:{piece.key}"]
    sector = lex.sector
    if piece.key in _LEXICON.member_bodies:
        members, rule = _of_sector(a.phrases)
        if members is not None:  # "Congress of Trade Unions": a body of its members' sector
            return members, [*rules, rule]
    if lex.general:
        serves = _state_modifier(before)
        if serves is not None:  # "army accountant", "police doctor": who they work for
            return serves.lex.sector, [f"{serves.type}:{serves.key}", *rules]
    if piece.key in _LEXICON.administrators and before and before[-1].key in _LEXICON.local_units:
        return "GOV", [f"unit:{before[-1].key}", *rules]  # "the city manager": the city's official
    if piece.key in _LEXICON.act_nouns:
        body = next((mod for mod in reversed(before) if _is_state_body(mod)), None)
        if body is not None:
            return body.lex.sector, [f"body:{body.key}", f"act:{piece.key}"]
    if sector == "GOV":
        for mod in reversed(before):
            if mod.type == "institution" and mod.lex.sector in _NON_STATE_SECTORS:
                return mod.lex.sector, [f"institution:{mod.key}", *rules]
    if sector in _STATE_MEDIA_SECTORS and any(p.key in _LEXICON.state_owned for p in before):
        return "GOV", ["state-owned", *rules]
    return sector, rules


def _state_modifier(before: list[_Piece]) -> Optional[_Piece]:
    """The nearest state body before an occupation ("ARMY accountant", "GOVERNMENT
    economist"), if any; an adjective ("armed") names no employer."""
    return next((piece for piece in reversed(before) if _is_state_body(piece)), None)


def _is_state_body(piece: _Piece) -> bool:
    """A state organisation or force named by a role noun or an institution: "government",
    "army", "police"."""
    return (
        piece.type in ("head", "institution") and piece.lex is not None
        and piece.lex.kind in ("organization", "group") and piece.lex.sector in STATE_SECTORS
    )


def _head_label(piece: _Piece) -> str:
    """Rule prefix of a head: title (held by a person), institution, or role."""
    if piece.type == "institution":
        return "institution"
    if piece.lex.detail == "pronoun":
        return "pronoun"
    return "title" if piece.lex.kind == "person" else "role"


def _kind(a: _Analysis, head: Optional[int]) -> Optional[str]:
    if head is None:
        return None
    piece = a.main[head]
    if a.names and piece.lex.kind in ("person", "organization") and piece.lex.detail != "plural":
        return "person"  # "Prime Minister Benjamin Netanyahu", "CIA Director Bill Burns"
    return piece.lex.kind


def _role(text: str, a: _Analysis, head: Optional[int]) -> Optional[str]:
    """The role words as written, from the first role word before the head to the head,
    plus a posting or 'of' phrase for a person: "Ambassador to the UN"."""
    if head is None or a.main[head].type in ("institution", "honorific") or a.main[head].lex.detail == "pronoun":
        return None
    first = head
    while first > 0 and a.main[first - 1].type in ("head", "generic", "modifier", "institution", "name", "word"):
        first -= 1
    while first < head and a.main[first].lex is not None and a.main[first].lex.sector == "PTY":
        first += 1  # party affiliation is not the role: "Democratic Senate Minority Leader"
    end = a.main[head].end
    if a.main[head].lex.kind == "person" and a.phrases and a.phrases[-1][1]:
        end = a.phrases[-1][1][-1].end  # "Ambassador to the UN", "spokesperson for the Mission"
    return text[a.main[first].start:end]


def _code_phrase(text: str, registry: Optional[ActorSource] = None,
                 context_country: Optional[str] = None, country_from_scene: bool = False) -> ActorCode:
    pieces = _pieces(text)
    if not pieces:
        return ActorCode()
    a = _analyse(pieces)
    whole = _whole_place(a) or _whole_town(text, a, registry)
    if whole is not None:
        return whole
    head = _head(a.main, bool(a.names))
    country, country_rule = _main_country(text, a.main, head)
    if country is None:
        country, country_rule = _name_place_country(text, a, registry)
    if country is None:
        country, country_rule = _institution_country(a.main, context_country)
    if country is None:
        country, country_rule = _phrase_country(a.phrases, context_country)
    if country is None:
        country, country_rule = _place_modifier_country(text, a, head, registry)
    if head is None and any(prep.lex is not None and prep.lex.detail == "conjunction" for prep, _ in a.phrases):
        return ActorCode(name=_clean(text, a))  # "Israel and Hamas": two actors, not one
    if head is None and country is not None:
        return _nationals(text, a, country, country_rule)
    sector, rules = _sector(a, head, country is not None, country_from_scene)
    home, home_rule = _home_namesake(a.main, head, context_country, sector)
    if home is not None:
        country, country_rule = home, home_rule
    if _national_namesake(a, head, sector, country_rule):
        sector, rules = "GOV", ["national-namesake", *rules]
    if any(p.type == "former" for p in a.main) and sector in STATE_SECTORS:
        sector, rules = "ELI", ["former", *rules]
    kind = _kind(a, head)
    name = _name(text, a, head)
    rule = _join_rules(country_rule, *rules)
    return ActorCode(country, sector, _role(text, a, head), name, kind, rule)


def _national_namesake(a: _Analysis, head: Optional[int], sector: Optional[str],
                       country_rule: Optional[str]) -> bool:
    """"Armenia's Security Council", "the French UN envoy", "the Indiana General Assembly":
    a country or place named before an intergovernmental body's name makes the body that
    country's own namesake, and its envoy that country's official, not the body's."""
    if head is None or sector not in _IGO_FAMILIES:
        return False
    if country_rule is not None and country_rule.startswith("place-in-name:"):
        return True
    for i, piece in enumerate(a.main[:head + 1]):
        if piece.type == "institution" and piece.lex.country == "IGO":
            return any(p.type in ("country", "demonym") for p in a.main[:i])
    return False


def _nationals(text: str, a: _Analysis, country: str, country_rule: str) -> ActorCode:
    """No role noun, only a nationality: "Palestinians", "ordinary Kazakhs"."""
    sector, rules = _modifier_sector(a.main)
    demonym = next((p for p in a.main if p.type == "demonym"), None)
    kind = "group" if demonym is not None and demonym.lex.detail == "plural" else None
    return ActorCode(country, sector, None, _clean(text, a), kind, _join_rules(country_rule, rules))


def _name(text: str, a: _Analysis, head: Optional[int]) -> Optional[str]:
    """The person's name after a title, else the phrase itself."""
    if a.names and head is not None:
        return text[a.names[0].start:a.names[-1].end]
    return _clean(text, a)


def _clean(text: str, a: _Analysis) -> Optional[str]:
    """The phrase without leading determiners: "the Israeli war cabinet" -> "Israeli war cabinet"."""
    pieces = [p for p in a.main + [p for prep, obj in a.phrases for p in (prep, *obj)] + a.names
              if p.type != "skip"]
    return text[pieces[0].start:].strip() if pieces else None


def _merge(first: ActorCode, other: ActorCode) -> ActorCode:
    """Fill what the head phrase left open from an apposition ("FSB, Russia's security service")."""
    if other.country is None and other.sector is None:
        return first
    return fill_open_fields(first, other, "+".join(r for r in (first.rule, f"apposition:{other.rule}") if r))


def looks_like_institution(words: str) -> bool:
    """Whether a capitalised phrase reads as an organisation's name ("Parliamentary Assembly")."""
    return any(_key(word) in _LEXICON.institution_words for word in words.split())


def names_player(word: str, *, sectored: bool = False) -> bool:
    """Whether a common noun (or a compound ending in one: "crown prince") names a kind
    of player the role tables know: a sector's group or person ("officials", "sergeant",
    "clergy"), or a generic person noun whose sector waits for a modifier ("leader");
    with `sectored`, only the former. The role must be the phrase's head: "missile
    tests" is coded MIL by its modifier, but tests are no player."""
    return _names_player(word.lower(), sectored)


@lru_cache(maxsize=4096)
def _names_player(word: str, sectored: bool) -> bool:
    code = code_actor(word)
    has_sector = bool(code.sector and code.sector != "UNK")
    if not (code.kind and (has_sector or code.kind == "person" and not sectored)):
        return False
    return code.role is None or code.role.lower().split()[-1] == word.split()[-1]  # None: a name ("pentagon")


def names_stateless_group(text: str) -> bool:
    """Whether the phrase names a group the tables give to no state ("ISIS fighters", "an
    al-Qaeda commander", "Red Cross staff"): such a group has no country of its own (its
    code is the PLOVER manual's IMG or NGO), and the scene it acts in does not lend it one."""
    return any(p.lex is not None and p.lex.stateless for p in _pieces(text or ""))


def code_actor(text: str, *, context_country: Optional[str] = None, as_of: Union[str, date, None] = None,
               registry: Optional[ActorSource] = None, country_from_scene: bool = False) -> ActorCode:
    """Country, sector, role, name and kind of an actor phrase.

    What the phrase leaves open is filled, in this order, from a title that names one
    country's office, from the known actors (`registry`, then the sources made active
    with `resolve.registry.use`, then the bundled starter book) with the role held on
    `as_of` (YYYY-MM-DD), and last from context_country (alpha-3) when the phrase has a
    role ("Secretary of State Antony Blinken" in a US article). A name no source knows,
    or that a source gives to two actors, stays uncoded: names are never guessed.
    `country_from_scene`: the caller places the actor in a country the phrase does not
    name (the article's scene), so a generic head takes its `in_scene` sector ("a man" CVL).
    """
    return _article_codes.get((text, context_country, as_of, id(registry), country_from_scene),
                              lambda: _code_actor(text, context_country, as_of, registry, country_from_scene))


def _code_actor(text: str, context_country: Optional[str], as_of: Union[str, date, None],
                registry: Optional[ActorSource], country_from_scene: bool = False) -> ActorCode:
    text = (text or "").replace("\u2019", "'").strip()
    if not text:
        return ActorCode()
    head_text, *appositions = [part.strip() for part in text.split(", ") if part.strip()] or [text]
    code = _code_phrase(head_text, registry, context_country, country_from_scene)
    for apposition in appositions:
        code = _merge(code, _code_phrase(apposition, registry, context_country, country_from_scene))
    if code.country is None and code.role is not None:
        national = _LEXICON.national_titles.get(_key(code.role))
        if national:
            code = ActorCode(national, code.sector, code.role, code.name, code.kind,
                             "+".join(r for r in (code.rule, f"national-title:{national}") if r))
    if (code.country is None or code.sector is None) and code.name:
        code = _fill_from_known(code, as_of, registry)
    if code.country is None and context_country and code.role is not None:
        code = ActorCode(context_country, code.sector, code.role, code.name, code.kind,
                         "+".join(r for r in (code.rule, f"context:{context_country}") if r))
    return code
