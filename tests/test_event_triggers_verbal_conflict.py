"""Verbal conflict triggers of real news (issue 17): opposing as an objection, suspicion and
scrutiny as accusations, manhunts and coups as coercion (rne5); obstructing a law or an
agreement is a rejection (rne7); declining to comment is none. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _only


# -- class members of accusation and coercion (rne5) -------------------------------------------


@pytest.mark.parametrize("text, event, trigger", [
    ("The farmers' union firmly opposed the government's new water tariff.", "ACCUSE", "opposed"),
    ("The former mayor was suspected of taking bribes from a building firm.", "ACCUSE", "suspected"),
    ("The defence minister has faced intense scrutiny over the helicopter contract.", "ACCUSE", "scrutiny"),
    ("The senator questioned the ministry's decision to buy the old ferries.", "ACCUSE", "questioned"),
    ("Police questioned the night guard about the missing rifles.", "ACCUSE", "questioned"),
    ("Police launched a manhunt for the escaped prisoners on Tuesday.", "COERCE", "manhunt"),
    ("Rebel colonels overthrew the elderly king in a night of confusion.", "COERCE", "overthrew"),
    ("The navy chief staged a coup against the cabinet on Sunday.", "COERCE", "coup"),
    ("The palace guard staged a coup d'etat against the regent.", "COERCE", "coup d'etat"),
])
def test_class_member_codes_its_event(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


def test_opposing_a_policy_is_no_rejection(event_triggers):
    assert ("REJECT", "opposes") not in event_triggers("The bishop opposes the plan to close the rural clinics.")


def test_suspecting_as_an_opinion_is_no_event(event_triggers):
    assert event_triggers("I suspect that the weather will change by the weekend.") == []


def test_a_question_put_in_conversation_is_no_accusation(event_triggers):
    assert ("ACCUSE", "questioned") not in event_triggers("The teacher questioned the pupils about their holidays.")


# -- obstructing a law or an agreement (rne7) --------------------------------------------------


@pytest.mark.parametrize("text, trigger", [
    ("Opposition senators blocked the budget bill on Tuesday.", "blocked"),
    ("The senate has stalled ratification of the treaty for a year.", "stalled"),
    ("The ruling party obstructed the proposal in committee.", "obstructed"),
])
def test_obstructing_a_law_or_agreement_is_a_rejection(event_triggers, text, trigger):
    assert ("REJECT", trigger) in event_triggers(text)


def test_blocking_a_road_stays_a_protest(event_triggers):
    assert ("REJECT", "blocked") not in event_triggers("Striking farmers blocked the main road with tractors.")


@pytest.mark.parametrize("text, status", [
    ("The senators did not block the treaty.", "negated"),
    ("If the talks fail, the senators may block the bill.", "hypothetical"),
    ("The opposition will delay the budget vote until June.", "future"),
])
def test_an_obstruction_keeps_its_status(sentence_events, text, status):
    assert [e.status for e in sentence_events(text) if e.event == "REJECT"] == [status]


# -- declining and refusing --------------------------------------------------------------------


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


@pytest.mark.parametrize("text", [
    "The governor's office declined to comment on the lawsuit.",
    "A company spokesman refused to elaborate.",
    "The embassy declined comment when reached on Friday.",
    "Officials declined to say how many people were held.",
])
def test_declining_to_comment_is_no_rejection(events_of, text):
    """Refusing to say anything is CAMEO's 'decline comment', a statement
    PLOVER does not code."""
    assert not [e for e in events_of(text) if e.event == "REJECT"]


def test_refusing_a_deed_is_still_a_rejection(events_of):
    assert _only(events_of("Belgrade refused to pull its troops out of the province."), "REJECT")
