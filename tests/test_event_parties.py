"""Actors of events: the syntax of actors (passives, coordination, reciprocal and nominal
events), who does an event told as a noun or framed by another act, parser repairs, and
the doers the role tables give a sector. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only

from dragoman.pipeline import Pipeline
from dragoman.records import Article


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


# -- syntax ------------------------------------------------------------------------------------


def test_passive_agent_is_actor_and_subject_is_recipient(events_of):
    event = _only(events_of("Iran was sharply criticised by France on Sunday."), "ACCUSE")
    assert _countries(event.actor) == {"FRA"}
    assert _countries(event.recipient) == {"IRN"}
    assert event.rule.startswith("verb:passive")


def test_coordinated_subjects_are_one_compound_actor(events_of):
    events = [e for e in events_of("India and Pakistan criticised the new trade rules.")
              if e.event == "ACCUSE"]
    assert len(events) == 1
    assert _countries(events[0].actor) == {"IND", "PAK"}


def test_coordinated_nationalities_of_one_noun_are_a_party_each(events_of):
    event = _only(events_of("Spanish and Moroccan coastguards rescued forty migrants on Tuesday."), "AID")
    assert _countries(event.actor) == {"ESP", "MAR"}
    event = _only(events_of("Chile accused Bolivian and Peruvian smugglers of stealing copper."), "ACCUSE")
    assert _countries(event.recipient) == {"BOL", "PER"}


def test_one_nationality_word_stays_one_party(events_of):
    event = _only(events_of("Kenyan police and soldiers arrested the smugglers on Tuesday."), "COERCE")
    assert _countries(event.actor) == {"KEN"}


def test_reciprocal_meeting_has_all_parties_as_actor(events_of):
    event = _only(events_of("The leaders of Kenya and Uganda met on Thursday."), "CONSULT")
    assert _countries(event.actor) == {"KEN", "UGA"}
    assert event.recipient == []


def test_nominal_event_with_light_verb_and_compound_actor(events_of):
    light = _only(events_of("Ukraine launched a drone attack on Russia."), "ASSAULT")
    assert light.rule.startswith("noun:light-verb")
    assert (_countries(light.actor), _countries(light.recipient)) == ({"UKR"}, {"RUS"})
    assert light.mode == "drone"
    compound = _only(events_of("Officials discussed the Houthi attack on Saudi Arabia."), "ASSAULT")
    assert _countries(compound.recipient) == {"SAU"}


def test_promise_of_force_is_a_threat_with_the_promised_target(events_of):
    events = events_of("Turkey vowed to launch an offensive against Kurdish fighters in Syria.")
    threat = _only(events, "THREATEN")
    assert _countries(threat.actor) == {"TUR"}
    assert threat.mode == "violence"
    assert not [e for e in events if e.event == "ASSAULT"]


# -- parties -----------------------------------------------------------------------------------


def test_party_located_by_its_modifier(events_of):
    event = _only(events_of("Striking teachers from Kenya gathered in Nairobi for a rally against "
                            "the government."), "PROTEST")
    assert _countries(event.actor) == {"KEN"}
    assert event.rule == "noun:adjunct"


def test_counted_people_are_the_party(events_of):
    event = _only(events_of("One third of the rebel fighters in Colombia were disarmed by the army."),
                  "RETREAT")
    assert _countries(event.recipient) == {"COL"}
    assert event.recipient[0].text == "the rebel fighters"


def test_willing_to_controls_the_subject(events_of):
    event = _only(events_of("Armenia is ready to withdraw its soldiers from Georgia, officials said."), "CONCEDE")
    assert _countries(event.actor) == {"ARM"}
    assert _countries(event.recipient) == {"GEO"}
    assert event.status == "occurred"  # the readiness is stated: the statement occurred


def test_dates_are_never_parties(events_of):
    event = _only(events_of("Egyptian police opened fire on protesters on Monday."), "ASSAULT")
    assert "Monday" not in {p.text for p in event.recipient}


def test_planned_coercion_is_a_threat(events_of):
    event = _only(events_of("Greece plans to impose restrictions on Turkish imports."), "THREATEN")
    assert event.mode == "restrict"
    assert _countries(event.actor) == {"GRC"}


def test_issuer_of_a_statement_is_the_actor_of_its_demand(events_of):
    demand = _only(events_of("Venezuela issued a statement demanding that Guyana withdraw its troops."), "REQUEST")
    assert (_countries(demand.actor), _countries(demand.recipient)) == ({"VEN"}, {"GUY"})


def test_talks_between_two_countries_have_both_as_actors(events_of):
    event = _only(events_of("Talks between Armenia and Azerbaijan resumed in Geneva on Monday."), "CONSULT")
    assert _countries(event.actor) == {"ARM", "AZE"}
    assert not event.recipient


def test_a_for_to_clause_names_who_is_pressed(events_of):
    events = events_of("Japan is pushing hard for Australia to back its whaling proposal.")
    assert [e.event for e in events] == ["REQUEST"]
    assert _countries(events[0].actor) == {"JPN"}
    assert _countries(events[0].recipient) == {"AUS"}


# -- parser repairs ----------------------------------------------------------------------------


def test_a_subject_the_parser_hangs_under_its_participle_is_still_the_actor(events_of):
    event = _only(events_of("The Kenyan Red Cross operating in Somalia said Ethiopia must open its border."),
                  "REQUEST")
    assert "Cross" in event.actor[0].text


def test_a_long_name_split_by_the_parser_is_one_party(events_of):
    event = _only(events_of("Kuwait's emir, Sheikh Sabah bin Jaber al-Ahmad launched a mediation effort "
                            "between Qatar and Bahrain on Monday."), "CONSULT")
    assert len(event.actor) == 1
    assert "al-Ahmad" in event.actor[0].text
    assert _countries(event.recipient) == {"QAT", "BHR"}


def test_a_stranded_preposition_shares_the_object_of_the_coordination(events_of):
    event = _only(events_of("Peru restored full diplomatic relations with and reopened its consulate in Hanoi."),
                  "SUPPORT")
    assert _countries(event.recipient) == {"VNM"}


def test_a_participle_after_a_comma_is_done_by_the_clause_subject(events_of):
    events = events_of("Peru lodged a formal protest with Chile on Friday, accusing its neighbour of "
                       "spying on its navy in what it called a hostile act.")
    accusing = next(e for e in events if e.trigger.text == "accusing")
    assert _countries(accusing.actor) == {"PER"}


# -- doers -------------------------------------------------------------------------------------


def test_hyphenated_sponsor_is_not_the_partys_country(events_of):
    attack = _only(events_of("Tehran-funded gunmen attacked a border post in Syria."), "ASSAULT")
    assert "IRN" not in _countries(attack.actor)


def test_a_group_noun_compounded_with_an_event_noun_is_its_doer(events_of):
    attack = _only(events_of("Rebel attacks on aid convoys rose sharply in Ituri."), "ASSAULT")
    assert [p.text for p in attack.actor] == ["Rebel"]


def test_where_the_target_lies_does_not_make_the_attacker(events_of):
    events = events_of("The shelling of a village in southern Lebanon wounded four farmers.")
    assert events and all("LBN" not in _countries(e.actor) for e in events)


def test_passive_takes_its_doer_from_the_act_that_framed_it(events_of):
    """'killed in police firing': the firing's doer did the killing."""
    event = _only(events_of("Four villagers were killed in police firing near the market."), "ASSAULT")
    assert [p.text for p in event.actor] == ["police"]
    event = _only(events_of("Two fishermen were wounded in Turkish shelling of the coast."), "ASSAULT")
    assert "TUR" in _countries(event.actor)


def test_a_place_naming_the_framing_act_is_not_its_doer(events_of):
    event = _only(events_of("Six guards were killed in the Kandahar bombings last spring."), "ASSAULT")
    assert "frame-doer" not in event.rule


# -- events told as nouns: framed by time or circumstance, carried by a verb (issue 17, args9) ---


@pytest.fixture(scope="module")
def coded(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return found[0]
    return run


@pytest.mark.parametrize("text, event, actor, recipient", [
    ("In a meeting with the Chinese foreign minister last week, the Japanese prime minister "
     "said Tokyo wanted calm.", "CONSULT", "JPN", "CHN"),
    ("After talks with Kenyan officials, the Ugandan president announced a new road.", "CONSULT", "UGA", "KEN"),
    ("Following a meeting with Swedish diplomats, the Finnish minister spoke to reporters.",
     "CONSULT", "FIN", "SWE"),
    ("The French ministry, in collaboration with Nigerian officials, will run the fair.",
     "COOPERATE", "FRA", "NGA"),
])
def test_a_framed_meeting_is_the_clause_subjects(coded, text, event, actor, recipient):
    found = coded(text, event)
    assert found.rule.startswith("noun:adjunct")
    assert [p.country for p in found.actor] == [actor]
    assert [p.country for p in found.recipient] == [recipient]


def test_a_meeting_between_a_named_pair_stays_theirs(coded):
    found = coded("After talks between Iran and Iraq, the UN secretary-general said peace was near.", "CONSULT")
    assert sorted(p.country for p in found.actor) == ["IRN", "IRQ"]


def test_an_attack_framing_a_clause_is_not_the_subjects(coded):
    found = coded("After an attack on a Nigerien army post, the Malian president flew home.", "ASSAULT")
    assert not any("president" in p.text for p in found.actor)
    assert not found.rule.startswith("noun:adjunct")


@pytest.mark.parametrize("text, event, actor, recipient", [
    ("The Spanish government rendered assistance to the flood victims in Portugal.", "AID", "ESP", None),
    ("French diplomats arranged talks with Algerian officials.", "CONSULT", "FRA", "DZA"),
    ("Prosecutors in Germany will not pursue an indictment against the Austrian banker.", "ACCUSE", "DEU", "AUT"),
])
def test_a_carrying_verb_gives_the_noun_event_its_subject(coded, text, event, actor, recipient):
    found = coded(text, event)
    assert found.rule.startswith("noun:light-verb")
    assert [p.country for p in found.actor] == [actor]
    if recipient:
        assert [p.country for p in found.recipient] == [recipient]


# -- doers kept by class: role nouns and 'those' (issue #18, actors10) -------------------------


@pytest.mark.parametrize("text, event, actor", [
    ("On Sunday the crown prince detained a dozen wealthy businessmen at a hotel in Riyadh.",
     "COERCE", "the crown prince"),
    ("Several customers accused the broker of draining their savings.", "ACCUSE", "Several customers"),
    ("Before the march, the organizers paid tribute to the miners who died in the flood.",
     "SUPPORT", "the organizers"),
    ("The princess thanked the volunteers who rebuilt the clinic.", "SUPPORT", "The princess"),
])
def test_a_role_noun_of_the_tables_keeps_its_event_actor(coded, text, event, actor):
    found = coded(text, event)
    assert [p.text for p in found.actor] == [actor]


@pytest.mark.parametrize("text, event", [
    ("Those who backed the mayor criticized the new budget.", "ACCUSE"),
    ("Those opposing the dam blocked the road to the site.", "PROTEST"),
])
def test_those_described_by_a_clause_is_a_group_of_people(coded, text, event):
    found = coded(text, event)
    assert [p.text for p in found.actor] == ["Those"]


def test_object_pronoun_in_a_quote_is_not_the_attacker():
    """Pronouns in a quote fall to the nearest person named before, unless that is the
    clause's own subject: then the pronoun stays unresolved rather than self-inflicted."""
    text = ('Senator Paul Redding spoke after the vote. '
            '"Governor Tom Ashford attacked him all week," an aide said.')
    analysis = Pipeline().analyse(Article(id="t", text=text, published="2024-05-10"))
    names = {a.id: a.name for a in analysis.actors}
    attack = next(e for e in analysis.events if e.trigger.text == "attacked")
    assert [names.get(p.actor_id) for p in attack.actor] == ["Tom Ashford"]
    assert [names.get(p.actor_id) for p in attack.recipient] in ([None], [])
