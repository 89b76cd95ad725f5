"""`dragoman eval`: score each extraction step against gold data, with baselines.

`TASKS` maps each task name to the function that reads a gold corpus in its
format, runs the pipeline steps the task needs, and returns a `Report`. The
tasks in `HALVED` (the event sets and the actor strings) also take `half=` (score
the tune or blind half only, see `halves`) and `by_half=` (rows for all, tune and
blind); the event tasks in `PREDICTED` take `predictions=` too (score saved
`dragoman extract` output instead of running the pipeline).
"""

from __future__ import annotations

from typing import Callable

from . import actors, case2021, claims, dates, entities, event_location, events, fusion, ipe, places, quotes, rne
from .gold import GoldFormatError
from .results import Report

Evaluate = Callable[..., Report]  # (path, limit) -> Report; HALVED tasks take keywords too

TASKS: dict[str, Evaluate] = {
    "events": events.evaluate,
    "quotes": quotes.evaluate,
    "places": places.evaluate,
    "dates": dates.evaluate,
    "entities": entities.evaluate,
    "claims": claims.evaluate,
    "actors": actors.evaluate,
    "event-location": event_location.evaluate,
    "rne": rne.evaluate,
    "case2021": case2021.evaluate,
    "ipe": ipe.evaluate,
    "fusion": fusion.evaluate,
    "stories": fusion.evaluate_stories,
}

PREDICTED = frozenset({"events", "rne", "case2021", "ipe"})
HALVED = PREDICTED | {"actors"}

__all__ = ["TASKS", "HALVED", "PREDICTED", "GoldFormatError", "Report"]
