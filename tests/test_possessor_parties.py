"""A phrase whose possessor is a person ("his wife", "none of her rivals") names other
people than that person: it never takes the possessor's actor, though it may share the
possessor's country. What a person owns ("her record") still stands for them, though
never as the target of their own act. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def test_a_relative_is_not_the_person_whose_relative_it_is(events_of):
    event = _only(events_of("Governor Tom Becker of Ohio praised his wife on Tuesday."), "SUPPORT")
    governor, = event.actor
    wife, = event.recipient
    assert governor.actor_id is not None
    assert wife.text == "his wife" and wife.actor_id is None
    assert wife.country == "USA"  # the possessor's country is the best guess left


def test_a_share_of_someones_rivals_is_not_them(events_of):
    text = ("Senator Maria Lopez of Texas spoke in Austin on Sunday. "
            "None of her rivals attacked her during the debate on Monday.")
    event = _only(events_of(text), "ACCUSE")
    assert {p.actor_id for p in event.actor}.isdisjoint({p.actor_id for p in event.recipient})


def test_a_counterpart_takes_the_country_its_modifier_names(events_of):
    event = _only(events_of("Governor Tom Becker of Ohio met his French counterpart in Paris on Monday."),
                  "CONSULT")
    assert _countries(event.recipient) == {"FRA"}
    assert all(p.actor_id is None for p in event.recipient)


def test_what_a_person_owns_is_not_their_own_recipient(events_of):
    """recipients13 (issue #17/#18): her record stands for her, so it is no target of hers."""
    event = _only(events_of("Senator Maria Lopez of Texas defended her record on Tuesday."), "SUPPORT")
    assert event.recipient == []
