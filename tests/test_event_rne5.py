"""Event classes of real news (issue 17, rne5): opposing as an objection,
suspicion and scrutiny as accusations, manhunts and coups as coercion."""

from __future__ import annotations

import pytest


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


def test_a_coup_named_as_a_topic_is_no_event(event_triggers):
    assert ("COERCE", "coup") not in event_triggers("Opponents of the coup marched through the capital on Sunday.")


def test_a_question_put_in_conversation_is_no_accusation(event_triggers):
    assert ("ACCUSE", "questioned") not in event_triggers("The teacher questioned the pupils about their holidays.")
