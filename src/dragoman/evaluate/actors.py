"""Score actor coding: an actor phrase -> country code and sector.

A gold field that is null is not checked; "" expects no code, so predicting
none is right there. "both" counts cases that check both fields and get both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from . import halves
from .common import first, map_country
from .gold import ActorCase, read_actor_cases
from .metrics import Ratio
from .results import SYSTEM, Miss, Report

Coder = Callable[[ActorCase], tuple[Optional[str], Optional[str]]]  # -> (country, sector)


def dragoman_coder(case: ActorCase) -> tuple[Optional[str], Optional[str]]:
    """What `dragoman actor --as-of DATE` answers; a context demonym ("Saudi") becomes the context country."""
    from ..resolve.actor_codes import code_actor
    from ..resolve.countries import country_code

    context_country = country_code(case.context) if case.context else None
    code = code_actor(case.text, context_country=context_country, as_of=case.date)
    return code.country, code.sector


def country_name_coder(case: ActorCase) -> tuple[Optional[str], Optional[str]]:
    """Baseline: the country of the longest word sequence that names one; no sector."""
    from ..resolve.countries import country_code

    words = case.text.replace("'s", "").replace("’s", "").split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            code = country_code(" ".join(words[start : start + size]))
            if code:
                return code, None
    return None, None


def _same(expected: str, got: Optional[str]) -> bool:
    return (got or "") == expected


def _gold_country(code: str) -> str:
    """The gold country in our vocabulary ("" = expects none): UNO/EUR -> IGO, JAP -> JPN."""
    return (map_country(code) or "") if code else ""


def score(cases: Sequence[ActorCase], coder: Coder, system: str, report: Report, prefix: str = "") -> None:
    country, sector, both = Ratio(), Ratio(), Ratio()
    for case in cases:
        got_country, got_sector = coder(case)
        country_ok = case.country is None or _same(_gold_country(case.country), got_country)
        sector_ok = case.sector is None or _same(case.sector, got_sector)
        if case.country is not None:
            country.add(country_ok)
        if case.sector is not None:
            sector.add(sector_ok)
        if case.country is not None and case.sector is not None:
            both.add(country_ok and sector_ok)
        if system == SYSTEM and not (country_ok and sector_ok) and prefix in ("", "all: "):
            report.misses.append(
                Miss(case.id, "wrong code", f"{case.country or '-'}/{case.sector or '-'}",
                     f"{got_country or '-'}/{got_sector or '-'}", case.text, 2.0 - country_ok - sector_ok)
            )
    report.add_ratio(system, f"{prefix}country accuracy", country)
    report.add_ratio(system, f"{prefix}sector accuracy", sector)
    report.add_ratio(system, f"{prefix}country and sector accuracy", both)


def evaluate(path: Path | str, limit: Optional[int] = None, *, half: str = "all", by_half: bool = False) -> Report:
    cases = first(halves.select(read_actor_cases(path), half, lambda c: c.id), limit)
    report = Report("actors", str(path), documents=len(cases))
    for prefix, part in halves.parts(cases, lambda c: c.id, by_half):
        score(part, dragoman_coder, SYSTEM, report, prefix)
        score(part, country_name_coder, "baseline: country name only", report, prefix)
    if half != "all":
        report.notes.append(f"{half} half only")
    dated = sum(c.date is not None for c in cases)
    report.notes.append(
        "baseline: the country of the longest word sequence naming a country, never a sector; "
        f"{dated} cases give an as-of date, passed to dragoman as `--as-of`"
    )
    return report
