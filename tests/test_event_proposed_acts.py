"""An act named in the to-infinitive of a noun of proposal or possibility
("his call to ban", "the authority to negotiate") is proposed or possible, not
done (rne guidelines: "proposed, demanded-but-not-done" is hypothetical).
Sentences are our own."""

from __future__ import annotations

import pytest


def _status_of(events, trigger):
    return [e.status for e in events if e.trigger.text == trigger]


@pytest.mark.parametrize("text, trigger", [
    ("The senator renewed his call to ban the group from the country.", "ban"),
    ("Critics say the governor's call to deport the workers has divided the state.", "deport"),
    ("Parliament gave the minister the authority to negotiate with the rebels.", "negotiate"),
    ("The ministry was still reviewing the embassy's request to meet the detained sailors.", "meet"),
])
def test_an_act_proposed_by_a_noun_is_hypothetical(sentence_events, text, trigger):
    assert _status_of(sentence_events(text), trigger) == ["hypothetical"]


def test_an_attempt_is_not_a_proposal(sentence_events):
    """Attempts and efforts are often acts of their own: left as they are."""
    events = sentence_events("Rebels launched an attempt to capture the town on Monday.")
    assert "hypothetical" not in _status_of(events, "capture")
