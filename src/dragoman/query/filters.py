"""Which stored events a query wants: the one home of the filters `events` and `export` share.

`EventFilter` holds the criteria and turns them into one SQL condition over the
``events`` table (alias ``e``) that runs unchanged on SQLite and PostgreSQL;
`filter_options` adds the same options to every command that reads events, and
`from_options` builds the filter from them. Criteria of different kinds must all
hold; several values of one kind are alternatives (``--type AID --type SUPPORT``).

- ``types``: PLOVER event types.
- ``actors`` / ``recipients``: a party on that side whose country code (ISR,
  IGO) or sector code (GOV, MIL) is the value, or whose actor in the article is
  named the value ("Antony Blinken", any case) or has that id (ids such as A1
  are the article's own, so they mean something with ``articles``).
- ``countries``: a party of either side from that country, or a place there.
- ``since`` / ``until`` (YYYY-MM-DD, inclusive): the event's date, a day, a month or a
  span ("last week"), overlaps the range. Undated events have no date to compare:
  a date criterion leaves them out unless ``undated`` asks for them too.
- ``statuses``: by default what happened (`DEFAULT_STATUSES`: occurred, and
  historical, a past event recalled with its own date); ``ALL_STATUSES`` adds the
  future, hypothetical and negated ones, which did not happen.
- ``places``: the event's place by name, whole and in any case ("tel aviv").
- ``articles``: article ids.
- ``stories``: events of articles in these stories (`dragoman.store.stories`).
- ``min_sources``: events whose fused event (`dragoman.store.fusion`) is reported by
  at least this many independent stored articles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Callable, get_args

import click

from ..records import PLOVER_TYPES, Status

ALL_STATUSES: tuple[str, ...] = get_args(Status)
DEFAULT_STATUSES = ("occurred", "historical")
# the criteria that take several values (alternatives)
LIST_CRITERIA = ("types", "actors", "recipients", "countries", "statuses", "places", "articles", "stories")


def _placeholders(values: tuple) -> str:
    return ", ".join("?" * len(values))


@dataclass(frozen=True)
class EventFilter:
    """The events wanted; the default is every event that happened. Raises ValueError
    naming the criterion for a value no event can have (an unknown type, status, date)."""

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    undated: bool = False
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    places: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    min_sources: int = 0
    stories: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise once, here
        for name in LIST_CRITERIA:  # one value given alone ("ISR") is one value, not its letters
            value = getattr(self, name)
            if isinstance(value, str):
                set_(self, name, (value,))
        set_(self, "types", tuple(t.strip().upper() for t in self.types))
        unknown = [t for t in self.types if t not in PLOVER_TYPES]
        if unknown:
            raise ValueError(f"unknown event type {unknown[0]!r} (one of {', '.join(PLOVER_TYPES)})")
        set_(self, "statuses", tuple(self.statuses))
        unknown = [s for s in self.statuses if s not in ALL_STATUSES]
        if unknown:
            raise ValueError(f"unknown status {unknown[0]!r} (one of {', '.join(ALL_STATUSES)})")
        if not self.statuses:
            raise ValueError("no status wanted: give one or more of " + ", ".join(ALL_STATUSES))
        set_(self, "countries", tuple(c.strip().upper() for c in self.countries))
        for name in ("actors", "recipients", "places", "articles", "stories"):
            set_(self, name, tuple(getattr(self, name)))
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except (TypeError, ValueError):
                    raise ValueError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None

    @classmethod
    def given(cls, where: "EventFilter | None", criteria: dict) -> "EventFilter":
        """The filter a reading method was given: `where`, or its keyword criteria
        (``store.events(types="ASSAULT", actors=["ISR"])``), not both. TypeError naming an
        unknown criterion and the known ones."""
        if not criteria:
            return where or cls()
        if where is not None:
            raise TypeError("give an EventFilter or keyword criteria, not both")
        known = [f.name for f in fields(cls)]
        unknown = [name for name in criteria if name not in known]
        if unknown:
            raise TypeError(f"no criterion {unknown[0]!r} (the criteria: {', '.join(known)})")
        return cls(**criteria)

    def is_default(self) -> bool:
        """Whether it selects what the default filter does: every event that happened."""
        return self.sql() == EventFilter().sql()

    def sql(self) -> tuple[str, list]:
        """The condition on ``events e`` (never empty) and its parameters, in order."""
        parts: list[str] = []
        params: list = []

        def where(condition: str, *values) -> None:
            parts.append(condition)
            params.extend(values)

        if self.types:
            where(f"e.event IN ({_placeholders(self.types)})", *self.types)
        if set(self.statuses) != set(ALL_STATUSES):
            where(f"e.status IN ({_placeholders(self.statuses)})", *self.statuses)
        if self.articles:
            where(f"e.article_id IN ({_placeholders(self.articles)})", *self.articles)
        if self.stories:
            where(f"e.article_id IN (SELECT article_id FROM story_articles WHERE story_id IN"
                  f" ({_placeholders(self.stories)}))", *self.stories)
        if self.min_sources > 1:
            # the mentions of the (few) fused events with that many sources, found once through
            # their index, not a check per event
            where("(e.article_id, e.event_id) IN (SELECT fm.article_id, fm.event_id FROM fused_events fe"
                  " JOIN fused_mentions fm ON fm.fused_id = fe.id WHERE fe.sources >= ?)", self.min_sources)
        if self.places:
            where(f"lower(e.place_name) IN ({', '.join(['lower(?)'] * len(self.places))})", *self.places)
        for side, values in (("actor", self.actors), ("recipient", self.recipients)):
            if values:
                condition, values_params = _party_condition(side, values)
                where(condition, *values_params)
        if self.countries:
            marks = _placeholders(self.countries)
            where(
                f"(e.place_country IN ({marks}) OR EXISTS (SELECT 1 FROM parties p WHERE p.article_id = e.article_id"
                f" AND p.event_id = e.event_id AND p.country IN ({marks})))",
                *self.countries, *self.countries,
            )
        # compared by the event's first and last day, so a month ("1996-03") is in
        # since 1996-03-15; the value stands in only for rows stored without them, by a
        # dragoman that wrote days alone there
        dated: list[str] = []
        if self.since:
            dated.append("COALESCE(e.date_last, e.date_value) >= ?")
            params.append(self.since)
        if self.until:
            dated.append("COALESCE(e.date_first, e.date_value) <= ?")
            params.append(self.until)
        if dated:
            condition = " AND ".join(dated)
            if self.undated:
                condition = f"(({condition}) OR (e.date_value IS NULL AND e.date_first IS NULL))"
            parts.append(condition)
        return (" AND ".join(parts) or "1 = 1"), params


def _party_condition(side: str, values: tuple[str, ...]) -> tuple[str, list]:
    """A party on `side` coded or named as one of `values` (see the module docstring).

    The events' keys are gathered once, by code and by name, and each event is looked
    up among them: a check per event (a subquery joining its parties to their actors)
    took seconds on 100,000 events."""
    codes = tuple(v.strip().upper() for v in values)
    names = tuple(v.strip() for v in values)
    condition = (
        f"(e.article_id, e.event_id) IN (SELECT p.article_id, p.event_id FROM parties p WHERE p.side = '{side}'"
        f" AND (p.country IN ({_placeholders(codes)}) OR p.sector IN ({_placeholders(codes)})"
        f" OR p.actor_id IN ({_placeholders(names)}))"
        # CROSS JOIN: the actors of that name first (SQLite would rather read every party)
        " UNION ALL SELECT p.article_id, p.event_id FROM actors x CROSS JOIN parties p WHERE p.article_id = x.article_id"
        f" AND p.actor_id = x.actor_id AND p.side = '{side}'"
        f" AND lower(x.name) IN ({', '.join(['lower(?)'] * len(names))}))"
    )
    return condition, [*codes, *codes, *names, *names]


_DATE = click.DateTime(["%Y-%m-%d"])


def _options() -> dict[str, Callable]:
    """The filter options by the criterion each sets."""
    return {
        "types": click.option("--type", "types", multiple=True, metavar="TYPE",
                              help="PLOVER event type (ASSAULT, CONSULT, ...). Repeatable: any of them."),
        "actors": click.option("--actor", "actors", multiple=True, metavar="WHO",
                               help="An actor's country code (ISR), sector code (MIL), name or article-local id. "
                               "Repeatable."),
        "recipients": click.option("--recipient", "recipients", multiple=True, metavar="WHO",
                                   help="The same for the recipient side. Repeatable."),
        "countries": click.option("--country", "countries", multiple=True, metavar="ISO3",
                                  help="A party of either side, or the event's place, in this country. Repeatable."),
        "since": click.option("--since", type=_DATE, metavar="DATE",
                              help="Events dated on or after DATE (YYYY-MM-DD); a dated span counts if it overlaps."),
        "until": click.option("--until", type=_DATE, metavar="DATE", help="Events dated on or before DATE (YYYY-MM-DD)."),
        "undated": click.option("--undated", is_flag=True,
                                help="With --since/--until, keep undated events too (left out by default)."),
        "statuses": click.option("--status", "statuses", multiple=True,
                                 type=click.Choice([*ALL_STATUSES, "all"]),
                                 help="Event status. Repeatable. Default: occurred and historical (what happened); "
                                 "'all' adds future, hypothetical and negated."),
        "places": click.option("--place", "places", multiple=True, metavar="NAME",
                               help="The event's place, by its whole name in any case. Repeatable."),
        "articles": click.option("--article", "articles", multiple=True, metavar="ID", help="Article id. Repeatable."),
        "stories": click.option("--story", "stories", multiple=True, metavar="ID",
                                help="Events of a story's articles (ids as `dragoman stories` prints them). "
                                "Repeatable."),
        "min_sources": click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
                                    metavar="N",
                                    help="Events reported by at least N independent articles (a wire copy counts "
                                    "once)."),
    }


def filter_options(command=None, *, without: tuple[str, ...] = ()):
    """The filter options, the same on every command that reads events (`without`: those
    a command gives another meaning or has no use for). A decorator, bare or called."""

    def add(command):
        for name, option in reversed(list(_options().items())):
            if name not in without:
                command = option(command)
        return command

    return add(command) if command is not None else add


def from_options(options: dict) -> EventFilter:
    """The filter from `filter_options`' values (which it removes from `options`);
    a value no event can have is a usage error."""
    statuses = options.pop("statuses", ()) or DEFAULT_STATUSES
    since, until = options.pop("since", None), options.pop("until", None)
    try:
        return EventFilter(
            types=options.pop("types", ()),
            actors=options.pop("actors", ()),
            recipients=options.pop("recipients", ()),
            countries=options.pop("countries", ()),
            since=since.date().isoformat() if since else None,
            until=until.date().isoformat() if until else None,
            undated=options.pop("undated", False),
            statuses=ALL_STATUSES if "all" in statuses else statuses,
            places=options.pop("places", ()),
            articles=options.pop("articles", ()),
            min_sources=options.pop("min_sources", 0),
            stories=options.pop("stories", ()),
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
