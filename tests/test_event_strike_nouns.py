"""The nouns strike and raid take their sense from their modifiers and their doer
(issue #17, strikes15): a stoppage of work is PROTEST 'strike', a blow by arms is
ASSAULT; a raid is a search (COERCE 'seize') unless soldiers, armed groups or
aircraft make it. Sentences are our own."""

from __future__ import annotations

import pytest


def _coded(sentence_events, text: str, word: str) -> set[tuple[str, str | None]]:
    return {(e.event, e.mode) for e in sentence_events(text) if e.trigger.text.lower().startswith(word)}


@pytest.mark.parametrize("text", [
    "Dockworkers began a nationwide strike on Tuesday to demand higher wages.",
    "A 48-hour strike shut the ports of the region.",
    "The dockers' strike closed half the shops in the capital.",
    "A strike by hospital staff left the wards without cleaners.",
    "The miners' union launched a strike over the pit closures.",
])
def test_a_stoppage_of_work_is_a_labour_strike(sentence_events, text):
    assert ("PROTEST", "strike") in _coded(sentence_events, text, "strike")


@pytest.mark.parametrize("text, mode", [
    ("The air force launched strikes on the fuel depots overnight.", None),
    ("The navy launched a strike on the harbour, killing four sailors.", None),
    ("Russian missile strikes hit the port city on Sunday.", "heavy-weapons"),
    ("A drone strike killed two commanders near the border.", "drone"),
])
def test_a_blow_by_arms_stays_an_attack(sentence_events, text, mode):
    coded = _coded(sentence_events, text, "strike") | _coded(sentence_events, text, "drone strike")
    assert any(event == "ASSAULT" for event, _ in coded)
    assert not any(event == "PROTEST" for event, _ in coded)
    if mode:
        assert ("ASSAULT", mode) in coded


@pytest.mark.parametrize("text, word", [
    ("Insurgents raided a police station in the hills before dawn.", "raided"),
    ("A commando raid on the rebel camp killed three guards.", "raid"),
    ("Army commandos carried out a raid on the camp at dawn.", "raid"),
    ("Raids by army helicopters killed eleven fighters in the valley.", "raids"),
    ("Forty houses burned in a cross-border raid carried out by the rebel militia.", "raid"),
])
def test_a_raid_by_soldiers_armed_groups_or_aircraft_is_an_attack(sentence_events, text, word):
    assert "ASSAULT" in {event for event, _ in _coded(sentence_events, text, word)}


def test_a_raid_by_aircraft_takes_the_aerial_mode(sentence_events):
    text = "Raids by army helicopters killed eleven fighters in the valley."
    assert ("ASSAULT", "aerial") in _coded(sentence_events, text, "raids")


@pytest.mark.parametrize("text, word", [
    ("Police raided the warehouse and seized forged banknotes.", "raided"),
    ("A police raid on the printing shop led to three arrests.", "raid"),
])
def test_a_police_raid_stays_a_search(sentence_events, text, word):
    assert _coded(sentence_events, text, word) == {("COERCE", "seize")}


@pytest.mark.parametrize("text, word", [
    ("I was struck that nobody in the room objected.", "struck"),
    ("She was struck by how little the town had changed.", "struck"),
    ("It struck me that the mayor had not read the report.", "struck"),
    ("The minister struck a conciliatory tune in parliament.", "struck"),
    ("His remark struck a raw nerve among the farmers.", "struck"),
    ("The deal the two firms had struck last year collapsed.", "struck"),
])
def test_struck_as_impressed_or_agreed_is_no_attack(event_triggers, text, word):
    assert ("ASSAULT", word) not in {(event, trigger.lower()) for event, trigger in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "A shell struck the school, wounding six pupils.",
    "The gunman who struck the guard fled on foot.",
])
def test_a_blow_that_struck_stays_an_attack(event_triggers, text):
    assert ("ASSAULT", "struck") in event_triggers(text)


def test_a_hyphened_hunger_strike_is_one(sentence_events):
    text = "The activist began an indefinite hunger-strike on Sunday."
    assert ("PROTEST", "hunger") in _coded(sentence_events, text, "hunger-strike")


@pytest.mark.parametrize("text", [
    "Four guards were killed in a raid on the prison.",
    "Six villagers died during a raid on the market.",
])
def test_a_raid_told_to_kill_is_no_search(sentence_events, text):
    coded = {(e.event, e.mode) for e in sentence_events(text)}
    assert ("COERCE", "seize") not in coded
    assert any(event == "ASSAULT" for event, _ in coded)


def test_a_raid_that_killed_is_an_attack(sentence_events):
    text = "The raid that killed the rebel leader was approved by the president."
    assert "ASSAULT" in {event for event, _ in _coded(sentence_events, text, "raid")}
