"""Recipients (issues 17/18, recip7): the actor is never its own recipient,
players said to be from elsewhere take no scene country, and a definite event
noun that names no target takes the target of the event it refers back to."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def coded(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return found
    return run


@pytest.mark.parametrize("text, event", [
    ("The senator answered questions at a forum hosted by the Brisbane Chamber of Commerce.", "CONSULT"),
    ("Three fugitives were arrested in Townsville on Sunday.", "COERCE"),
])
def test_the_words_naming_the_actor_never_name_its_recipient(coded, text, event):
    for found in coded(text, event):
        own = {(p.start, p.end) for p in found.actor}
        assert not own & {(p.start, p.end) for p in found.recipient}


def test_a_player_said_to_be_foreign_takes_no_country_from_the_scene(coded):
    accuse, = coded("In Nairobi, foreign journalists criticized the Kenyan police over the raid.", "ACCUSE")
    assert [p.country for p in accuse.recipient] == ["KEN"]
    assert [(p.text, p.country) for p in accuse.actor] == [("foreign journalists", None)]


def test_a_home_player_still_takes_the_scene_country(coded):
    accuse, = coded("In Nairobi, local journalists criticized the police over the raid.", "ACCUSE")
    assert [p.country for p in accuse.actor] == ["KEN"]


def test_a_definite_event_noun_takes_the_target_of_the_event_it_refers_to(coded):
    text = ("Two masked gunmen shot Tomas Berg, a Swedish engineer, outside his office on Monday. "
            "Police said the shooting took place near a bus stop.")
    first, later = coded(text, "ASSAULT")
    assert [p.text for p in first.recipient] == ["Tomas Berg"]
    assert later.trigger.text == "shooting"
    assert [(p.text, p.country) for p in later.recipient] == [(p.text, p.country) for p in first.recipient]


def test_an_indefinite_event_noun_brings_up_a_new_event(coded):
    text = ("Two masked gunmen shot Tomas Berg, a Swedish engineer, outside his office on Monday. "
            "Police said a shooting took place near a bus stop.")
    later = [e for e in coded(text, "ASSAULT") if e.trigger.text == "shooting"]
    assert later and all(not e.recipient for e in later)


def test_an_event_noun_is_not_linked_when_earlier_events_had_different_targets(coded):
    text = ("Gunmen shot a Swedish engineer in Malmo on Monday. Police shot a Danish smuggler in Odense "
            "on Tuesday. Officers said the shooting took place at a market.")
    later = [e for e in coded(text, "ASSAULT") if e.trigger.text == "shooting"]
    assert later and all(not e.recipient for e in later)
