"""Assault verbs with senses that hurt no one (issue #17, senses14): workers striking
stop work, one strikes up a talk or a chord, a candidate or a team beats a rival, and one
executes a plan. The bodily senses stay assaults. Sentences are our own."""

from __future__ import annotations

import pytest


def _pairs(event_triggers, text: str, word: str) -> set[str]:
    return {event for event, trigger in event_triggers(text) if trigger.lower().startswith(word)}


@pytest.mark.parametrize("text, word", [
    ("Bus drivers' unions said the nurses would strike again next week.", "strike"),
    ("Hundreds of dock workers struck on Monday over unpaid wages.", "struck"),
    ("The film strikes a chord with younger viewers.", "strikes"),
    ("He tried to strike up a conversation with the guard.", "strike"),
    ("The committee voted to strike the offending language from the bill.", "strike"),
    ("The senator is the only candidate who can beat Mr. Halvorsen in November.", "beat"),
    ("Riverside beat the visiting team in extra time.", "beat"),
    ("The incumbent easily beat her challenger.", "beat"),
    ("The ministry executed the plan without delay.", "executed"),
    ("The general said his officers had executed every order he gave.", "executed"),
    ("We feel confident we can execute on this strategy.", "execute"),
])
def test_other_senses_are_no_assault(event_triggers, text, word):
    assert "ASSAULT" not in _pairs(event_triggers, text, word)


@pytest.mark.parametrize("text, word", [
    ("The teachers struck across the province on Tuesday.", "struck"),
    ("Factory workers are striking for a second week.", "striking"),
])
def test_workers_striking_is_a_protest(event_triggers, text, word):
    assert "PROTEST" in _pairs(event_triggers, text, word)


@pytest.mark.parametrize("text, word", [
    ("A missile struck a crowded market in the city, killing twelve.", "struck"),
    ("Militants struck an army convoy near the border.", "struck"),
    ("Police beat the protesters with batons.", "beat"),
    ("Two men beat a shopkeeper outside his store.", "beat"),
    ("The regime executed four dissidents at dawn.", "executed"),
])
def test_bodily_senses_stay_assault(event_triggers, text, word):
    assert "ASSAULT" in _pairs(event_triggers, text, word)
