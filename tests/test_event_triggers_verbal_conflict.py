"""Verbal conflict triggers of real news (issue 17): opposing as an objection, suspicion and
scrutiny as accusations, manhunts and coups as coercion (rne5); obstructing a law or an
agreement is a rejection (rne7); declining to comment is none. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _only


# -- declining and refusing --------------------------------------------------------------------


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


@pytest.mark.parametrize("text", [
    "The governor's office declined to comment on the lawsuit.",
    "A company spokesman refused to elaborate.",
    "The embassy declined comment when reached on Friday.",
    "Officials declined to say how many people were held.",
])
def test_declining_to_comment_is_no_rejection(events_of, text):
    """Refusing to say anything is CAMEO's 'decline comment', a statement
    PLOVER does not code."""
    assert not [e for e in events_of(text) if e.event == "REJECT"]


def test_refusing_a_deed_is_still_a_rejection(events_of):
    assert _only(events_of("Belgrade refused to pull its troops out of the province."), "REJECT")
