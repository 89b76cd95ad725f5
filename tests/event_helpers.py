"""What the event tests share: the countries of an event's parties, the first event of a
type (failing with what was found instead), and the types of the events found."""

from __future__ import annotations


def _countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


def _only(events, event_type: str):
    found = [e for e in events if e.event == event_type]
    assert found, f"no {event_type} in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]


def _types(events) -> list[str]:
    return [e.event for e in events]
