"""Status of events the sentence does not assert as done (issue 17, item 3):
acts held back through a preposition."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.trigger.text, e.status) for e in sentence_events(text)]


@pytest.mark.parametrize("text, trigger", [
    ("The border guards refrained from detaining the marchers.", "detaining"),
    ("The artillery units abstained from shelling the old quarter.", "shelling"),
    ("The rival party refrained from criticism of the prime minister.", "criticism"),
    ("Border guards prevented the crowd from storming the palace.", "storming"),
])
def test_an_act_held_back_through_a_preposition_is_negated(events_of, text, trigger):
    assert [s for _, t, s in events_of(text) if t == trigger] == ["negated"]


def test_stopping_short_of_an_act_denies_it(events_of):
    events = events_of("The mayor stopped short of endorsing the senator.")
    assert all(s != "occurred" or e != "SUPPORT" for e, _, s in events)


def test_a_preposition_after_an_ordinary_verb_leaves_the_act_as_told(events_of):
    events = events_of("The police moved from arresting the marchers to dispersing them.")
    assert all(s == "occurred" for e, _, s in events if e == "COERCE")



def test_a_foiled_attempt_did_not_succeed(events_of):
    events = events_of("The army foiled an attempt to overthrow the president.")
    assert [s for _, t, s in events if t == "overthrow"] == ["negated"]
