"""The tune and blind halves of an evaluation set.

Rules and lexicons are tuned on the *tune* half only; the *blind* half shows
whether a change carries over to text nobody looked at. An item's half follows
from its id alone (a stable hash, not its position), so it never moves when the
set grows, is re-ordered or is read in another format.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")

HALVES = ("tune", "blind")
CHOICES = ("all",) + HALVES


def half_of(item_id: object) -> str:
    """"tune" when the first 32 bits of sha256(str(id)) are even, else "blind"."""
    digest = hashlib.sha256(str(item_id).encode("utf-8")).hexdigest()
    return "tune" if int(digest[:8], 16) % 2 == 0 else "blind"


def select(items: Iterable[T], half: str, key: Callable[[T], object]) -> list[T]:
    """The items of one half ("all" keeps every item), in their original order."""
    if half not in CHOICES:
        raise ValueError(f"unknown half {half!r}: expected one of {', '.join(CHOICES)}")
    return [item for item in items if half == "all" or half_of(key(item)) == half]


def parts(items: Sequence[T], key: Callable[[T], object], by_half: bool) -> list[tuple[str, list[T]]]:
    """What to score: the items alone (prefix ""), or, `by_half`, all of them and
    each half in turn, each with the prefix its report rows get ("tune: ")."""
    if not by_half:
        return [("", list(items))]
    return [("all: ", list(items))] + [(f"{half}: ", select(items, half, key)) for half in HALVES]
