"""Events told in a relative clause: the noun the clause hangs on fills the gap
the relative word leaves (the object of "which X signed", the subject of "who
attacked"), the clause's own subject is the doer, and a past act with a doer of
its own is kept beside the main clause's event."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def test_the_subject_of_an_object_gap_clause_is_the_doer(events_of):
    support = _only(events_of("Critics condemned the accord which the presidents signed last week."), "SUPPORT")
    assert [p.text for p in support.actor] == ["the presidents"]
    assert "relative:own-subject" in support.rule


def test_the_antecedent_is_the_object_an_entry_asks_for(events_of):
    # imposing counts as a sanction only on sanctions: the object is the noun "which" stands for
    sanction = _only(events_of("Moscow rejected the sanctions which Washington imposed on Iran in March."), "SANCTION")
    assert _countries(sanction.actor) == {"USA"} and _countries(sanction.recipient) == {"IRN"}


def test_a_seized_town_named_by_which_is_territory(events_of):
    assault = _only(events_of("Officials discussed the town which Russian troops seized from Ukraine in 2014."), "ASSAULT")
    assert _countries(assault.actor) == {"RUS"} and _countries(assault.recipient) == {"UKR"}


def test_a_where_clause_keeps_its_own_doer_and_target(events_of):
    assault = _only(events_of("The minister visited the town where soldiers shelled a market on Tuesday."), "ASSAULT")
    assert [p.text for p in assault.actor] == ["soldiers"]
    assert [p.text for p in assault.recipient] == ["a market"]
