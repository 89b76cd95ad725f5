"""`dragoman eval`: score each extraction step against gold data, with baselines.

`TASKS` maps each task name to the function that reads a gold corpus in its
format, runs the pipeline steps the task needs, and returns a `Report`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from . import actors, claims, dates, entities, event_location, events, places, quotes
from .gold import GoldFormatError
from .results import Report

Evaluate = Callable[[Path | str, Optional[int]], Report]

TASKS: dict[str, Evaluate] = {
    "events": events.evaluate,
    "quotes": quotes.evaluate,
    "places": places.evaluate,
    "dates": dates.evaluate,
    "entities": entities.evaluate,
    "claims": claims.evaluate,
    "actors": actors.evaluate,
    "event-location": event_location.evaluate,
}

__all__ = ["TASKS", "GoldFormatError", "Report"]
