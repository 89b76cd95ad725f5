"""What the event coder's parts pass between them: a trigger found in the
text (`Match`) and the event built on it (`Draft`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from ...records import DateMention, Party
from ..lexicon import Entry

_VERBAL = {"VERB"}


@dataclass
class Match:
    """A lexicon entry found in the text."""

    entry: Entry
    head: Token  # where arguments attach
    tokens: list[Token]  # the trigger words
    carrier: Optional[Token] = None  # light verb of a nominal trigger

    @property
    def verbal(self) -> bool:
        return self.head.pos_ in _VERBAL or self.head.tag_.startswith("VB")


@dataclass
class Draft:
    """An event under construction."""

    match: Match
    actors: list[tuple[Token, Party]]
    recipients: list[tuple[Token, Party]]
    rule: str
    event: str
    cameo: str
    mode: Optional[str] = None
    status: str = "occurred"
    notes: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why the status was chosen
    date: Optional[DateMention] = None  # set when the event is finished
    happening: Optional[Token] = None  # the verb of happening a noun is subject of ("clashes erupted")

    @property
    def head(self) -> Token:
        return self.match.head
