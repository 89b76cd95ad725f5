"""Event triggers taken by word class: every member of a class codes its event,
not only the members seen in evaluation sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger", [
    ("The opposition leader assailed the finance minister over the new fuel tax.", "assailed"),
    ("The senator faulted the agency for its slow response to the outbreak.", "faulted"),
    ("The mayor scolded the council for delaying the housing vote.", "scolded"),
])
def test_verbs_of_verbal_attack_are_accusations(event_triggers, text, trigger):
    assert ("ACCUSE", trigger) in event_triggers(text)


@pytest.mark.parametrize("text, trigger", [
    ("A guard punched a prisoner in the corridor, the inmate's lawyer said.", "punched"),
    ("Officers tased the driver before he was handcuffed.", "tased"),
    ("Vigilantes bludgeoned two cattle traders near the market on Sunday.", "bludgeoned"),
])
def test_blows_to_the_body_are_assaults(event_triggers, text, trigger):
    assert ("ASSAULT", trigger) in event_triggers(text)


def test_a_storm_battering_the_coast_is_no_assault(event_triggers):
    events = event_triggers("A powerful storm battered the coast overnight, cutting power to thousands.")
    assert "ASSAULT" not in {event for event, _ in events}


@pytest.mark.parametrize("text", [
    "Heavy rain that battered the delta for a week has swollen the rivers.",
    "Officials counted the damage from an earthquake that killed dozens of villagers.",
])
def test_harm_done_by_a_disaster_in_a_relative_clause_is_no_assault(event_triggers, text):
    assert "ASSAULT" not in {event for event, _ in event_triggers(text)}


def test_people_in_a_relative_clause_are_still_doers(event_triggers):
    events = event_triggers("The gunmen who killed two guards fled on motorbikes.")
    assert ("ASSAULT", "killed") in events


@pytest.mark.parametrize("text", [
    "Asked why the bridge was still closed, the engineer blamed the weather.",
    "When asked whether the strike would spread, the union leader smiled.",
    "Asked about the new levy, the minister said it was fair.",
    "A reporter asked the general how long the troops would stay.",
])
def test_a_question_put_to_someone_is_no_request(event_triggers, text):
    assert "REQUEST" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The governor asked the federal government to send more doctors.",
    "The charity asked donors for blankets and tents.",
])
def test_asking_for_something_is_still_a_request(event_triggers, text):
    assert "REQUEST" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Four passengers were killed when the bus collided with a truck on the coastal road.",
    "Eleven workers were injured in the accident at the port on Monday.",
    "Several houses were damaged in the landslide that followed the rains.",
])
def test_harm_from_an_accident_or_disaster_is_no_assault(event_triggers, text):
    assert "ASSAULT" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Two villagers were killed when soldiers raided the settlement.",
    "Three guards were wounded in an ambush on the convoy.",
])
def test_harm_in_an_attack_is_still_an_assault(event_triggers, text):
    assert "ASSAULT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The senator spoke to reporters outside the courthouse after the hearing.",
    "The candidate has been talking with voters in small towns all week.",
])
def test_speaking_to_the_public_is_no_consultation(event_triggers, text):
    assert "CONSULT" not in {event for event, _ in event_triggers(text)}


def test_speaking_with_a_counterpart_is_still_a_consultation(event_triggers):
    events = event_triggers("The Kenyan foreign minister spoke with her Ugandan counterpart on Tuesday.")
    assert "CONSULT" in {event for event, _ in events}


@pytest.mark.parametrize("text", [
    "The farmers' union threw its support behind the opposition candidate.",
    "Several mayors showed their support for the teachers on Friday.",
    "The league lent its support to the boycott.",
])
def test_support_shown_or_lent_is_support(event_triggers, text):
    assert "SUPPORT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text, event_type", [
    ("Militants said the rockets that were fired at the airbase came from the hills.", "ASSAULT"),
])
def test_an_object_named_by_a_relative_pronoun_is_its_noun(event_triggers, text, event_type):
    assert event_type in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The deal that the two companies struck in March fell apart.",
    "Every pupil needs somebody they can talk to.",
])
def test_a_relative_object_keeps_other_senses_out(event_triggers, text):
    events = {event for event, _ in event_triggers(text)}
    assert not events & {"ASSAULT", "CONSULT"}
