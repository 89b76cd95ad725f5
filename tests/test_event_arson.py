"""Setting fire to things (issue #17, case12): every form of WordNet's "set fire to"
(set ablaze, set afire, set aflame, set on fire) is the destruction of property
(ASSAULT 'destroy'), with the object between the verb and "on fire" and in the passive,
but not when nature lights the fire. Sentences are our own."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return lambda text: [(e.event, e.mode, e.status) for e in sentence_events(text)]


@pytest.mark.parametrize("text", [
    "Rioters set the grain stores on fire late on Tuesday.",
    "Two buses were set on fire near the bus depot.",
    "An angry crowd set afire a police jeep outside the station.",
    "The rioters set aflame a row of market kiosks.",
    "The gang set ablaze three parked lorries.",
])
def test_setting_fire_to_things_is_destruction(events_of, text):
    assert ("ASSAULT", "destroy", "occurred") in events_of(text)


@pytest.mark.parametrize("text", [
    "A lightning strike set the old barn on fire.",
    "The wildfire set dozens of homes on fire overnight.",
])
def test_a_fire_nature_lights_is_no_assault(events_of, text):
    assert not any(event == "ASSAULT" for event, _, _ in events_of(text))
