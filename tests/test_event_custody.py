"""Custody (issue 17, coverage13): being or remaining in custody tells a detention
(COERCE 'arrest') undergone by the subject; keeping or holding someone in custody is the
holder's act; custody of children, being taken into custody or released from it are not
coded as a second detention."""

from __future__ import annotations

import pytest

from event_helpers import _only


@pytest.mark.parametrize("text", [
    "A farmer is in custody in Lyon after the fight at the market.",
    "Three suspects remain in custody in Nairobi, police there said.",
])
def test_being_in_custody_is_a_detention_of_the_subject(sentence_events, text):
    arrest = _only(sentence_events(text), "COERCE")
    assert arrest.mode == "arrest"
    assert arrest.trigger.text == "custody"
    assert "undergone" in arrest.rule, "the one held undergoes it, no one is its doer"


def test_keeping_someone_in_custody_is_the_keepers_act(sentence_events):
    arrest = _only(sentence_events("Police in Lagos kept the driver in custody overnight."), "COERCE")
    assert (arrest.mode, arrest.trigger.text) == ("arrest", "kept")


def test_not_in_custody_reads_negated(sentence_events):
    events = sentence_events("The landlord is not in custody in Leeds and is helping officers.")
    assert [e.status for e in events if e.event == "COERCE"] == ["negated"]


@pytest.mark.parametrize("text", [
    "The two parents are fighting over custody of their daughter.",
    "The courier was released from custody in Oslo on Tuesday.",
])
def test_other_custody_is_no_detention(event_triggers, text):
    assert ("COERCE", "custody") not in event_triggers(text)


def test_taken_into_custody_is_one_detention(event_triggers):
    triggers = event_triggers("The cashier was taken into custody by police in Perth on Friday.")
    assert [t for t in triggers if t[0] == "COERCE"] == [("COERCE", "taken")]
