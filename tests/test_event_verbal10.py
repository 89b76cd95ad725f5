"""Verbal conflict and support said in other words (issue 17, verbal10): the
nouns of the lexicon's verbs of disapproval, request and praise, naming a party
or its act with a word of censure, and events received by the subject of
"receive"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, event, trigger", [
    ("The teachers' union expressed its disapproval of the new contract.", "ACCUSE", "disapproval"),
    ("The verdict provoked an outcry from human rights groups.", "ACCUSE", "outcry"),
    ("The president's exhortation to the militias went unheeded.", "REQUEST", "exhortation"),
    ("Several leaders sent their congratulations to the new president.", "SUPPORT", "congratulations"),
])
def test_nouns_of_the_lexicon_verbs(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


def test_a_backlash_drawn_is_aimed_at_the_subject(sentence_events):
    event = next(e for e in sentence_events("The tax on fuel drew a fierce backlash from farmers' groups.")
                 if e.event == "ACCUSE")
    assert event.trigger.text == "backlash"
    assert [a.text for a in event.actor] == ["farmers' groups"]


@pytest.mark.parametrize("text, event, actor, recipient", [
    ("The governor received a warning from the FBI.", "THREATEN", "USA", None),
    ("The refugees received aid from the United Nations.", "AID", "IGO", None),
    ("Jordan received a formal complaint from Syria over the border incident.", "ACCUSE", "SYR", "JOR"),
])
def test_the_subject_of_receive_is_the_one_the_act_is_aimed_at(sentence_events, text, event, actor, recipient):
    found = next(e for e in sentence_events(text) if e.event == event)
    assert actor in {a.country for a in found.actor}
    assert recipient is None or recipient in {r.country for r in found.recipient}
    assert not {a.country for a in found.actor} & {r.country for r in found.recipient}


@pytest.mark.parametrize("text, trigger", [
    ("The union chief called the new pay offer insulting and unfair.", "called"),
    ("The senator kept calling his opponent a liar.", "calling"),
    ("The closure of the clinic was described as reckless by a county councillor.", "described"),
    ("Opposition parties branded the tax increase a betrayal of voters.", "branded"),
])
def test_naming_with_a_word_of_censure_is_criticism(event_triggers, text, trigger):
    assert ("ACCUSE", trigger) in event_triggers(text)


@pytest.mark.parametrize("text", [
    "The coach called the win a great relief.",
    "She described the talks as useful and frank.",
    "Residents called the police after the storm.",
])
def test_naming_with_other_words_is_no_criticism(event_triggers, text):
    assert not [t for t in event_triggers(text) if t[0] == "ACCUSE"]


def test_who_names_it_is_the_actor(sentence_events):
    event = next(e for e in sentence_events("The French president called the Russian decision unacceptable.")
                 if e.event == "ACCUSE")
    assert "FRA" in {a.country for a in event.actor}
