"""A town or region named before an event noun ("the Leeds riot", "a Dresden summit")
says where the event happened, never who did it; a country there may still be the doer.
Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def _texts(parties):
    return {p.text for p in parties}


def test_town_before_a_protest_is_where_it_was(events_of):
    events = [e for e in events_of("Unlike the marches in Denver, the Boise protest stayed calm.")
              if e.event == "PROTEST" and e.trigger.text == "protest"]
    assert events and all(e.place and e.place.name == "Boise" for e in events)
    assert all("actor:unidentified-at-place" in e.rule for e in events if e.actor)  # no doer named


def test_town_before_a_shooting_names_no_shooter(events_of):
    events = events_of("Police said the gunman in the El Paso shooting was a local man.")
    assert all("El Paso" not in _texts(e.actor) for e in events if e.event == "ASSAULT")


def test_bloc_before_a_summit_stays_its_host(events_of):
    event = _only(events_of("Greece walked out of the EU summit on migration on Friday."), "CONSULT")
    assert "EU" in _texts(event.actor) | _texts(event.recipient)


def test_country_before_an_attack_stays_its_doer(events_of):
    event = _only(events_of("Officials condemned the Russian attack on the port of Odesa."), "ASSAULT")
    assert event.actor and {p.country for p in event.actor} == {"RUS"}
