"""Recipients of nominal events (issue 18, recip6): the subject of a verb that
draws, incurs, evades or withstands a conflict is its target."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def parties_of(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return [(e.trigger.text, [p.text for p in e.actor], [p.text for p in e.recipient]) for e in found]
    return run


@pytest.mark.parametrize("text, event, trigger, doers, target", [
    ("The harbour minister drew sharp criticism over the tender.", "ACCUSE", "criticism", [], "The harbour minister"),
    ("The mayor has attracted fierce criticism for the new parking fees.", "ACCUSE", "criticism", [], "The mayor"),
    ("The smuggler eluded a police manhunt for three weeks.", "COERCE", "manhunt", ["police"], "The smuggler"),
    ("The garrison withstood repeated attacks through the winter.", "ASSAULT", "attacks", [], "The garrison"),
])
def test_the_subject_of_a_verb_that_draws_or_evades_a_conflict_is_its_target(parties_of, text, event, trigger, doers, target):
    (found_trigger, actors, recipients), = parties_of(text, event)
    assert (found_trigger, recipients, actors) == (trigger, [target], doers)


def test_a_drawn_conflict_keeps_the_doer_its_from_phrase_names(parties_of):
    (_trigger, actors, recipients), = parties_of("The senator drew a stern rebuke from the union leaders.", "ACCUSE")
    assert actors == ["the union leaders"] and recipients == ["The senator"]


def test_drawing_something_that_is_no_conflict_codes_nothing(event_triggers):
    assert event_triggers("The architect drew a plan of the new bridge.") == []


@pytest.mark.parametrize("text, event, trigger, doers, target", [
    ("The finance minister came under sharp criticism over the budget.", "ACCUSE", "criticism", [], "The finance minister"),
    ("The senator remains under investigation by the FBI.", "ACCUSE", "investigation", ["the FBI"], "The senator"),
    ("The port authority has been under intense scrutiny since the fire.", "ACCUSE", "scrutiny", [], "The port authority"),
])
def test_who_comes_under_a_verbal_conflict_is_its_target(parties_of, text, event, trigger, doers, target):
    (found_trigger, actors, recipients), = parties_of(text, event)
    assert (found_trigger, recipients, actors) == (trigger, [target], doers)


def test_coming_under_fire_or_attack_is_no_assault_of_its_own(event_triggers):
    # as often criticism as force: the under-phrase alone does not say which
    assert ("ASSAULT", "fire") not in event_triggers("The governor came under fire from the opposition.")
    assert event_triggers("The coach came under attack after the loss.") == []
