"""What the event tests read off coded events, in one place."""

from __future__ import annotations


def types_at(events, trigger: str) -> list[str]:
    """The PLOVER types of the events whose trigger is the word `trigger`, in order."""
    return [e.event for e in events if e.trigger.text == trigger]
