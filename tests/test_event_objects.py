"""Objects that narrow a trigger are noun classes, not the words of a few
sentences: any leave to act that is sought is a request, and other senses of
the verb stay no event."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.trigger.text) for e in sentence_events(text)]


@pytest.mark.parametrize("text", [
    "The farmers' union sought permission from the district collector to march to the capital.",
    "The transport minister is seeking cabinet approval for the new rail tender.",
    "Opposition lawmakers sought a judicial inquiry into the shooting at the mill.",
])
def test_seeking_leave_or_an_inquiry_is_a_request(events_of, text):
    assert "REQUEST" in {event for event, _ in events_of(text)}


@pytest.mark.parametrize("text", [
    "The senator will seek a third term in the autumn election.",
    "The young striker is still seeking his first goal of the season.",
])
def test_seeking_office_or_a_goal_is_no_request(events_of, text):
    assert "REQUEST" not in {event for event, _ in events_of(text)}
