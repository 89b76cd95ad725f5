"""Precision on real news (issue 17, prec6): attacks in words are criticism.
Sentences are our own."""

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
])
def test_an_attack_with_force_places_or_harm_stays_assault(event_triggers, text, trigger):
    assert ("ASSAULT", trigger) in event_triggers(text)


# -- lexicon sections ---------------------------------------------------------------------------
@pytest.mark.parametrize("old, new, message", [
    ("verbal_attacks:\n  lemmas:", "verbal_attacks: [attack]\nunused:\n  lemmas:", "verbal_attacks must be a mapping"),
    ("  recoding: {event: ACCUSE, mode: disapprove", "  recoding: {event: ACCUSE, mode: scold", "unknown mode"),
])
def test_a_precision_section_names_its_fault(tmp_path, old, new, message):
    _copy_with(tmp_path, "events.yaml", old, new)
    with pytest.raises(LexiconError, match=rf"events.yaml:\d+: .*{message}"):
        load_lexicon_from(tmp_path)

