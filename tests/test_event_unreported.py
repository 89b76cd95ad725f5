"""Precision on real news (issue 17, prec6, precision16): attacks in words are
criticism, and direct questions and commands report no event. Sentences are our own."""

from __future__ import annotations

import pytest

from dragoman.extractors.lexicon import LexiconError, load_lexicon_from
from test_lexicon import _copy_with


# -- attacks in words ---------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger", [
    ("Maria Lopez faced sharp attacks from Tom Reed during the televised debate.", "attacks"),
    ("The candidate attacked his rival over the tax plan on Sunday.", "attacked"),
    ("Kowalski renewed his attacks on Senator Brandt in a radio interview.", "attacks"),
])
def test_an_attack_between_people_with_no_force_is_criticism(event_triggers, text, trigger):
    found = event_triggers(text)
    assert ("ACCUSE", trigger) in found
    assert ("ASSAULT", trigger) not in found


@pytest.mark.parametrize("text, trigger", [
    ("Gunmen attacked a police post in the north, killing three officers.", "attacked"),
    ("Rebels attacked the town of Kibo at dawn.", "attacked"),
    ("Smith was attacked by two men with knives outside his home.", "attacked"),
    ("Kowalski's supporters attacked the army barracks with stones.", "attacked"),
    ("A youth attacked Senator Brandt outside the town hall.", "attacked"),
    ("Kowalski attacked Brandt with a cricket bat after the vote.", "attacked"),
])
def test_an_attack_with_force_places_or_harm_stays_assault(event_triggers, text, trigger):
    assert ("ASSAULT", trigger) in event_triggers(text)


# -- direct questions -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Do you support the new ceasefire plan?",
    "Will the minister resign after the scandal?",
    "Have the two leaders met since the summit?",
])
def test_what_a_question_asks_about_is_not_reported(event_triggers, text):
    assert event_triggers(text) == []


@pytest.mark.parametrize("text, event, trigger", [
    ("Why did the army shell the village?", "ASSAULT", "shell"),
    ("Rebels attacked the base, but who ordered the raid?", "ASSAULT", "attacked"),
])
def test_an_event_a_question_takes_as_given_stays(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


# -- commands ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger", [
    ('"Thank you to the firefighters, they saved our street," the owner said.', "Thank"),
    ("Release the detained reporters now!", "Release"),
    ('The preacher read aloud, "Attack the gates at dawn and the city will fall."', "Attack"),
])
def test_what_a_command_bids_is_not_reported(event_triggers, text, trigger):
    assert [t for _, t in event_triggers(text) if t == trigger] == []


@pytest.mark.parametrize("text, event, trigger", [
    ("Troops attacked the gates at dawn.", "ASSAULT", "attacked"),
    ('"We thank the rescue teams," the governor said.', "SUPPORT", "thank"),
])
def test_a_clause_with_a_subject_is_no_command(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


# -- lexicon sections ---------------------------------------------------------------------------
@pytest.mark.parametrize("old, new, message", [
    ("verbal_attacks:\n  lemmas:", "verbal_attacks: [attack]\nunused:\n  lemmas:", "verbal_attacks must be a mapping"),
    ("  recoding: {event: ACCUSE, mode: disapprove", "  recoding: {event: ACCUSE, mode: scold", "unknown mode"),
])
def test_a_precision_section_names_its_fault(tmp_path, old, new, message):
    _copy_with(tmp_path, "events.yaml", old, new)
    with pytest.raises(LexiconError, match=rf"events.yaml:\d+: .*{message}"):
        load_lexicon_from(tmp_path)


# -- negation and coordination ------------------------------------------------------------------
@pytest.mark.parametrize("text, event, trigger", [
    ("The ministry is not involved in the strikes but has supported the coalition with fuel.", "SUPPORT", "supported"),
    ("Police denied the group a permit and arrested its leader on Friday.", "COERCE", "arrested"),
])
def test_a_negation_does_not_spread_over_and_or_but(sentence_events, text, event, trigger):
    found = [e for e in sentence_events(text) if e.trigger.text == trigger]
    assert [(e.event, e.status) for e in found] == [(event, "occurred")]


def test_a_negation_spreads_over_or(sentence_events):
    found = [e for e in sentence_events("The two presidents did not meet or speak with each other during the summit.")
             if e.trigger.text == "speak"]
    assert [(e.event, e.status) for e in found] == [("CONSULT", "negated")]
