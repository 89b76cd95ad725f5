"""Visits told by a verb of going (material10): an office holder leaving for, arriving in or
heading to a place visits it; other people travelling visit no one. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries


@pytest.mark.parametrize("text, trigger, host", [
    ("The Japanese foreign minister left for Beijing on Tuesday.", "left", "CHN"),
    ("President Macron arrived in Nairobi on Monday evening.", "arrived", "KEN"),
    ("A trade delegation from Ghana departed for Berlin yesterday.", "departed", "DEU"),
])
def test_office_holders_going_somewhere_visit_it(sentence_events, text, trigger, host):
    visits = [e for e in sentence_events(text) if e.event == "CONSULT" and e.trigger.text == trigger]
    assert [e.mode for e in visits] == ["visit"]
    assert host in _countries(visits[0].recipient)


@pytest.mark.parametrize("text", [
    "The six children and their parents arrived in Italy by boat in 2019.",
    "She kissed her mother goodbye and left for school.",
    "The ferry arrived in the harbour two hours late.",
])
def test_other_people_going_somewhere_visit_no_one(event_triggers, text):
    assert not [t for t in event_triggers(text) if t[0] == "CONSULT"]


def test_an_arrival_still_ahead_is_an_intent(sentence_events):
    events = [e for e in sentence_events("The envoy is expected to arrive in Cairo next week.")
              if e.trigger.text == "arrive"]
    assert [(e.event, e.status) for e in events] == [("AGREE", "future")]
