"""A visit needs a host (PLOVER CONSULT 'visit': the visitor is the actor, the
host the recipient). Going somewhere at home, to a shop or a match, or going
nowhere in particular, visits no one. Sentences are our own."""

from __future__ import annotations

import pytest


def _visits(events):
    return [e for e in events if e.event == "CONSULT" and e.mode == "visit"]


@pytest.mark.parametrize("text, host", [
    ("The Kenyan president visited Berlin on Tuesday.", "Berlin"),
    ("The defence minister visited troops at a base near the border.", "troops"),
    ("Two senior advisers to the chancellor left for Asia on Monday.", "Asia"),
])
def test_a_visit_abroad_or_to_a_public_body_has_a_host(sentence_events, text, host):
    visits = _visits(sentence_events(text))
    assert [p.text for e in visits for p in e.recipient] == [host]


@pytest.mark.parametrize("text", [
    "Thousands of fans travelled by train to the match.",
    "The Leeds club's trip to Manchester ended in a draw.",
    "The mayor of Leeds visited a bakery in York on Friday.",
    "Many families could not afford to make the trip.",
])
def test_going_somewhere_with_no_host_is_no_visit(sentence_events, text):
    assert not _visits(sentence_events(text))


def test_a_visitor_does_not_take_the_country_it_goes_to(sentence_events):
    """Where an envoy arrives is not where the envoy comes from."""
    events = sentence_events("The envoy is expected to arrive in Cairo next week.")
    assert [p.country for e in events for p in e.actor] == [None]
