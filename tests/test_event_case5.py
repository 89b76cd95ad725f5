"""case5 (issue #17): word classes that separate political events from
campaign rallies, demonstrations of skill, disasters and accidents. Sentences
are our own."""

from __future__ import annotations

import pytest


def _types(events) -> set[str]:
    return {event for event, _ in events}


# -- rallies for someone are no protest -----------------------------------
@pytest.mark.parametrize("text", [
    "Thousands of supporters packed his campaign rallies last month.",
    "Mr. Harris said he would win the state. The senator then spoke at a Harris rally in Dayton.",
    "Volunteers handed out leaflets before the election rally in the square.",
])
def test_a_rally_for_a_candidate_is_no_protest(event_triggers, text):
    assert "PROTEST" not in _types(event_triggers(text))


@pytest.mark.parametrize("text, trigger", [
    ("Volunteers held a rally for the nominee in the town square.", "rally"),
    ("Hundreds of supporters rallied for Ramirez outside the convention hall.", "rallied"),
])
def test_a_rally_for_a_named_candidate_is_support(event_triggers, text, trigger):
    assert ("SUPPORT", trigger) in event_triggers(text)


@pytest.mark.parametrize("text, trigger", [
    ("Thousands of protesters rallied against the new labour law in the capital.", "rallied"),
    ("Opposition supporters held a rally in the capital to denounce the vote count.", "rally"),
    ("Nurses demonstrated outside the ministry on Monday.", "demonstrated"),
    ("Farmers demonstrated against the fuel tax.", "demonstrated"),
])
def test_protest_rallies_and_demonstrations_stay_protests(event_triggers, text, trigger):
    assert ("PROTEST", trigger) in event_triggers(text)


@pytest.mark.parametrize("text", [
    "The trial demonstrated the safety of the new vaccine.",
    "The young pianist demonstrated her talent at the festival.",
    "The governor sought to rally rural voters behind the plan.",
    "Party members finally rallied to her call for unity.",
])
def test_showing_and_rousing_are_no_protests(event_triggers, text):
    assert "PROTEST" not in _types(event_triggers(text))


# -- harm done by nature or accident is no one's act -----------------------
@pytest.mark.parametrize("text", [
    "A violent storm lashed the islands overnight, killing three fishermen.",
    "A minibus plunged off a mountain road, killing nine passengers.",
    "The fire gutted two warehouses and killed a night watchman.",
    "A fire destroyed forty market stalls on Saturday.",
    "A boiler blast at the textile mill injured five workers.",
    "A fuel tanker overturned on the motorway, killing its driver.",
    "Farmer, 64, killed in tractor accident.",
    "Officials are investigating the cause of the train derailment.",
    "Bird flu has killed over a hundred people in the region.",
])
def test_disasters_and_accidents_are_no_assault_or_inquiry(event_triggers, text):
    assert not _types(event_triggers(text)) & {"ASSAULT", "ACCUSE"}


@pytest.mark.parametrize("text", [
    "Two soldiers were killed by artillery fire near the border post.",
    "Sniper fire killed a nurse in the old city.",
    "Police fire killed two marchers in the capital.",
    "Rebels stormed the village, killing six farmers.",
])
def test_fire_from_weapons_or_forces_is_still_an_assault(event_triggers, text):
    assert "ASSAULT" in _types(event_triggers(text))


@pytest.mark.parametrize("text", [
    "A gas cylinder exploded in the restaurant kitchen.",
    "The fuel tank exploded after the collision.",
])
def test_a_container_blowing_up_is_no_bombing(event_triggers, text):
    assert "ASSAULT" not in _types(event_triggers(text))


# -- poisons and weapons used, forces dispatched ---------------------------
@pytest.mark.parametrize("text, mode", [
    ("Government troops used sarin on the suburb, killing dozens.", "unconventional"),
    ("The use of chlorine by the army killed forty people in Douma.", "unconventional"),
    ("Five people died after the use of grenades by the security forces in the capital.", "explosives"),
])
def test_using_poison_or_weapons_is_an_assault(sentence_events, text, mode):
    assert ("ASSAULT", mode) in {(e.event, e.mode) for e in sentence_events(text)}


def test_a_chemical_for_the_fields_is_no_weapon(event_triggers):
    assert "ASSAULT" not in _types(event_triggers("Farmers use chemical fertiliser on their fields."))


def test_the_dispatch_of_troops_is_a_mobilization(event_triggers):
    assert ("MOBILIZE", "dispatch") in event_triggers("The government ordered the dispatch of troops to the border.")


@pytest.mark.parametrize("text", [
    "Since the Kandahar attack in March, the army has gained the upper hand.",
    "The Paris attack shocked the country.",
])
def test_a_place_named_before_attack_is_no_person_attacking_in_words(event_triggers, text):
    assert "ACCUSE" not in _types(event_triggers(text))


# -- measures against a disaster are no coercion ----------------------------
@pytest.mark.parametrize("text", [
    "The province imposed a lockdown on the city to contain the epidemic.",
    "The government declared a state of emergency after the floods.",
    "Authorities imposed a curfew to slow the spread of the virus.",
    "Soldiers were deployed to help residents after the earthquake.",
    "Police sealed off the district after the chemical leak.",
    "The outbreak forced the council to close schools and ban public gatherings.",
])
def test_measures_against_a_disaster_are_no_coercion(event_triggers, text):
    assert not _types(event_triggers(text)) & {"COERCE", "MOBILIZE"}


@pytest.mark.parametrize("text, event", [
    ("Police imposed a curfew in the old city after mobs set fire to shops.", "COERCE"),
    ("The government declared a state of emergency in the province after the protests.", "COERCE"),
    ("The army deployed troops to the border after the ambush.", "MOBILIZE"),
])
def test_measures_against_unrest_are_still_coercion(event_triggers, text, event):
    assert event in _types(event_triggers(text))


# -- recall by class ---------------------------------------------------------
@pytest.mark.parametrize("text, event, trigger", [
    ("Rebels and army units exchanged prisoners near the city on Tuesday.", "RETREAT", "exchanged"),
    ("The two militias swapped captives at the border crossing.", "RETREAT", "swapped"),
    ("Border guards intercepted twelve suspected members of the cell near the capital.", "COERCE", "intercepted"),
    ("The law enforcers seized two landmines and three grenades from a cache near Kharkiv.", "COERCE", "seized"),
])
def test_exchanges_interceptions_and_seizures(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


def test_exchanging_fire_is_no_release(event_triggers):
    assert "RETREAT" not in _types(event_triggers("The two sides exchanged fire across the border."))
