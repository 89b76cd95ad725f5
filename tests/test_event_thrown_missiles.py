"""Throwing things at people (issue #17, case12): stones, bricks or bottles thrown or
hurled are rioting (PROTEST 'riot', as pelting is), thrown grenades or bombs an attack;
throwing a ball or a party is neither. Sentences are our own."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.mode) for e in sentence_events(text)]


@pytest.mark.parametrize("text", [
    "Youths threw stones at the riot police outside the town hall.",
    "Hundreds of students hurled bricks and bottles at the security forces.",
])
def test_stones_and_bottles_thrown_are_rioting(events_of, text):
    assert ("PROTEST", "riot") in events_of(text)


def test_a_thrown_grenade_is_an_attack_with_explosives(events_of):
    assert ("ASSAULT", "explosives") in events_of("An unknown man threw a grenade into the crowded bus station.")


@pytest.mark.parametrize("text", [
    "The goalkeeper threw the ball to a defender.",
    "Her parents threw a party for the graduates.",
])
def test_throwing_a_ball_or_a_party_is_no_event(events_of, text):
    assert not any(event in ("PROTEST", "ASSAULT") for event, _ in events_of(text))
