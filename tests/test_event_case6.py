"""Hyphenated event nouns the tokenizer splits ("sit-in" -> sit, -, in): the
lexicon's entries and class words match them as whole words. Sentences are our own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, event, trigger", [
    ("Nurses staged a sit-in outside the health ministry.", "PROTEST", "sit-in"),
    ("Dock workers began a walk-out over unpaid wages.", "PROTEST", "walk-out"),
])
def test_a_hyphenated_event_noun_is_the_trigger_as_a_whole(event_triggers, text, event, trigger):
    assert (event, trigger) in event_triggers(text)


def test_a_hyphenated_noun_belongs_to_its_class_as_an_object(event_triggers):
    # "sit-ins" is in the protests class: breaking them up is a dispersal
    assert ("COERCE", "broke") in event_triggers("Riot police broke up two sit-ins near the port.")
