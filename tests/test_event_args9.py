"""Parties of events told as nouns (issue 17, args9): a meeting, visit or joint
work framed by a phrase of time or circumstance ("after talks with X, she
said") is the clause subject's own; a named pair ("talks between A and B")
keeps the meeting theirs. Verbs that carry a noun event in the sense of the
listed light verbs ("rendered assistance", "scheduled a meeting", "pursue an
indictment") give it their subject."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def coded(sentence_events):
    def run(text: str, event: str):
        found = [e for e in sentence_events(text) if e.event == event]
        assert found, f"no {event} in {text!r}"
        return found[0]
    return run


@pytest.mark.parametrize("text, event, actor, recipient", [
    ("In a meeting with the Chinese foreign minister last week, the Japanese prime minister "
     "said Tokyo wanted calm.", "CONSULT", "JPN", "CHN"),
    ("After talks with Kenyan officials, the Ugandan president announced a new road.", "CONSULT", "UGA", "KEN"),
    ("Following a meeting with Swedish diplomats, the Finnish minister spoke to reporters.",
     "CONSULT", "FIN", "SWE"),
    ("The French ministry, in collaboration with Nigerian officials, will run the fair.",
     "COOPERATE", "FRA", "NGA"),
])
def test_a_framed_meeting_is_the_clause_subjects(coded, text, event, actor, recipient):
    found = coded(text, event)
    assert found.rule.startswith("noun:adjunct")
    assert [p.country for p in found.actor] == [actor]
    assert [p.country for p in found.recipient] == [recipient]


def test_a_meeting_between_a_named_pair_stays_theirs(coded):
    found = coded("After talks between Iran and Iraq, the UN secretary-general said peace was near.", "CONSULT")
    assert sorted(p.country for p in found.actor) == ["IRN", "IRQ"]


def test_an_attack_framing_a_clause_is_not_the_subjects(coded):
    found = coded("After an attack on a Nigerien army post, the Malian president flew home.", "ASSAULT")
    assert not any("president" in p.text for p in found.actor)
    assert not found.rule.startswith("noun:adjunct")


@pytest.mark.parametrize("text, event, actor, recipient", [
    ("The Spanish government rendered assistance to the flood victims in Portugal.", "AID", "ESP", None),
    ("French diplomats arranged talks with Algerian officials.", "CONSULT", "FRA", "DZA"),
    ("Prosecutors in Germany will not pursue an indictment against the Austrian banker.", "ACCUSE", "DEU", "AUT"),
])
def test_a_carrying_verb_gives_the_noun_event_its_subject(coded, text, event, actor, recipient):
    found = coded(text, event)
    assert found.rule.startswith("noun:light-verb")
    assert [p.country for p in found.actor] == [actor]
    if recipient:
        assert [p.country for p in found.recipient] == [recipient]
