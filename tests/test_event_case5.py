"""case5 (issue #17): word classes that separate political events from
campaign rallies, demonstrations of skill, disasters and accidents. Sentences
are our own."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.trigger.text) for e in sentence_events(text)]


def _types(events) -> set[str]:
    return {event for event, _ in events}


# -- rallies for someone are no protest -----------------------------------
@pytest.mark.parametrize("text", [
    "Thousands of supporters packed his campaign rallies last month.",
    "Mr. Harris said he would win the state. The senator then spoke at a Harris rally in Dayton.",
    "Volunteers handed out leaflets before the election rally in the square.",
])
def test_a_rally_for_a_candidate_is_no_protest(events_of, text):
    assert "PROTEST" not in _types(events_of(text))


@pytest.mark.parametrize("text, trigger", [
    ("Volunteers held a rally for the nominee in the town square.", "rally"),
    ("Hundreds of supporters rallied for Ramirez outside the convention hall.", "rallied"),
])
def test_a_rally_for_a_named_candidate_is_support(events_of, text, trigger):
    assert ("SUPPORT", trigger) in events_of(text)


@pytest.mark.parametrize("text, trigger", [
    ("Thousands of protesters rallied against the new labour law in the capital.", "rallied"),
    ("Opposition supporters held a rally in the capital to denounce the vote count.", "rally"),
    ("Nurses demonstrated outside the ministry on Monday.", "demonstrated"),
    ("Farmers demonstrated against the fuel tax.", "demonstrated"),
])
def test_protest_rallies_and_demonstrations_stay_protests(events_of, text, trigger):
    assert ("PROTEST", trigger) in events_of(text)


@pytest.mark.parametrize("text", [
    "The trial demonstrated the safety of the new vaccine.",
    "The young pianist demonstrated her talent at the festival.",
    "The governor sought to rally rural voters behind the plan.",
    "Party members finally rallied to her call for unity.",
])
def test_showing_and_rousing_are_no_protests(events_of, text):
    assert "PROTEST" not in _types(events_of(text))
