"""A position held is no event (issue #17, precision): a verb of stance in the
simple present, with nobody as its recipient and a kind of thing as its
object, says what its doer stands for, not what it did on an occasion. An act
aimed at a party, a dated one, a past one and a headline stay coded.
Sentences are our own."""

from __future__ import annotations

import pytest

from coded_events import types_at

_LEAD = "The town council met on Monday. "  # the rule leaves an article's first sentence alone


@pytest.mark.parametrize("text, trigger", [
    ("The farmer said she supports wind farms on the hills.", "supports"),
    ("The mayor says he opposes offshore drilling.", "opposes"),
    ("Her group rejects violence of any kind, the spokeswoman said.", "rejects"),
])
def test_a_position_held_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(_LEAD + text), trigger) == []


@pytest.mark.parametrize("text, trigger", [
    ("The mayor says he opposes the new mine.", "opposes"),  # one thing, picked out
    ("The senator strongly supports the governor.", "supports"),  # a party is the recipient
    ("The governor opposed drilling in a speech on Tuesday.", "opposed"),  # an act, told in the past
])
def test_a_stance_on_a_party_or_an_occasion_is_coded(sentence_events, text, trigger):
    assert types_at(sentence_events(_LEAD + text), trigger) != []


def test_a_headline_present_tells_a_past_act(sentence_events):
    events = sentence_events("Senate rejects tax cuts\nThe vote was close on Monday.")
    assert types_at(events, "rejects") != []
