"""The public records dragoman reads and writes.

Field names here are a public contract: external scorers, the SQLite store and
users' scripts read them. `schema/dragoman.schema.json` is generated from this
module (`dragoman schema`), so this file is the single place the schema lives.

All offsets are character offsets into the article text as dragoman read it
(for HTML, the extracted body text), end-exclusive, like Python slices.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Literal, Optional

import msgspec

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Status = Literal["occurred", "future", "hypothetical", "negated", "historical"]
HAPPENED: frozenset[str] = frozenset({"occurred", "historical"})  # the statuses of an event told as having happened
Precision = Literal["day", "week", "month", "year", "unknown"]
# why a date mention (or an event's date) has no days (DateMention.unresolved)
Unresolved = Literal["no_publication_date", "no_earlier_date", "ambiguous", "unplaced"]
QuoteKind = Literal["direct", "indirect"]
# a calendar date at the precision known: a day, a month or a year (DateMention.value)
CalendarValue = Annotated[str, msgspec.Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class Record(msgspec.Struct, kw_only=True, omit_defaults=False):
    """Base for all output records: keyword-only, JSON-serialisable."""


class Article(Record, kw_only=True):
    """One input document, before analysis."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    url: Optional[str] = None
    source: Optional[str] = None


class Entity(Record, kw_only=True):
    """A named-entity mention as the tagger (plus our corrections) labelled it."""

    text: str
    label: str
    start: int
    end: int


class Actor(Record, kw_only=True):
    """A participant learned from the article: all its mentions share one id."""

    id: str
    name: str
    country: Optional[str] = None  # ISO 3166 alpha-3, or a non-state code: IGO, NGO, IMG
    sector: Optional[str] = None  # PLOVER/CAMEO agent code: GOV, MIL, REB, ...
    role: Optional[str] = None  # free text: "Prime Minister"
    kind: Optional[str] = None  # person | organization | country | group
    mentions: list[tuple[int, int]] = []
    rule: Optional[str] = None  # what coded country/sector: "title:prime minister", ...


class Party(Record, kw_only=True):
    """An actor or recipient of one event, as it is mentioned in the sentence."""

    text: str
    start: int
    end: int
    actor_id: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None


class Trigger(Record, kw_only=True):
    text: str
    start: int
    end: int


class Offsets(Record, kw_only=True):
    start: int
    end: int


class DateMention(Record, kw_only=True):
    """A time expression resolved against the publication date.

    `first`/`last` are the first and last day (YYYY-MM-DD) it can mean ("last
    week": that Monday and Sunday). `value` names the same days as ISO 8601 (and
    EDTF level 0) write a date at the mention's precision, when they are one whole
    calendar day, month or year: YYYY-MM-DD, YYYY-MM ("in May 2021": "2021-05",
    first 2021-05-01, last 2021-05-31) or YYYY. Any other range (a week, a season,
    a quarter, a decade, part of a month) has a null `value`. Whenever `value` is
    set, `first` and `last` are too: compare days with them, not with `value`.
    An event told as earlier than a date has only `last`.

    When no days can be given, `unresolved` says why, and `text` and the offsets
    still say what the article wrote: "no_publication_date" for words that count
    from the day of writing ("on Friday", "last week", "March 3") in an article
    without one, and for an event no words date (`text` "", a zero-length span at
    its trigger); "no_earlier_date" for words that count from a date the text
    has not named ("that day", "the following year"); "ambiguous" for "3/4/2018"
    with nothing to choose between its readings; "unplaced" for words that name
    the calendar but no time we can place ("Independence Day").
    """

    text: str
    start: int
    end: int
    value: Optional[CalendarValue] = None
    first: Optional[str] = None
    last: Optional[str] = None
    precision: Precision = "unknown"
    source: Optional[str] = None  # for event dates: clause | sentence | context | narrative | lede | mention | published
    unresolved: Optional[Unresolved] = None


class Place(Record, kw_only=True):
    text: str
    start: int
    end: int
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    feature: Optional[str] = None  # country | admin1 | admin2 | city | region | sea | facility | locality | ...
    # where the text puts a name the gazetteer lacks: the town named right after it or
    # named most in the article (a street or village, given that town's point), or the
    # country nearly all the article's places lie in (a creek or township: no point)
    within: Optional[str] = None
    # why this sense: gazetteer (the name's likeliest sense on its own) | article-context
    # (the article's other places chose another) | qualifier ("Paris, Texas") |
    # country-word ("Qatari", "the Qatari capital") | same-name-city ("Dublin City" as the
    # article's "Dublin") | county-named-in-full ("DeKalb" after "DeKalb County") |
    # source-home (the state most of the source's other articles name: a local paper's
    # "Columbus") | within-town | article-country (see `within`); none when nothing placed it
    rule: Optional[str] = None


class Claim(Record, kw_only=True):
    """A figure the article states: "more than a million Gazans"."""

    text: str
    start: int
    end: int
    value: Optional[float] = None
    unit: Optional[str] = None
    approximate: bool = False
    bound: Optional[Literal["lower", "upper"]] = None
    subject: Optional[str] = None
    kind: Literal["cardinal", "ordinal", "money", "percent", "duration", "quantity"] = "cardinal"
    rule: Optional[str] = None  # which hedge/unit entries fired: "hedge:at least+unit:person"


class Speaker(Record, kw_only=True):
    text: str
    start: int
    end: int
    actor_id: Optional[str] = None
    name: Optional[str] = None


class Quote(Record, kw_only=True):
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: Optional[Speaker] = None
    cue: Optional[Trigger] = None
    addressee: Optional[Speaker] = None  # "told CNN": who the words were addressed to
    rule: Optional[str] = None


# PLOVER's four quad classes; an Event's `quad` is one of these keys
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
VERBAL_QUADS = frozenset({1, 3})  # things said
MATERIAL_QUADS = frozenset({2, 4})  # things done


class Event(Record, kw_only=True):
    id: str
    event: EventType
    mode: Optional[str] = None
    context: list[str] = []
    cameo: Optional[str] = None
    quad: Optional[int] = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    actor: list[Party] = []
    recipient: list[Party] = []
    status: Status = "occurred"
    date: Optional[DateMention] = None
    place: Optional[Place] = None
    dead: Optional[int] = None  # PLOVER size fields, from the figures in the sentence
    injured: Optional[int] = None
    arrested: Optional[int] = None
    sentence: Offsets
    # the sentence's place in the article, 1 for the first (a line of its own, such as a
    # headline, counts as a sentence): what ICEWS calls the sentence number
    sentence_number: Optional[int] = None
    trigger: Trigger
    rule: str  # which rule fired, e.g. "verb:active"
    lexicon: Optional[str] = None  # which lexicon entry, "events.yaml:123"
    confidence: float = 1.0
    # the id of the article's first event reporting the same happening (its own id when it
    # is the first): mentions of one happening share it, so counting happenings counts it once
    happening: Optional[str] = None


class ArticleRecord(Record, kw_only=True):
    """Everything dragoman extracted from one article: one JSON Lines object."""

    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    text_sha256: str
    actors: list[Actor] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    places: list[Place] = []
    dates: list[DateMention] = []
    claims: list[Claim] = []
    entities: list[Entity] = []
    text: Optional[str] = None  # only with --with-text

    def as_article(self) -> Article:
        """The article as it was given (of a record read with its text), to analyse again."""
        return Article(id=self.id, text=self.text or "", title=self.title, published=self.published,
                       url=self.url, source=self.source)


def json_schema() -> dict:
    """JSON Schema of one output line (ArticleRecord and everything it nests).

    Each record's description is its docstring in our own normal form: msgspec
    releases format docstrings differently (0.23 dedents them, 0.18 did not), and the
    committed schema must not change because a library did.
    """
    schema = msgspec.json.schema(ArticleRecord)
    for name, definition in schema.get("$defs", {}).items():
        doc = globals()[name].__doc__
        if doc:
            definition["description"] = _description(doc)
    return schema


def _description(docstring: str) -> str:
    """A docstring as schema prose: indentation removed, each paragraph on one line."""
    paragraphs = inspect.cleandoc(docstring).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)
