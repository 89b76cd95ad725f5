"""Senses of 'recognise' and 'support' that are no event (PLOVER SUPPORT):
recognising is the diplomatic act only for a state, a government or its
standing; voters and poll shares backing a side vote or give an opinion.
Sentences are our own."""

from __future__ import annotations

import pytest

from coded_events import types_at


@pytest.mark.parametrize("text, trigger", [
    ("Brazil recognised the new government in Kabul on Monday.", "recognised"),
    ("Ten countries have recognized Kosovo's independence.", "recognized"),
])
def test_recognising_a_state_or_its_standing_is_support(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == ["SUPPORT"]


@pytest.mark.parametrize("text, trigger", [
    ("She did not recognise the man on the bus.", "recognise"),
    ("The minister recognises a real risk of more flooding.", "recognises"),
    ("The guards recognised the two men at the gate.", "recognised"),
])
def test_recognising_a_face_a_fact_or_a_need_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []


@pytest.mark.parametrize("text, trigger", [
    ("Polls show more voters support the senator than his rival.", "support"),
    ("Forty percent of Republicans backed the governor.", "backed"),
    ("In the survey, 55 percent backed the mayor.", "backed"),
])
def test_voters_and_poll_shares_backing_a_side_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []


@pytest.mark.parametrize("text, trigger", [
    ("Thousands of people turned out to support the president.", "support"),
    ("The union backed the governor in the primary.", "backed"),
    ("The Working Majority committee spent a million dollars to back her.", "back"),
])
def test_a_crowd_or_an_organisation_backing_a_side_is_support(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == ["SUPPORT"]
