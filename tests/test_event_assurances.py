"""An assurance is a promise (PLOVER AGREE, issue #17) when the assurer says what
will be done, by its own side, by a state or body, or passively; reassurance,
predictions and being "assured of" something are no undertaking. Sentences are
our own."""

from __future__ import annotations

import pytest

from coded_events import types_at


@pytest.mark.parametrize("text, trigger", [
    ("The Kenyan president assured his Ugandan counterpart that Kenya would not close the border.", "assured"),
    ("The interior minister assured the assembly that the curfew would be lifted by Friday.", "assured"),
    ("Governor Maria Lopez reassured farmers that she would release the emergency funds.", "reassured"),
    ("The ministry guaranteed that the government will pay every pension in full.", "guaranteed"),
])
def test_an_assurance_of_what_will_be_done_is_a_promise(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == ["AGREE"]


def test_the_assured_party_is_the_recipient(sentence_events):
    events = sentence_events("The Kenyan president assured the Ugandan government that Kenya would keep the border open.")
    agree = [e for e in events if e.trigger.text == "assured"][0]
    assert {p.country for p in agree.recipient} == {"UGA"}


@pytest.mark.parametrize("text, trigger", [
    ("The senator is now assured of winning the nomination.", "assured"),
    ("The mayor assured reporters that the water was safe to drink.", "assured"),
    ("I can guarantee that this slogan will turn up in an advert.", "guarantee"),
    ("The new rules guarantee that landlords will face fines.", "guarantee"),
])
def test_reassurance_and_prediction_are_no_promise(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []
