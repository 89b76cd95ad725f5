"""Accusations told by a verb of claim or suspicion (speech14, issue 17): "X claimed that Y
was undermining ..." accuses Y when the clause's predicate is a wrong or a word of censure,
and is no event when it is not. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _only


@pytest.mark.parametrize("text, trigger, recipient", [
    ("Moscow has long claimed that Georgia was undermining the border talks.", "claimed", "GEO"),
    ("The Turkish minister insisted that Syria was behind the bombing in the market.", "insisted", "SYR"),
    ("Officials in Seoul suspect North Korea was responsible for the hacking.", "suspect", "PRK"),
    ("The French president said that Germany had misled its partners about the deal.", "said", "DEU"),
])
def test_a_claimed_wrong_accuses_the_clause_subject(sentence_events, text, trigger, recipient):
    found = _only(sentence_events(text), "ACCUSE")
    assert found.trigger.text == trigger
    assert found.mode == "allege"
    assert recipient in {r.country for r in found.recipient}


@pytest.mark.parametrize("text", [
    "Moscow has long claimed that Georgia was visiting the border region.",
    "The French president said that Germany was not misleading its partners.",
    "The minister insisted that the weather was behind the delays.",
])
def test_a_claim_of_no_wrong_by_a_party_accuses_no_one(event_triggers, text):
    assert not [e for e, _trigger in event_triggers(text) if e == "ACCUSE"]


def test_the_status_follows_the_verb_of_saying(sentence_events):
    found = _only(sentence_events("Ankara did not claim that Syria was behind the bombing."), "ACCUSE")
    assert found.status == "negated"


def test_lying_in_a_place_is_no_lie(event_triggers):
    assert not [e for e, _t in event_triggers("The farmer told police that Pedro was lying on the floor.") if e == "ACCUSE"]
    assert ("ACCUSE", "told") in event_triggers("The farmer told police that Pedro had lied to him.")


@pytest.mark.parametrize("text", [
    "The mayor claimed that he was responsible for the drop in crime.",
    "Farmers in the valley say they feel betrayed by the ministry.",
    "Local party chiefs said they had rallied behind Obama after the vote.",
])
def test_no_accusation_of_the_speaker_a_victim_or_a_supporter(event_triggers, text):
    assert not [e for e, _t in event_triggers(text) if e == "ACCUSE"]


def test_a_quoted_pronoun_is_someone_else(sentence_events):
    found = _only(sentence_events('"She lied to all of us," Senator Brown said of Clinton.'), "ACCUSE")
    assert found.trigger.text == "said"
