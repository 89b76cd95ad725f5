"""Events that a word of time order places beside the reported one ("after",
"before", "in the wake of"): they took place as well and are reported, tagged
as coming from a circumstance; cause, condition, purpose and clauses about the
present or future stay background (issue #17 item 3, bg13)."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


@pytest.mark.parametrize(
    "text, main, background, word",
    [
        ("Two reporters were detained in Minsk after soldiers raided the offices of the newspaper.",
         "detained", "raided", "after"),
        ("Greek police arrested twelve men after they clashed with riot officers outside the parliament.",
         "arrested", "clashed", "after"),
        ("The Bolivian interior minister resigned in the wake of the army's shelling of a border town.",
         "resigned", "shelling", "wake"),
        ("The Ghanaian opposition boycotted the vote after the arrest of its leader.",
         "boycotted", "arrest", "after"),
    ],
)
def test_an_earlier_happening_in_a_time_clause_is_reported(events_of, text, main, background, word):
    events = events_of(text)
    triggers = [e.trigger.text for e in events]
    assert main in triggers and background in triggers
    earlier = next(e for e in events if e.trigger.text == background)
    assert earlier.rule.endswith(f"+background:{word}") or f"+background:{word}+" in earlier.rule
    assert earlier.status == "occurred"
    assert "+background" not in next(e for e in events if e.trigger.text == main).rule


def test_the_time_clause_keeps_its_own_parties(events_of):
    events = events_of("Greek police arrested twelve men after they clashed with riot officers outside the parliament.")
    clash = _only(events, "ASSAULT")
    assert _countries(clash.recipient) == {"GRC"}


def test_an_infinitive_inside_the_time_clause_stays_its_purpose(events_of):
    events = events_of("Riot police fired tear gas after the crowd marched to the palace to demand the release "
                       "of the prisoners.")
    assert [e.trigger.text for e in events] == ["fired", "marched"]


@pytest.mark.parametrize(
    "text, kept",
    [
        # a phrase on a habitual present verb, a clause in the present about the future
        ("Soldiers usually withdraw from the camp after shelling the hills.", ["withdraw"]),
        ("The Chadian army will retake the town before the rebels attack the capital.", ["retake"]),
        # cause and concession are not words of time order
        ("Chile closed its border with Bolivia because of clashes between smugglers and police.", ["closed"]),
        ("Indonesia recalled its ambassador despite talks with Australian officials.", ["recalled"]),
    ],
)
def test_other_circumstances_stay_background(events_of, text, kept):
    assert [e.trigger.text for e in events_of(text)] == kept
