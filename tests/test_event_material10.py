"""Material and diplomatic classes (issue 17, material10): visits told by a verb of
going by office holders, and force undergone under arms ("came under mortar fire")
or answered ("returned fire")."""

from __future__ import annotations

import pytest


def _countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


@pytest.mark.parametrize("text, trigger, host", [
    ("The Japanese foreign minister left for Beijing on Tuesday.", "left", "CHN"),
    ("President Macron arrived in Nairobi on Monday evening.", "arrived", "KEN"),
    ("A trade delegation from Ghana departed for Berlin yesterday.", "departed", "DEU"),
])
def test_office_holders_going_somewhere_visit_it(sentence_events, text, trigger, host):
    visits = [e for e in sentence_events(text) if e.event == "CONSULT" and e.trigger.text == trigger]
    assert [e.mode for e in visits] == ["visit"]
    assert host in _countries(visits[0].recipient)


@pytest.mark.parametrize("text", [
    "The six children and their parents arrived in Italy by boat in 2019.",
    "She kissed her mother goodbye and left for school.",
    "The ferry arrived in the harbour two hours late.",
])
def test_other_people_going_somewhere_visit_no_one(event_triggers, text):
    assert not [t for t in event_triggers(text) if t[0] == "CONSULT"]


def test_an_arrival_still_ahead_is_an_intent(sentence_events):
    events = [e for e in sentence_events("The envoy is expected to arrive in Cairo next week.")
              if e.trigger.text == "arrive"]
    assert [(e.event, e.status) for e in events] == [("AGREE", "future")]


@pytest.mark.parametrize("text, trigger", [
    ("Afghan troops came under rocket fire on Sunday night.", "fire"),
    ("The convoy came under attack by gunmen armed with rifles near the pass.", "attack"),
    ("The guards returned fire and the attackers fled.", "fire"),
])
def test_force_undergone_or_answered_with_arms_is_an_assault(event_triggers, text, trigger):
    assert ("ASSAULT", trigger) in event_triggers(text)


def test_coming_under_fire_from_critics_stays_criticism(event_triggers):
    triggers = event_triggers("The governor came under fire from critics over his budget plan.")
    assert not [t for t in triggers if t[0] == "ASSAULT"]
