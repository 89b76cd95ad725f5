"""Blame laid on a cause, and fights with bare hands (issue #17, case13).

"Blamed X on Y" accuses Y: when Y is a party it is the recipient; when Y is only a
cause (a fault, the weather, conditions) nobody is accused and there is no event.
Scuffles, brawls and fistfights are assaults ('beat'); protesters scuffling with the
police are rioting, as when they clash with them. Sentences are our own."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: sentence_events(text)


def _accusations(events):
    return [e for e in events if e.event == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "The mayor blamed the blackout on a broken transformer.",
    "Officials blamed the collapse of the bridge on poor maintenance.",
    "Dozens of deaths were blamed on the heatwave.",
])
def test_blame_laid_on_a_cause_accuses_nobody(events_of, text):
    assert not _accusations(events_of(text))


@pytest.mark.parametrize("text, accused", [
    ("The governor blamed the violence on rival gangs.", "rival gangs"),
    ("The police blamed the riot on opposition activists.", "opposition activists"),
    ("The senator blamed the shutdown on the opposition party.", "the opposition party"),
])
def test_blame_laid_on_a_party_accuses_that_party(events_of, text, accused):
    found = _accusations(events_of(text))
    assert found and accused in [p.text for p in found[0].recipient]


def test_blame_with_its_object_the_accused_is_unchanged(events_of):
    found = _accusations(events_of("The president blamed the army for the massacre."))
    assert found and "the army" in [p.text for p in found[0].recipient]


@pytest.mark.parametrize("text", [
    "Scuffles broke out between fans and stewards outside the stadium.",
    "A brawl erupted outside a bar late on Friday.",
    "A mass brawl broke out between rival workers at the mine.",
])
def test_scuffles_and_brawls_are_beatings(events_of, text):
    assert ("ASSAULT", "beat") in [(e.event, e.mode) for e in events_of(text)]


def test_protesters_scuffling_with_police_are_rioting(events_of):
    found = [(e.event, e.mode) for e in events_of("Protesters scuffled with police near the embassy on Saturday.")]
    assert ("PROTEST", "riot") in found


def test_a_contest_of_words_is_no_fight(events_of):
    found = events_of("The two candidates tussled over the budget in a heated melee of a debate.")
    assert not [e for e in found if e.event == "ASSAULT"]
