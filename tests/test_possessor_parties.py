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



def _by_trigger(events, trigger: str):
    found = [e for e in events if e.trigger.text == trigger]
    assert found, f"no {trigger!r} in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]


def test_someone_who_acts_for_a_person_named_after_to_or_for_takes_that_persons_country(events_of):
    """parties15 (issue #18): the tie in a to/for phrase gives the country as a possessor does,
    ahead of the country of the place the sentence is set in."""
    text = ("A lawyer for Angela Merkel sued a newspaper in Moscow on Monday. "
            "An adviser to Emmanuel Macron criticized officials in Baghdad on Tuesday.")
    events = events_of(text)
    assert _countries(_by_trigger(events, "sued").actor) == {"DEU"}
    assert _countries(_by_trigger(events, "criticized").actor) == {"FRA"}


def test_a_tie_to_no_named_person_leaves_the_scene_to_decide(events_of):
    """'a lawyer for the family' names no one whose country it could take; an envoy is
    no tied role at all ("an envoy to Israel" is sent there)."""
    sued = _by_trigger(events_of("A lawyer for the family sued the city council in Denver on Monday."), "sued")
    assert _countries(sued.actor) == {"USA"}
    met = _by_trigger(events_of("An envoy to Israel met rebel leaders in Damascus on Friday."), "met")
    assert "ISR" not in _countries(met.actor)
