"""Where an act takes place is its venue, not its target: a locative phrase on a
spoken or diplomatic act ("an appeal made in Geneva") names no recipient, while
material acts and demonstrations keep the place as the target. Sentences are our own."""

from __future__ import annotations

import pytest

from event_helpers import _countries, _only


@pytest.fixture(scope="module")
def events_of(sentence_events):
    return sentence_events


def test_appeal_made_at_a_venue_has_no_place_recipient(events_of):
    event = _only(events_of("At a forum in Vienna, the Austrian chancellor called for lower taxes."), "REQUEST")
    assert event.recipient == []


def test_planned_meeting_in_a_city_is_not_aimed_at_it(events_of):
    event = _only(events_of("The German foreign minister will host a meeting in Berlin next week."), "AGREE")
    assert event.recipient == []


def test_strikes_in_a_region_keep_the_place_as_target(events_of):
    event = _only(events_of("Russian jets carried out air strikes in Idlib on Monday."), "ASSAULT")
    assert _countries(event.recipient) == {"SYR"}


def test_eased_restrictions_in_a_province_keep_the_place(events_of):
    event = _only(events_of("Serbia eased the restrictions on Tuesday in Kosovo."), "CONCEDE")
    assert _countries(event.recipient) == {"XKX"}


def test_demand_with_a_named_target_keeps_it(events_of):
    event = _only(events_of("In Geneva, the French minister demanded that Iran halt enrichment."), "REQUEST")
    assert _countries(event.recipient) == {"IRN"}


def test_addressee_inside_a_venue_phrase_stays_the_target(events_of):
    event = _only(events_of("In a letter addressed to the Kenyan ambassador, the senator asked for an inquiry."),
                  "REQUEST")
    assert _countries(event.recipient) == {"KEN"}
