"""Verbal conflict triggers of real news (issue 17): opposing as an objection, suspicion and
scrutiny as accusations, manhunts and coups as coercion (rne5); obstructing a law or an
agreement is a rejection (rne7); declining to comment is none; the nouns of the verbs of
disapproval, request and praise, naming a party with a word of censure, and what the subject
of "receive" is given (verbal10). Sentences are our own."""

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


# -- nouns of the verbs, naming with a word of censure, and "receive" (verbal10) ----------------

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
