"""The status of an event (occurred, negated, future, hypothetical, historical), and what a
sentence asserts around a negated or described event: a negation does not reach a clause
of time or cause with its own subject (nor, when that clause is told in the past, a modal),
and a relative clause on an event noun tells that event's course. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


# -- status ------------------------------------------------------------------------------------


def test_negated_attack_is_negated(events_of):
    event = _only(events_of("Turkey did not attack Syria last year."), "ASSAULT")
    assert event.status == "negated"


def test_not_supporting_is_rejecting(events_of):
    event = _only(events_of("Austria does not support the plan, the chancellor said."), "REJECT")
    assert event.status == "occurred"
    assert "negated-recode" in event.rule


def test_future_cooperation_is_agree(events_of):
    aid = _only(events_of("Spain will send aid to Morocco."), "AGREE")
    assert aid.status == "future"
    assert _countries(aid.recipient) == {"MAR"}
    visit = _only(events_of("The Greek prime minister is expected to visit Turkey."), "AGREE")
    assert visit.status == "future"


def test_conditional_attack_is_hypothetical(events_of):
    events = events_of("If Israel attacked Iranian territory, Iran would respond, analysts said.")
    assert any(e.event == "ASSAULT" and e.status == "hypothetical" for e in events)


def test_old_dated_event_is_historical(events_of):
    event = _only(events_of("Since the 2014 annexation of Crimea by Russia, relations have soured."),
                  "COERCE")
    assert event.status == "historical"
