"""The means of an attack (ASSAULT mode) and other real-news event classes,
on sentences written for these tests."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.mode, e.trigger.text) for e in sentence_events(text)]


@pytest.mark.parametrize("text, mode", [
    # the means in a clause beside the trigger
    ("Four villagers were killed when militia fighters used chlorine gas on the hamlet.", "unconventional"),
    ("Nine shopkeepers were wounded as mortar rounds fired by the rebels hit the market.", "heavy-weapons"),
    # the means as the passive agent
    ("A police van was targeted by a suicide bomber outside the court on Monday.", "suicide-attack"),
    # a more specific means outranks the entry's own
    ("Two suicide bombers blew themselves up at the gate of the barracks.", "suicide-attack"),
    ("Government jets carried out aerial bombardments of the rebel positions overnight.", "aerial"),
])
def test_the_means_named_in_the_sentence_sets_the_assault_mode(events_of, text, mode):
    modes = {m for event, m, _ in events_of(text) if event == "ASSAULT"}
    assert mode in modes


def test_tear_gas_is_crowd_control_not_a_chemical_weapon(events_of):
    events = events_of("Riot police fired tear gas at the marchers near the parliament.")
    modes = {m for event, m, _ in events if event == "ASSAULT"}
    assert modes == {"crowd-control"}


def test_shots_fired_in_the_air_keep_the_firearms_mode(events_of):
    events = events_of("Police fired a dozen rounds in the air to scatter the crowd.")
    assert ("ASSAULT", "firearms", "fired") in events


@pytest.mark.parametrize("text, trigger", [
    ("Troops fired at the marchers from the roof of the depot.", "fired"),
    ("Two farmers died in police firing near the dam on Friday.", "firing"),
    ("Riot police lathicharged the crowd outside the station.", "lathicharged"),
])
def test_shooting_with_no_object_named_is_an_assault(events_of, text, trigger):
    assert trigger in {t for event, _, t in events_of(text) if event == "ASSAULT"}


@pytest.mark.parametrize("text", [
    "The company fired the manager after the audit.",
    "The governor fired his chief of staff on Tuesday.",
])
def test_firing_someone_from_a_job_is_no_assault(events_of, text):
    assert "ASSAULT" not in {event for event, _, _ in events_of(text)}


@pytest.mark.parametrize("text, event, mode", [
    ("At least 17 traders were arrested after the clashes, officials said.", "COERCE", "arrest"),
    ("Forty rifles and 900 cartridges were confiscated at the checkpoint.", "COERCE", "seize"),
])
def test_a_counted_passive_with_no_agent_still_reports_the_event(events_of, text, event, mode):
    assert (event, mode) in {(e, m) for e, m, _ in events_of(text)}


def test_being_charged_with_a_crime_is_an_accusation_not_a_charge_at_a_town(events_of):
    events = events_of("Three county commissioners were charged with taking bribes from builders.")
    assert {e for e, _, _ in events} == {"ACCUSE"}


@pytest.mark.parametrize("text, trigger", [
    ("Two traders were killed when soldiers fired on the market crowd.", "fired"),
    ("Three students were hurt when the police burst tear gas shells near the campus.", "burst"),
])
def test_a_harm_with_no_doer_is_the_outcome_of_the_act_in_its_when_clause(events_of, text, trigger):
    assaults = [t for event, _, t in events_of(text) if event == "ASSAULT"]
    assert assaults == [trigger]


def test_chlorine_used_as_gas_is_a_chemical_attack(events_of):
    events = events_of("Six villagers died after militia fighters used chlorine gas on the hamlet.")
    assert "unconventional" in {m for event, m, _ in events if event == "ASSAULT"}


def test_a_weapon_does_not_outrank_a_kind_of_act(events_of):
    events = events_of("Gunmen kidnapped four aid workers on the road north of the town.")
    assert ("ASSAULT", "abduct") in {(e, m) for e, m, _ in events}
