"""A person's country from how the article introduces them, after the name: the home
place or the body they are "of" or "from" ("Maria Lopez, 34, of Fresno", "Officer Ana
Ruiz from the Mexican Navy"), and the US habit of tagging a politician with party and
state ("Rep. Jane Doe (D-Ore.)", "state Sen. Paul Gray, R-Dayton").

Only what the text says about that one person: in a story about two countries, the
country the article names most is no one's home until the text ties it to them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Optional

import yaml
from spacy.tokens import Token

from ..analysis import Analysis
from ..resolve.actor_codes import ActorCode, code_actor
from ..resolve.actor_places import named_place_country
from ..resolve.countries import country_code, is_acronym, is_state
from .actor_scene import named_otherwise

if TYPE_CHECKING:
    from .actors import _Cluster

_HOME_PREPOSITIONS = {"of", "from"}
_BODY_KINDS = {"organization", "group"}
# places below a country that a title or a body's name holds: a demonym or a country's name
# codes the actor already
_TOWN_FEATURES = {"city", "admin1", "admin2", "admin3", "locality"}
# "(D-Ore.)", ", R-Texas", "(I-Vt.)": party initial, hyphen, state or home town
_US_PARTY_TAG = re.compile(r"\A\s*[(,]\s*[DRI]-[A-Z][A-Za-z]*\.?")


def home_country(analysis: Analysis, head: Token, name_end: int) -> Optional[tuple[str, str]]:
    """(country, rule) a person's introduction gives them, or None. `head` is the name's
    head token, `name_end` the character offset where the name ends."""
    if _US_PARTY_TAG.match(analysis.text[name_end:name_end + 24]):
        return "USA", "party-tag"
    found = _described_before(head) or _body_led(head)
    if found is not None:
        return found
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _HOME_PREPOSITIONS:
            found = _phrase_home(analysis, prep)
            if found is not None:
                return found
    return None


def _described_before(head: Token) -> Optional[tuple[str, str]]:
    """"Peru's foreign minister, Ana Quispe", "a Chilean engineer, Tomas Vera": the
    name stands in apposition to a description before it, whose country is the person's."""
    noun, doc = head.head, head.doc
    left = head.left_edge.i
    if head.dep_ != "appos" or noun.pos_ != "NOUN" or noun.i >= left or left < 1 or doc[left - 1].text != ",":
        return None
    description = doc[noun.left_edge.i : left - 1]
    code = code_actor(description.text)
    return (code.country, f"described:{description.text}") if code.country else None


def _body_led(head: Token) -> Optional[tuple[str, str]]:
    """"Adm. Jane Roe, who leads the Pacific Fleet of the US Navy": the country of the body
    a relative clause says the person heads."""
    for clause in head.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in _leading_verbs():
            for obj in clause.children:
                # a body, not an act: "who leads the navy", not "who led the protest"
                if obj.dep_ == "dobj" and (obj.ent_type_ == "ORG" or code_actor(obj.text).kind in _BODY_KINDS):
                    body = obj.doc[obj.left_edge.i : obj.right_edge.i + 1]
                    code = code_actor(body.text)
                    if code.country:
                        return code.country, f"leads:{body.text}"
    return None


@lru_cache(maxsize=1)
def _leading_verbs() -> frozenset[str]:
    text = resources.files("dragoman.data").joinpath("actor_roles.yaml").read_text("utf-8")
    return frozenset(yaml.safe_load(text)["leading_verbs"])


def take_homes(clusters: list[_Cluster]) -> None:
    """A person the text gives no country by title or name takes the home their
    introduction gives. Run after the article's scene is read, so that one person's home
    never makes a country the story's."""
    for c in clusters:
        home = next((m.home for m in c.mentions if m.home), None)
        if c.kind == "person" and home and not c.vote("country"):
            m = c.mentions[0]
            m.code = replace(m.code, country=home[0], rule="+".join(r for r in (m.code.rule, home[1]) if r))


def place_in_title(analysis: Analysis, clusters: list[_Cluster]) -> None:
    """An actor the text gives no country, whose own words before its head name a place
    ("the Millbrook Police Chief Ana Ruiz", "Kildare County Council", "a Fresno
    hospital"), takes the country the places step read for that place in the article's
    context; the code alone cannot, since a town's name is too often shared for the
    gazetteer to decide it out of context. Only actors of a sector: a place that names a
    team, a newspaper or a street says nothing about who acts (rule "+title-place:X").
    Run after the scene: the story's country outweighs one name's reading. A place
    named like one of the article's people ("the Clinton campaign", "the Reed
    administration") or written as an acronym ("PA") is no place there, nor a sponsor
    before a hyphen ("Tehran-funded gunmen"; "Berlin-based" says where a body is). The
    article must name another place of that country: a town's name alone, with nothing
    around it of its country, may be no place at all ("the Bush administration")."""
    people = {word for c in clusters if c.kind == "person" for m in c.mentions for word in m.name.split()}
    people |= {word for e in analysis.entities if e.label == "PERSON" for word in e.text.split()}

    def town(place) -> bool:
        after = analysis.text[place.end:place.end + 7].lower()
        confirmed = any(p.country == place.country and p.text != place.text for p in analysis.places)
        return (confirmed and is_state(place.country) and place.feature in _TOWN_FEATURES and place.text not in people
                and not is_acronym(place.text) and not (after.startswith("-") and not after.startswith("-based")))

    for c in clusters:
        if c.vote("country") or not c.vote("sector"):
            continue
        for m in c.mentions:
            head_start = m.end - len(m.name) if c.kind == "person" else analysis.doc[m.head_i].idx
            found = next((p for p in analysis.places_within(m.start, head_start) if town(p)), None)
            if found is not None:
                c.mentions[0].code = replace(c.mentions[0].code, country=found.country,
                                             rule=f"{c.mentions[0].code.rule}+title-place:{found.text}")
                break


def _phrase_home(analysis: Analysis, prep: Token) -> Optional[tuple[str, str]]:
    """The country of the first place or organisation named in an of/from phrase: a
    place's by the gazetteer, when all the places there agree ("of Austin, Texas"); an
    organisation's by its own code ("from the Mexican Navy")."""
    lo, hi = prep.idx + len(prep.text), prep.right_edge.idx + len(prep.right_edge.text)
    ents = sorted((e for e in analysis.entities if lo < e.start and e.end <= hi and e.label in {"GPE", "ORG"}),
                  key=lambda e: e.start)
    if not ents:
        return None
    first = ents[0]
    if first.label == "ORG":
        code: ActorCode = code_actor(first.text)
        return (code.country, f"member-of:{first.text}") if code.country else None
    homes = set()
    for e in ents:
        name = re.sub(r"^the\s+", "", e.text, flags=re.I)
        country = _place_country(analysis, e.start, e.end, name) if e.label == "GPE" else None
        # "Gary Reed, 54, of Palestine" in a Texas story: a country's own name is the home
        # only when the article names that country some other way too (see actor_scene)
        if country and country == country_code(name) and not named_otherwise(analysis, country, name.lower()):
            return None
        homes.add(country)
    homes.discard(None)
    if len(homes) == 1 and is_state(home := next(iter(homes))):
        return home, f"home:{first.text}"
    return None


def _place_country(analysis: Analysis, start: int, end: int, name: str) -> Optional[str]:
    """The country the places step read for a place name, among the article's other
    places ("Los Angeles" beside Californian towns); the gazetteer's alone without it."""
    placed = [p.country for p in analysis.places_within(start, end) if p.country]
    return placed[0] if placed else named_place_country(name)
