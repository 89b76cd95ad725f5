"""A munition as the doer of an attack stands for whoever fired it: the attack is reported
with nobody named ("mortar rounds struck the camp"); "hit" and "explode" are attacks only
of a munition. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _only, _types


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def test_munition_that_strikes_reports_the_attack(events_of):
    attack = _only(events_of("Mortar rounds struck a refugee camp near Idlib overnight."), "ASSAULT")
    assert attack.status == "occurred"
    assert attack.mode == "heavy-weapons"


def test_munition_that_hits_reports_the_attack(events_of):
    attack = _only(events_of("Two rockets hit a school in the border town of Sderot."), "ASSAULT")
    assert attack.mode == "heavy-weapons"


def test_munition_that_explodes_reports_the_attack(events_of):
    attack = _only(events_of("A bomb exploded at a bus station in Quetta on Friday."), "ASSAULT")
    assert attack.mode == "explosives"


def test_hits_and_explosions_of_no_munition_are_no_attack(events_of):
    assert "ASSAULT" not in _types(events_of("A heavy storm hit the coast of Kerala on Sunday."))
    assert "ASSAULT" not in _types(events_of("A gas cylinder exploded in a restaurant in Lahore."))
    assert "ASSAULT" not in _types(events_of("The new tax hit exporters in Ohio hard."))
