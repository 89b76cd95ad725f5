"""Whole real articles (issue 17): an intention, willingness or readiness the doer states is
a statement that occurred, coded by what it is for; a move others expect stays in the
future; and a counted passive keeps its event though nobody is named as its doer."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.trigger.text, e.status) for e in sentence_events(text)]


@pytest.mark.parametrize("text, event, trigger", [
    ("Thirty shops were looted in the old town on Friday night.", "ASSAULT", "looted"),
    ("Some 1,200 officers were recruited into the border police this spring.", "MOBILIZE", "recruited"),
    ("One person was killed near the checkpoint on Sunday.", "ASSAULT", "killed"),
])
def test_a_counted_passive_without_a_doer_keeps_its_event(events_of, text, event, trigger):
    assert (event, trigger) in {(e, t) for e, t, _ in events_of(text)}


@pytest.mark.parametrize("text, event, trigger", [
    ("The rebel commander said his fighters were willing to withdraw from the ridge.", "CONCEDE", "withdraw"),
    ("The trade minister plans to visit Jakarta in the autumn, her office said.", "AGREE", "visit"),
])
def test_an_intention_the_doer_states_is_a_statement_that_occurred(events_of, text, event, trigger):
    assert (event, trigger, "occurred") in events_of(text)


def test_an_expected_move_stays_in_the_future(events_of):
    events = events_of("The rebels are expected to withdraw from the ridge next month.")
    assert ("CONCEDE", "withdraw", "future") in events


def test_a_stated_willingness_is_an_intent_coded_by_what_it_is_for(events_of):
    events = events_of("The guerrilla leaders voiced their willingness to negotiate with the new cabinet.")
    assert [(e, t) for e, t, _ in events] == [("AGREE", "willingness")]


def test_a_stated_readiness_to_use_force_is_a_threat(events_of):
    events = events_of("The defence minister declared his readiness to attack the rebel strongholds.")
    assert ("THREATEN", "readiness", "occurred") in events


def test_willingness_as_a_trait_is_no_event(events_of):
    assert events_of("Her willingness to listen won her many friends in the village.") == []
