"""Conflict nouns of real news (issue 17): the of-phrase of an accusation noun is its target,
the subject of a verb of undergoing ('faces charges', 'survived an assassination attempt')
is the target of the noun, avoiding it negates it, and opposition with its opponents named
is a rejection."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, target", [
    ("The unions stepped up their criticism of Minister Ruto on Monday.", "Minister Ruto"),
    ("Prosecutors opened an investigation of Governor Obi last week.", "Governor Obi"),
])
def test_the_of_phrase_of_an_accusation_noun_is_its_target(sentence_events, text, target):
    accusations = [e for e in sentence_events(text) if e.event == "ACCUSE"]
    assert [[p.text for p in e.recipient] for e in accusations] == [[target]]


@pytest.fixture(scope="module")
def parties_of(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return [(e.trigger.text, e.status, [p.text for p in e.actor], [p.text for p in e.recipient]) for e in found]
    return run


@pytest.mark.parametrize("text, event, trigger, target", [
    ("Senator Adebayo faces fraud charges after the audit.", "ACCUSE", "charges", "Senator Adebayo"),
    ("The governor faced harsh criticism over the delayed payments.", "ACCUSE", "criticism", "The governor"),
    ("Talk show host Okafor is facing a defamation lawsuit in Lagos.", "ACCUSE", "lawsuit", "Talk show host Okafor"),
    ("The colonel survived an assassination attempt last spring.", "ASSAULT", "assassination", "The colonel"),
])
def test_the_subject_of_a_verb_of_undergoing_is_the_target_of_the_conflict_noun(parties_of, text, event, trigger, target):
    (found_trigger, _status, actors, recipients), = parties_of(text, event)
    assert found_trigger == trigger and recipients == [target] and actors == []


def test_an_undergone_noun_keeps_the_doer_its_from_phrase_names(parties_of):
    (_trigger, _status, actors, recipients), = parties_of("The mayor faced stern criticism from the unions.", "ACCUSE")
    assert actors == ["the unions"] and recipients == ["The mayor"]


def test_avoiding_what_a_noun_names_negates_it(parties_of):
    (trigger, status, _actors, recipients), = parties_of("The clerk avoided jail sentences by repaying the money.", "SANCTION")
    assert (trigger, status, recipients) == ("sentences", "negated", ["The clerk"])


def test_a_light_verb_noun_under_an_unrelated_verb_stays_no_event(sentence_events):
    # the entry's light list still guards the other senses: "took charge", "a long sentence"
    text = "She took charge of the harbour and read a long sentence aloud."
    assert not [e for e in sentence_events(text) if e.event in ("ACCUSE", "SANCTION")]


@pytest.mark.parametrize("text, opponents", [
    ("The school reform met with fierce opposition from the teachers' unions.", ["the teachers' unions"]),
    ("The dam was never built because of opposition by the farmers.", ["the farmers"]),
])
def test_opposition_with_its_opponents_named_is_a_rejection(parties_of, text, opponents):
    (trigger, _status, actors, _recipients), = parties_of(text, "REJECT")
    assert trigger == "opposition" and actors == opponents


def test_the_opposition_as_a_party_is_no_rejection(sentence_events):
    text = "The opposition won four seats in the northern provinces."
    assert not [e for e in sentence_events(text) if e.event == "REJECT"]
