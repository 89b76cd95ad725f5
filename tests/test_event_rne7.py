"""Recall classes of real news (issue 17, rne7): WordNet verb synsets whose members
had no lexicon entry -- fleeing a country, and obstructing a law or an agreement."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger", [
    ("Thousands of families fled Sudan after the fighting reached the capital.", "fled"),
    ("The reporter had to flee the country when the junta took power.", "flee"),
    ("Half the villagers fled the town when the militia arrived.", "fled"),
])
def test_fleeing_a_country_is_a_sanction(event_triggers, text, trigger):
    assert ("SANCTION", trigger) in event_triggers(text)


def test_fleeing_the_police_is_no_sanction(event_triggers):
    assert not [t for t in event_triggers("The driver fled the scene before officers arrived.") if t[0] == "SANCTION"]


@pytest.mark.parametrize("text, trigger", [
    ("Opposition senators blocked the budget bill on Tuesday.", "blocked"),
    ("The senate has stalled ratification of the treaty for a year.", "stalled"),
    ("The ruling party obstructed the proposal in committee.", "obstructed"),
])
def test_obstructing_a_law_or_agreement_is_a_rejection(event_triggers, text, trigger):
    assert ("REJECT", trigger) in event_triggers(text)


def test_blocking_a_road_stays_a_protest(event_triggers):
    assert ("REJECT", "blocked") not in event_triggers("Striking farmers blocked the main road with tractors.")


@pytest.mark.parametrize("text, status", [
    ("The senators did not block the treaty.", "negated"),
    ("If the talks fail, the senators may block the bill.", "hypothetical"),
    ("The opposition will delay the budget vote until June.", "future"),
])
def test_an_obstruction_keeps_its_status(sentence_events, text, status):
    assert [e.status for e in sentence_events(text) if e.event == "REJECT"] == [status]


def test_a_negated_flight_reads_negated(sentence_events):
    assert [e.status for e in sentence_events("They did not flee the city during the siege.")
            if e.event == "SANCTION"] == ["negated"]
