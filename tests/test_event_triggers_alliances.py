"""Alliances formed or joined (agree14): forming, forging, building or joining an alliance, a
coalition or a bloc is a commitment to cooperate (AGREE); forming a part of one, building up
something of one, or forming or joining anything else is no event. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries


@pytest.mark.parametrize("text, trigger", [
    ("Two opposition parties in Peru formed an alliance against the ruling party last year.", "formed"),
    ("Chile forged a coalition with its neighbours to patrol the fishing grounds.", "forged"),
    ("Norway built a coalition of donors to fund the clinics in 2019.", "built"),
    ("Hungary joined the coalition against the militants in 2015.", "joined"),
])
def test_an_alliance_formed_or_joined_is_an_agreement(sentence_events, text, trigger):
    events = [e for e in sentence_events(text) if e.trigger.text == trigger]
    assert [e.event for e in events] == ["AGREE"]
    assert events[0].status in {"occurred", "historical"}


def test_the_joiner_is_the_actor(sentence_events):
    events = [e for e in sentence_events("Hungary joined the coalition against the militants in 2015.")
              if e.trigger.text == "joined"]
    assert _countries(events[0].actor) == {"HUN"}


@pytest.mark.parametrize("text", [
    "The volunteers formed a line outside the clinic.",
    "Her brother joined the local choir last spring.",
    "The company built a factory near the river.",
    "Farmers formed the core of the governor's coalition.",
    "The speech built up the enthusiasm of the coalition.",
])
def test_other_things_formed_or_joined_are_no_event(event_triggers, text):
    assert not [t for t in event_triggers(text) if t[0] == "AGREE"]
