"""Assault triggers (issue #17, case5): harm done by nature or accident is no one's act,
fire from weapons or forces still is, and poisons and weapons used are assaults while a
chemical for the fields is no weapon; coming under fire is an assault when arms are named,
and returning fire is one (material10). Sentences are our own."""

from __future__ import annotations

import pytest


def _types(events) -> set[str]:
    return {event for event, _ in events}


# -- harm done by nature or accident is no one's act -------------------------------------------


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


# -- poisons and weapons used ------------------------------------------------------------------


@pytest.mark.parametrize("text, mode", [
    ("Government troops used sarin on the suburb, killing dozens.", "unconventional"),
    ("The use of chlorine by the army killed forty people in Douma.", "unconventional"),
    ("Five people died after the use of grenades by the security forces in the capital.", "explosives"),
])
def test_using_poison_or_weapons_is_an_assault(sentence_events, text, mode):
    assert ("ASSAULT", mode) in {(e.event, e.mode) for e in sentence_events(text)}


def test_a_chemical_for_the_fields_is_no_weapon(event_triggers):
    assert "ASSAULT" not in _types(event_triggers("Farmers use chemical fertiliser on their fields."))


@pytest.mark.parametrize("text", [
    "Since the Kandahar attack in March, the army has gained the upper hand.",
    "The Paris attack shocked the country.",
])
def test_a_place_named_before_attack_is_no_person_attacking_in_words(event_triggers, text):
    assert "ACCUSE" not in _types(event_triggers(text))


# -- force undergone under arms or answered (material10) ----------------------------------------


@pytest.mark.parametrize("text, trigger", [
    ("Afghan troops came under rocket fire on Sunday night.", "fire"),
    ("The convoy came under attack by gunmen armed with rifles near the pass.", "attack"),
    ("The guards returned fire and the attackers fled.", "fire"),
])
def test_force_undergone_or_answered_with_arms_is_an_assault(event_triggers, text, trigger):
    assert ("ASSAULT", trigger) in event_triggers(text)


def test_coming_under_fire_from_critics_stays_criticism(event_triggers):
    triggers = event_triggers("The governor came under fire from critics over his budget plan.")
    assert not [t for t in triggers if t[0] == "ASSAULT"]
