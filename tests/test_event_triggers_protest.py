"""Protest triggers: a rally for a candidate is support, not protest, and showing or rousing
is no protest (issue #17, case5); hyphenated event nouns the tokenizer splits ('sit-in')
match as whole words (case6); the noun of an act only a crowd does reports a protest
though no doer is named (rne6). Sentences are our own."""

from __future__ import annotations

import pytest


def _types(events) -> set[str]:
    return {event for event, _ in events}


# -- rallies for someone are no protest (case5) ------------------------------------------------


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


# -- hyphenated event nouns (case6) ------------------------------------------------------------


@pytest.mark.parametrize("text, event, trigger", [
    ("Nurses staged a sit-in outside the health ministry.", "PROTEST", "sit-in"),
    ("Dock workers began a walk-out over unpaid wages.", "PROTEST", "walk-out"),
])
def test_a_hyphenated_event_noun_is_the_trigger_as_a_whole(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


def test_a_hyphenated_noun_belongs_to_its_class_as_an_object(event_triggers):
    # "sit-ins" is in the protests class: breaking them up is a dispersal
    assert ("COERCE", "broke") in event_triggers("Riot police broke up two sit-ins near the port.")


# -- acts only a crowd does (rne6) -------------------------------------------------------------


@pytest.mark.parametrize("text, trigger", [
    ("The closure of the mine set off three days of protests in the valley.", "protests"),
    ("Nurses at the county hospital are now in the second week of a walkout over staffing.", "walkout"),
    ("Crowds gathered at the port, and some turned to looting and rioting after dark.", "rioting"),
    ("He was jailed for a year for helping to organise the protests.", "protests"),
])
def test_crowd_act_with_no_doer_is_a_protest(event_triggers, text, trigger):
    assert ("PROTEST", trigger) in event_triggers(text)


def test_a_demonstration_of_something_is_a_show(event_triggers):
    assert ("PROTEST", "demonstration") not in event_triggers("The agreement would be a demonstration of good will.")


def test_a_rally_with_no_one_named_stays_unreported(event_triggers):
    assert ("PROTEST", "rally") not in event_triggers("At the rally, the crowd was soaked by the rain.")
