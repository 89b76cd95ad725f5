"""`dragoman eval`: score each extraction step against gold data, with baselines.

`TASKS` maps each task name to the function that reads a gold corpus in its
format, runs the pipeline steps the task needs, and returns a `Report`. The
event tasks in `HALVED` also take `half=` (score the tune or blind half only,
see `halves`), `by_half=` (rows for all, tune and blind) and `predictions=`
(score saved `dragoman extract` output instead of running the pipeline).
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

HALVED = frozenset({"events", "rne", "case2021", "ipe"})

__all__ = ["TASKS", "HALVED", "GoldFormatError", "Report"]
