"""Business among private parties is no political event (issue #17, precision):
when every doer is a business and no one with a country or a public role takes
part, offers, donations and meetings are commerce. A business that deals with a
government is still coded. Sentences are our own."""

from __future__ import annotations

import pytest

from coded_events import types_at


@pytest.mark.parametrize("text, trigger", [
    ("Several companies have pledged to hire more women.", "pledged"),
    ("The airline chiefs met in Brussels on Tuesday.", "met"),
    ("Local merchants donated the prizes.", "donated"),
])
def test_business_among_private_parties_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(text), trigger) == []


def test_a_business_dealing_with_a_government_is_coded(sentence_events):
    events = sentence_events("The oil company met the Nigerian government in Abuja on Monday.")
    assert types_at(events, "met") == ["CONSULT"]


def test_a_government_offer_is_coded(sentence_events):
    events = sentence_events("The Japanese government offered aid to Nepal after the storm.")
    assert types_at(events, "offered") == ["AGREE"]
