"""Verbal conflict and support said in other words (issue 17, verbal10): the
nouns of the lexicon's verbs of disapproval, request and praise."""

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
