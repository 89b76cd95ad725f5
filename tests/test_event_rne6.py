"""Recall classes of real news (issue 17, rne6): the noun of an act only a crowd
does reports a protest though no doer is named."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger", [
    ("The closure of the mine set off three days of protests in the valley.", "protests"),
    ("Nurses at the county hospital are now in the second week of a walkout over staffing.", "walkout"),
    ("Crowds gathered at the port, and some turned to looting and rioting after dark.", "rioting"),
    ("He was jailed for a year for helping to organise the protests.", "protests"),
])
def test_crowd_act_with_no_doer_is_a_protest(event_triggers, text, trigger):
    assert ("PROTEST", trigger) in event_triggers(text)


def test_a_demonstration_of_something_is_a_show(event_triggers):
    assert ("PROTEST", "demonstration") not in event_triggers("The agreement would be a demonstration of good will.")


def test_a_rally_with_no_one_named_stays_unreported(event_triggers):
    assert ("PROTEST", "rally") not in event_triggers("At the rally, the crowd was soaked by the rain.")
