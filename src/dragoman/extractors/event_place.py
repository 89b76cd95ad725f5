"""Where an event happened: the place the text ties to the event's verb.

Not merely the sentence's first place: the place reached from the event's trigger
along the dependency parse with the fewest and cheapest links (a locative preposition,
the verb's object, a noun phrase around the name), costed in data/places.yaml
(`costs`, `locative_prepositions`, ...). A place that only says whose something is
("a US convoy", "Haiti's leader") or who acted ("Israel struck") does not say where.
The events step asks here for every event it codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..analysis import Analysis
from ..annotate.views import sentence_of, span_at
from ..records import Place
from ..resolve.countries import lookup as country_lookup
from .places.mentions import cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _place_root(doc: "Doc", place: Place) -> Optional["Token"]:
    span = span_at(doc, place.start, place.end)
    return span.root if span is not None else None


def _chain_to(token: "Token", top: "Token") -> Optional[list["Token"]]:
    """The tokens from `token` up to `top` (both included), or None when `top` does not govern it."""
    chain = [token]
    while chain[-1].i != top.i:
        head = chain[-1].head
        if head.i == chain[-1].i:
            return None
        chain.append(head)
    return chain


def _noun_phrase_top(chain: list["Token"]) -> int:
    """Index in `chain` of the head of the noun phrase the place belongs to: the climb
    stops at the first link that is not inside a noun phrase ("the town of Qarzabad",
    "Kabul's district of Karte Seh", "the Alto Verde municipality")."""
    lex = cues()
    top = 0
    while top + 1 < len(chain):
        lower, upper = chain[top], chain[top + 1]
        of_phrase = upper.lower_ == "of" or (lower.dep_ == "prep" and lower.lower_ == "of")
        if lower.dep_ in lex["phrase_links"] or (of_phrase and upper.pos_ in {"ADP", "NOUN", "PROPN", "NUM", "PRON"}):
            top += 1
            continue
        break
    return top


def _modifier_penalty(chain: list["Token"], top: int) -> int:
    """A place that only modifies a noun ("a US patrol", "Syria's city of Homs") says less
    about where than the noun's own place name does."""
    lex, penalty = cues(), 0
    for lower, upper in zip(chain[:top], chain[1 : top + 1]):
        if lower.dep_ == "poss":
            penalty += lex["costs"]["possessive"]
        elif lower.dep_ in {"compound", "amod", "nmod"} and upper.lemma_.lower() not in lex["place_nouns"]:
            penalty += lex["costs"]["modifier"]
    return penalty


def _modified_noun(token: "Token") -> Optional["Token"]:
    """The noun a modifier word belongs to, through adjectives and "-led" participles:
    "border" for "Iraqi" in "the Iraqi-Syrian border", "coalition" for "US" in "the
    US-led coalition"; None when the word modifies no noun."""
    while token.dep_ in {"amod", "compound", "nmod", "npadvmod"} and token.head.i != token.i:
        token = token.head
        if token.pos_ in {"NOUN", "PROPN"}:
            return token
    return None


def _names_a_place_noun(token: "Token", nouns: str = "place_nouns") -> bool:
    """Whether the noun the modifier belongs to is in the cue list `nouns`."""
    noun = _modified_noun(token)
    return noun is not None and noun.lemma_.lower() in cues()[nouns]


def _attachment_cost(chain: list["Token"]) -> Optional[int]:
    """How loosely a place hangs from the event's verb (`chain[-1]`): the links from its
    noun phrase up to the verb plus penalties, or None when the chain does not say where
    the event happened: the place is the doer ("Israel struck"), an adjective of a noun
    that is no place ("Kenyan troops"; "the Iraqi-Syrian border" is one), or sits in
    another clause ("said it was in Gaza")."""
    lex = cues()
    if (chain[0].pos_ == "ADJ" or chain[0].dep_ == "amod") and not _names_a_place_noun(chain[0], "boundary_nouns"):
        return None
    links = list(zip(chain, chain[1:]))
    if any(lower.dep_ in lex["other_event_links"] for lower, _ in links):
        return None
    top = _noun_phrase_top(chain)
    if top + 1 >= len(chain):
        return None
    head, governor = chain[top], chain[top + 1]
    attached = chain[top + 2] if top + 2 < len(chain) else None
    destination = (
        governor.lower_ in lex["destination_prepositions"]
        and attached is not None
        and attached.lemma_.lower() in lex["motion_verbs"]
    )
    located = (
        governor.pos_ == "ADP"
        and (governor.lower_ in lex["locative_prepositions"] or destination)
        and head.dep_ == "pobj"
    )
    acted_on = head.dep_ in lex["object_links"] and governor.pos_ in {"VERB", "AUX"}
    if not (located or acted_on):
        return None
    costs = lex["costs"]
    verbs_crossed = sum(t.pos_ in {"VERB", "AUX"} for t in chain[top + 1 : -1])
    modifier_clauses = sum(lower.dep_ in lex["modifier_clause_links"] for lower, _ in links)
    # links inside the place's own noun phrase ("the Zeitoun district of Cairo") do not
    # loosen it: both names there are as near the verb as the phrase is
    return (
        len(links) - top
        + _modifier_penalty(chain, top)
        + verbs_crossed * costs["verb"]
        + modifier_clauses * costs["modifier_clause"]
    )


def _is_demonym(text: str) -> bool:
    """"Iraqi", "Palestinians": people of a country, never where something happened."""
    entry = country_lookup(text)
    return entry is not None and entry.kind == "demonym"


def _breadth(place: Place) -> int:
    """How broad the place's kind is (`feature_breadth`); an unresolved name is most
    often a small locality the gazetteer lacks, so it counts as the finest."""
    return cues()["feature_breadth"].get(place.feature, 0) if place.feature else 0


def _is_nationality(place: Place, root: "Token") -> bool:
    """A country, or a union or region of countries, modifying a noun that is no place
    ("a US convoy", "a U.S. airstrike", "the EU delegation", "the US-led coalition")
    names whose it is, not where; a town there does say where ("the Manbij campaign"),
    and so does a country naming a place ("the Iraqi-Syrian border")."""
    states = place.feature == "country" or (place.feature == "region" and place.country is None)
    return states and _modified_noun(root) is not None and not _names_a_place_noun(root)


def _affiliation_of_doer(analysis: Analysis, chain: list["Token"]) -> bool:
    """A place owning the actor who is the verb's subject ("Haiti's leader was
    captured", "the commander of one of Latin America's movements") says whose, not
    where."""
    top = _noun_phrase_top(chain)
    head = chain[top]
    return (
        any(lower.dep_ == "poss" for lower in chain[:top])
        and head.dep_ in cues()["subject_links"]
        and head.lemma_.lower() not in cues()["place_nouns"]
        and analysis.actor_at(head.idx, head.idx + len(head.text)) is not None
    )


def _described(chain: list["Token"]) -> int:
    """How many appositions down the place's phrase the place sits: "Goma, the capital
    of North Kivu" is about Goma; North Kivu only describes it."""
    top = _noun_phrase_top(chain)
    return sum(token.dep_ == "appos" for token in chain[:top])


def town_at(analysis: Analysis, token: "Token") -> Optional[Place]:
    """The place within one country (a town, province or site) that `token` is part of;
    not a country, nor a region that spans several or is a bloc ("the EU")."""
    return next((p for p in analysis.places
                 if p.start <= token.idx < p.end and p.country and p.feature not in (None, "country")), None)


def named_scene(analysis: Analysis, trigger: "Token") -> Optional[Place]:
    """'the Akron shooting', 'the Fresno protest', 'a Lyon meeting': a town or region
    named before an event noun says where it happened, not who acted (a country there may
    be the doer: 'a US strike')."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in trigger.children:
        if child.dep_ in {"compound", "nmod"} and child.i < trigger.i:
            town = town_at(analysis, child)
            if town is not None:
                return town
    return None


def _verbs_above(trigger: "Token") -> list["Token"]:
    """The trigger and the verbs that govern it, nearest first, within its sentence."""
    verbs, token = [trigger], trigger
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            verbs.append(token)
    return verbs


def _candidates(analysis: Analysis, trigger: "Token") -> list[tuple[Place, "Token"]]:
    """The sentence's places with their root tokens, without those that only say whose
    something is: people's names ("Iraqi") and country modifiers ("a US convoy")."""
    doc = analysis.doc
    sentence = sentence_of(trigger)
    found = []
    for place in analysis.places_within(sentence.start_char, sentence.end_char):
        root = _place_root(doc, place)
        if root is None or _is_nationality(place, root):
            continue
        if _is_demonym(place.text) and not _names_a_place_noun(root, "boundary_nouns"):
            continue
        found.append((place, root))
    return found


def event_place(analysis: Analysis, trigger: "Token") -> Optional[Place]:
    """The place where the event of `trigger` happened, or None when the sentence does not say.

    First a place tied to the trigger's own clause by a locative preposition ("killed in
    Kandahar", "a guard in Kandahar was killed", "near the village of Qarzabad") or as
    what the verb acts on ("seized Kherson"), the most directly attached first and, of
    equally attached ones, the finest; then one tied the same way to a verb governing
    the trigger ("In Nairobi, thousands marched to demand ..."). A place that is only
    the doer ("Israel struck"), an adjective ("Kenyan troops") or the doer's affiliation
    ("Haiti's leader") does not say where.
    """
    named = named_scene(analysis, trigger)
    if named is not None:
        return named
    candidates = _candidates(analysis, trigger)
    for verb in _verbs_above(trigger):
        best: Optional[tuple[int, int, int, int, Place]] = None
        for place, root in candidates:
            chain = _chain_to(root, verb)
            cost = _attachment_cost(chain) if chain and len(chain) > 1 else None
            if cost is None or _affiliation_of_doer(analysis, chain):
                continue
            key = (cost, _described(chain), _breadth(place), place.start)
            if best is None or key < best[:4]:
                best = (*key, place)
        if best is not None:
            return best[4]
    return None
