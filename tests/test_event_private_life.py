"""Private life is no event (issue #17, precision): an act whose doer or other
party is someone's kin or friend ("her uncle", "a friend"), with no party of a
sector of public life, is everyday life, not a political event. Acts with an
official party, arrests, sentences and lawsuits stay coded. Sentences are our own."""

from __future__ import annotations

import pytest

from coded_events import types_at

_LEAD = "The weather was mild all week. "


@pytest.mark.parametrize("text, trigger", [
    ("Later that evening the student phoned her uncle in Leeds.", "phoned"),
    ("The old man met with a friend from the harbour before dawn.", "met"),
    ("His daughter praised him warmly on social media on Sunday.", "praised"),
])
def test_an_act_among_kin_and_friends_is_no_event(sentence_events, text, trigger):
    assert types_at(sentence_events(_LEAD + text), trigger) == []


@pytest.mark.parametrize("text, trigger", [
    ("The prime minister met with his brother, the finance minister, on Friday.", "met"),
    ("Police arrested her nephew on Tuesday.", "arrested"),
    ("Her son was sentenced to five years in prison by the court.", "sentenced"),
    ("The defence minister met with the army chief on Friday.", "met"),
])
def test_an_act_with_a_public_party_or_by_the_authorities_is_coded(sentence_events, text, trigger):
    assert types_at(sentence_events(_LEAD + text), trigger) != []
